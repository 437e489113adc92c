/// Caps that keep one bad input from exhausting memory. A document over a cap becomes an error record.
public struct ReaderLimits: Sendable {
    /// The longest text accepted, in bytes of UTF-8.
    public var maxDocumentBytes: Int
    /// The longest JSONL line accepted, in bytes.
    public var maxLineBytes: Int

    public static let defaultMaxDocumentBytes = 64 << 20
    public static let defaultMaxLineBytes = 128 << 20

    public init(maxDocumentBytes: Int = defaultMaxDocumentBytes, maxLineBytes: Int = defaultMaxLineBytes) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxLineBytes = maxLineBytes
    }
}
