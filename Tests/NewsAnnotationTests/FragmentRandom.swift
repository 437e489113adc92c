/// The xorshift sequence the equivalence suites draw their random fragment strings from: non-negative integers,
/// the same on every run, so a failing string can be replayed.
struct FragmentRandom {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func next() -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(truncatingIfNeeded: state >> 1)
    }
}
