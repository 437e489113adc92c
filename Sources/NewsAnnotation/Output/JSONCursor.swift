/// Writes JSON tokens through a pointer into room a `JSONBuffer` has reserved (`JSONBuffer.write(reserving:_:)`).
///
/// A record is written as a few reservations of its worst case, each filled here without further checks: reserving
/// per token (a capacity and a uniqueness check, the latter a runtime call) cost more than the bytes themselves.
/// Worst cases: `stringCapacity(n)` for a string of n bytes, 20 for an integer, the length of a literal.
struct JSONCursor {
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ position: UnsafeMutablePointer<UInt8>) {
        self.position = position
    }

    /// The room `string` may use for `n` bytes: every byte a six-byte `\u00XX`, the quotes, and the eight bytes a
    /// whole-word store may write past the last byte it keeps.
    @inline(__always) static func stringCapacity(_ n: Int) -> Int { 6 &* n &+ 10 }

    @inline(__always) mutating func raw(_ byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    @inline(__always) mutating func raw(_ literal: StaticString) {
        let n = literal.utf8CodeUnitCount
        position.update(from: literal.utf8Start, count: n)
        position += n
    }

    @inline(__always) mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        position.update(from: source, count: bytes.count)
        position += bytes.count
    }

    /// At most 20 bytes. Digits counted by comparison and written two at a time: offsets are most of the numbers in
    /// a record, and most have five digits or fewer.
    @inline(__always) mutating func int(_ value: Int) {
        if value < 0 { raw(UInt8(ascii: "-")) }
        var v = value.magnitude
        var digits: Int
        if v < 100_000 {
            digits = v < 100 ? (v < 10 ? 1 : 2) : (v < 1_000 ? 3 : (v < 10_000 ? 4 : 5))
        } else {
            digits = 6
            var limit: UInt = 1_000_000
            while digits < 20 && v >= limit {
                digits += 1
                limit &*= 10
            }
        }
        let p = position
        let pairs = Self.digitPairs.utf8Start
        var k = digits
        while v >= 100 {
            let q = v / 100
            let pair = Int(truncatingIfNeeded: v &- q &* 100) &* 2
            v = q
            k &-= 2
            p[k] = pairs[pair]
            p[k &+ 1] = pairs[pair &+ 1]
        }
        if v >= 10 {
            let pair = Int(truncatingIfNeeded: v) &* 2
            p[0] = pairs[pair]
            p[1] = pairs[pair &+ 1]
        } else {
            p[0] = UInt8(truncatingIfNeeded: 0x30 &+ v)
        }
        position += digits
    }

    /// "00" to "99" in a row (a computed literal, so reading it costs no lazy initialisation).
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// `utf8` (valid UTF-8) as a JSON string, in at most `stringCapacity(utf8.count)` bytes. Quotes, backslashes and
    /// C0 controls are escaped; everything else, U+2028 and U+2029 included, is written as UTF-8, which every JSON
    /// parser accepts.
    @inline(__always) mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        raw(UInt8(ascii: "\""))
        if let source = utf8.baseAddress, utf8.count > 0 { escape(source, utf8.count) }
        raw(UInt8(ascii: "\""))
    }

    /// Copies sixteen bytes at a time while none needs an escape, then a word at a time, stopping only at a byte that
    /// needs one; the last partial word is assembled from narrower loads (never reading past the string) and stored
    /// whole into the slack `stringCapacity` leaves.
    private mutating func escape(_ source: UnsafePointer<UInt8>, _ n: Int) {
        var i = 0
        var o = position
        while i &+ 8 <= n {
            if i &+ 16 <= n {
                let block = JSONStopBytes.load(source + i)
                JSONStopBytes.store(block, at: o)
                if !JSONStopBytes.contains(block) {
                    i &+= 16
                    o += 16
                    continue
                }
            }
            let k = JSONStopBytes.copyWord(source + i, to: o)
            if k == 8 {
                i &+= 8
                o += 8
                continue
            }
            o += k
            o = Self.escaped(source[i &+ k], at: o)
            i &+= k &+ 1
        }
        while i < n {
            let r = n &- i  // 1...7
            let word = Self.loadTail(source + i, r)
            UnsafeMutableRawPointer(o).storeBytes(of: word, as: UInt64.self)
            let mask = JSONBuffer.escapeMask(word) & ((1 &<< UInt64(r &* 8)) &- 1)
            if mask == 0 {
                o += r
                break
            }
            let k = mask.trailingZeroBitCount >> 3
            o += k
            o = Self.escaped(source[i &+ k], at: o)
            i &+= k &+ 1
        }
        position = o
    }

    /// The `r` (1 to 7) bytes at `p` in the low bytes of a word, the rest zero.
    @inline(__always) private static func loadTail(_ p: UnsafePointer<UInt8>, _ r: Int) -> UInt64 {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        var q = UnsafeRawPointer(p)
        if r & 4 != 0 {
            word = UInt64(q.loadUnaligned(as: UInt32.self))
            shift = 32
            q += 4
        }
        if r & 2 != 0 {
            word |= UInt64(q.loadUnaligned(as: UInt16.self)) &<< shift
            shift &+= 16
            q += 2
        }
        if r & 1 != 0 {
            word |= UInt64(q.load(as: UInt8.self)) &<< shift
        }
        return word
    }

    /// Writes the escape of `c` (a quote, a backslash or a C0 control) at `o`; returns the position after it.
    @inline(__always) private static func escaped(_ c: UInt8, at o: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        o[0] = UInt8(ascii: "\\")
        switch c {
        case 0x22: o[1] = 0x22
        case 0x5C: o[1] = 0x5C
        case 0x0A: o[1] = UInt8(ascii: "n")
        case 0x0D: o[1] = UInt8(ascii: "r")
        case 0x09: o[1] = UInt8(ascii: "t")
        case 0x08: o[1] = UInt8(ascii: "b")
        case 0x0C: o[1] = UInt8(ascii: "f")
        default:
            o[1] = UInt8(ascii: "u")
            o[2] = UInt8(ascii: "0")
            o[3] = UInt8(ascii: "0")
            o[4] = hexDigit(c >> 4)
            o[5] = hexDigit(c & 0xF)
            return o + 6
        }
        return o + 2
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 &+ v : 0x61 &+ v &- 10
    }
}
