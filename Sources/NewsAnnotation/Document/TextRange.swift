/// A half-open range of UTF-8 byte offsets into a document's **normalized** text.
///
/// Stages work on normalized bytes; only the writer turns a range into original code-point offsets, through the
/// document's `OffsetMap`. `Int32` keeps the per-token and per-span layers compact; documents are capped well
/// below 2 GiB by the reader.
public struct TextRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var start: Int32
    public var end: Int32

    public init(_ start: Int32, _ end: Int32) {
        self.start = start
        self.end = end
    }

    public init(_ start: Int, _ end: Int) {
        self.start = Int32(start)
        self.end = Int32(end)
    }

    public var isEmpty: Bool { end <= start }
    public var length: Int { Int(end - start) }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    public var description: String { "\(start)..<\(end)" }
}
