/// A growable byte buffer that writes JSON tokens: strings with every code point escaped correctly, integers, raw
/// bytes. Records are built here and handed to the output stream whole, so a record is never half-written.
///
/// Every write reserves its worst case once and then stores bytes through a pointer: appending to an `Array` byte by
/// byte (a uniqueness and a capacity check per byte) made writing cost about 50 M instructions per MB of input.
public struct JSONBuffer: Sendable {
    private var storage: Storage
    public private(set) var count = 0

    public init(capacity: Int = 4096) {
        storage = Storage(capacity: max(capacity, 64))
    }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: count)) }

    /// The bytes written so far; the buffer is left empty, its memory kept for the next records.
    public mutating func take() -> [UInt8] {
        defer { count = 0 }
        return bytes
    }

    /// Where the next `n` bytes go. The caller stores at most `n` bytes there and then advances `count`.
    @inline(__always) private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(count + n > storage.capacity || !isKnownUniquelyReferenced(&storage)) { grow(n) }
        return storage.base + count
    }

    private mutating func grow(_ n: Int) {
        let capacity = max(storage.capacity * 2, count + n)
        let larger = Storage(capacity: capacity)
        larger.base.update(from: storage.base, count: count)
        storage = larger
    }

    @inline(__always) public mutating func raw(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    @inline(__always) public mutating func raw(_ other: UnsafeBufferPointer<UInt8>) {
        guard let source = other.baseAddress else { return }
        reserve(other.count).update(from: source, count: other.count)
        count += other.count
    }

    @inline(__always) public mutating func raw(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { raw($0) }
    }

    @inline(__always) public mutating func raw(_ literal: StaticString) {
        raw(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    public mutating func int(_ value: Int) {
        if value < 0 {
            raw(UInt8(ascii: "-"))
            if value == .min {
                raw("9223372036854775808")
                return
            }
            int(-value)
            return
        }
        // Digits counted by comparison and written two at a time: offsets are most of the numbers in a record.
        let magnitude = UInt(value)
        var digits = 1
        var limit: UInt = 10
        while digits < 20 && magnitude >= limit {
            digits += 1
            limit &*= 10
        }
        let p = reserve(digits)
        let pairs = Self.digitPairs.utf8Start
        var v = magnitude
        var k = digits
        while v >= 100 {
            let pair = Int(v % 100) &* 2
            v /= 100
            k -= 2
            p[k] = pairs[pair]
            p[k + 1] = pairs[pair + 1]
        }
        if v >= 10 {
            let pair = Int(v) &* 2
            p[0] = pairs[pair]
            p[1] = pairs[pair + 1]
        } else {
            p[0] = UInt8(truncatingIfNeeded: 0x30 + v)
        }
        count += digits
    }

    /// "00" to "99" in a row (a computed literal, so reading it costs no lazy initialisation).
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// Writes `utf8` (valid UTF-8) as a JSON string. Quotes, backslashes and C0 controls are escaped; everything
    /// else, U+2028 and U+2029 included, is written as UTF-8, which every JSON parser accepts.
    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        // Worst case: every byte a six-byte \u00XX escape, plus the quotes.
        let p = reserve(6 * n + 2)
        var o = 0
        p[o] = UInt8(ascii: "\"")
        o += 1
        if let source = utf8.baseAddress {
            var i = 0
            while i < n {
                // Eight bytes at a time while none of them needs escaping (the usual case).
                if i + 8 <= n {
                    let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                    if Self.escapeMask(word) == 0 {
                        UnsafeMutableRawPointer(p + o).storeBytes(of: word, as: UInt64.self)
                        i += 8
                        o += 8
                        continue
                    }
                }
                let c = source[i]
                i += 1
                guard c < 0x20 || c == 0x22 || c == 0x5C else {
                    p[o] = c
                    o += 1
                    continue
                }
                p[o] = UInt8(ascii: "\\")
                switch c {
                case 0x22: p[o + 1] = 0x22
                case 0x5C: p[o + 1] = 0x5C
                case 0x0A: p[o + 1] = UInt8(ascii: "n")
                case 0x0D: p[o + 1] = UInt8(ascii: "r")
                case 0x09: p[o + 1] = UInt8(ascii: "t")
                case 0x08: p[o + 1] = UInt8(ascii: "b")
                case 0x0C: p[o + 1] = UInt8(ascii: "f")
                default:
                    p[o + 1] = UInt8(ascii: "u")
                    p[o + 2] = UInt8(ascii: "0")
                    p[o + 3] = UInt8(ascii: "0")
                    p[o + 4] = Self.hexDigit(c >> 4)
                    p[o + 5] = Self.hexDigit(c & 0xF)
                    o += 4
                }
                o += 2
            }
        }
        p[o] = UInt8(ascii: "\"")
        count += o + 1
    }

    /// The high bit of every byte of `word` (read little-endian) that is a quote, a backslash or below 0x20: the bytes
    /// a JSON string must escape, and so the bytes a JSON reader must stop at. These are the classic "has zero byte"
    /// tests; a borrow can mark a byte after the first marked one, never before, so the lowest mark is exact.
    @inline(__always) static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & highs
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 + v : 0x61 + v - 10
    }

    public mutating func string(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { string($0) }
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string($0) }
    }

    /// A JSON string literal for `utf8`, as bytes.
    public static func quoted(_ utf8: [UInt8]) -> [UInt8] {
        var buffer = JSONBuffer(capacity: utf8.count + 2)
        buffer.string(utf8)
        return buffer.bytes
    }

    /// The buffer's memory. Shared by copies of a `JSONBuffer` until one of them writes, which copies it first.
    private final class Storage: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }
}
