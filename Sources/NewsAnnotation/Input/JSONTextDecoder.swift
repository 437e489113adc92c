extension JSONRecordParser.Scanner {
    /// `string()` for the `text` value, the one long string of a record: same result, same errors, but written
    /// through a pointer into an array sized once for the rest of the line (a decoded string is never longer than its
    /// JSON form), copying sixteen and eight bytes at a time up to the next quote, backslash or control. `string()`
    /// appended each run and each escape to a growing array (a call, often a reallocation, per escape): about 6
    /// instructions a byte of text.
    mutating func decodedText() throws -> (decoded: [UInt8], loneSurrogate: Bool) {
        index += 1
        let n = bytes.count
        guard let base = bytes.baseAddress, index < n else {
            index = n
            throw JSONRecordParser.Failure(message: "the string is not closed")
        }
        var lone = false
        let decoded = try [UInt8](unsafeUninitializedCapacity: n - index) { out, written in
            let start = out.baseAddress!
            var o = start
            var i = index
            // Every store below stays inside the capacity: output never runs ahead of input, and a store of k bytes
            // happens only where k bytes of input remain.
            defer {
                written = start.distance(to: o)
                index = i
            }
            while true {
                while i &+ 16 <= n {
                    let block = JSONStopBytes.load(base + i)
                    if JSONStopBytes.contains(block) { break }
                    JSONStopBytes.store(block, at: o)
                    i &+= 16
                    o += 16
                }
                if i &+ 8 <= n {
                    let k = JSONStopBytes.copyWord(base + i, to: o)
                    i &+= k
                    o += k
                    if k == 8 { continue }
                } else {
                    while i < n && !JSONStopBytes.isStop(base[i]) {
                        o.pointee = base[i]
                        o += 1
                        i &+= 1
                    }
                    guard i < n else { throw JSONRecordParser.Failure(message: "the string is not closed") }
                }
                let c = base[i]
                if c == UInt8(ascii: "\"") {
                    i &+= 1
                    return
                }
                if c < 0x20 { throw JSONRecordParser.Failure(message: "a control character inside a string") }
                // A backslash.
                i &+= 1
                guard i < n else { throw JSONRecordParser.Failure(message: "the string is not closed") }
                let e = base[i]
                i &+= 1
                switch e {
                case UInt8(ascii: "\""): o.pointee = 0x22
                case UInt8(ascii: "\\"): o.pointee = 0x5C
                case UInt8(ascii: "/"): o.pointee = 0x2F
                case UInt8(ascii: "b"): o.pointee = 0x08
                case UInt8(ascii: "f"): o.pointee = 0x0C
                case UInt8(ascii: "n"): o.pointee = 0x0A
                case UInt8(ascii: "r"): o.pointee = 0x0D
                case UInt8(ascii: "t"): o.pointee = 0x09
                case UInt8(ascii: "u"):
                    index = i
                    defer { i = index }
                    o = storeUTF8(try unicodeEscape(lone: &lone), at: o)
                    continue
                default:
                    throw JSONRecordParser.Failure(message: "an unknown escape")
                }
                o += 1
            }
        }
        return (decoded, lone)
    }
}

/// Stores `scalar` as UTF-8 at `o`; returns the position after it.
@inline(__always)
func storeUTF8(_ scalar: UInt32, at o: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    switch scalar {
    case 0..<0x80:
        o[0] = UInt8(scalar)
        return o + 1
    case 0x80..<0x800:
        o[0] = UInt8(0xC0 | (scalar >> 6))
        o[1] = UInt8(0x80 | (scalar & 0x3F))
        return o + 2
    case 0x800..<0x10000:
        o[0] = UInt8(0xE0 | (scalar >> 12))
        o[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        o[2] = UInt8(0x80 | (scalar & 0x3F))
        return o + 3
    default:
        o[0] = UInt8(0xF0 | (scalar >> 18))
        o[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
        o[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        o[3] = UInt8(0x80 | (scalar & 0x3F))
        return o + 4
    }
}
