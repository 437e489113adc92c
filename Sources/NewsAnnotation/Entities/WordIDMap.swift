/// A value per word id, for one document at a time: `startDocument` forgets every value at once by moving to a new
/// stamp, and a look-up is two array reads where a `Dictionary` hashed the id with SipHash.
///
/// Word ids are dense (`WordInterner`), so the arrays grow to the largest id used and stay; one per worker. No
/// access to it overlaps another (one thread, no reference escapes a call): its storage goes unchecked, which spares
/// every read a runtime exclusivity check.
final class WordIDMap<Value> {
    @exclusivity(unchecked) private var stamps: [UInt32] = []
    @exclusivity(unchecked) private var values: [Value?] = []
    @exclusivity(unchecked) private var stamp: UInt32 = 1
    /// Whether a value was set since `startDocument`.
    @exclusivity(unchecked) private(set) var isEmpty = true

    func startDocument() {
        isEmpty = true
        stamp &+= 1
        if stamp == 0 {
            // After 2^32 documents: the old stamps could come round again.
            stamps = Array(repeating: 0, count: stamps.count)
            stamp = 1
        }
    }

    @inline(__always) subscript(id: Int32) -> Value? {
        get {
            let i = Int(id)
            return i >= 0 && i < stamps.count && stamps[i] == stamp ? values[i] : nil
        }
        set {
            let i = Int(id)
            precondition(i >= 0, "word ids are not negative")
            if i >= stamps.count {
                let size = max(i + 1, stamps.count * 2)
                stamps.append(contentsOf: repeatElement(0, count: size - stamps.count))
                values.append(contentsOf: repeatElement(nil, count: size - values.count))
            }
            if let newValue {
                stamps[i] = stamp
                values[i] = newValue
                isEmpty = false
            } else {
                stamps[i] = 0
                values[i] = nil
            }
        }
    }
}
