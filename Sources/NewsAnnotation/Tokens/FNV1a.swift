/// FNV-1a over a word's bytes, the hash of the tools' byte-keyed word tables (`WordInterner`, `WordTagTable`):
/// a few instructions a byte, and words are short. The final shift mixes high bits into the low ones the tables
/// mask with.
enum FNV1a {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

    @inline(__always)
    static func finish(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }

    @inline(__always)
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var h = offset
        for b in bytes { h = step(h, b) }
        return finish(h)
    }
}
