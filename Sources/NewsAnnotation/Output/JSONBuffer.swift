/// A growable byte buffer that writes JSON tokens: strings with every code point escaped correctly, integers, raw
/// bytes. Records are built here and handed to the output stream whole, so a record is never half-written.
///
/// Every write reserves its worst case once and then stores bytes through a pointer (`JSONCursor`): appending to an
/// `Array` byte by byte (a uniqueness and a capacity check per byte) made writing cost about 50 M instructions per MB
/// of input.
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
        write(reserving: 20) { $0.int(value) }
    }

    /// Writes `utf8` (valid UTF-8) as a JSON string. Quotes, backslashes and C0 controls are escaped; everything
    /// else, U+2028 and U+2029 included, is written as UTF-8, which every JSON parser accepts.
    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        write(reserving: JSONCursor.stringCapacity(utf8.count)) { $0.string(utf8) }
    }

    /// Reserves `n` bytes once and lets `body` write at most that many through a cursor.
    @inline(__always) mutating func write(reserving n: Int, _ body: (inout JSONCursor) -> Void) {
        let start = reserve(n)
        var cursor = JSONCursor(start)
        body(&cursor)
        count += start.distance(to: cursor.position)
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
