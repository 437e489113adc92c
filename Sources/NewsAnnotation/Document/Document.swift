/// One news document as it flows through the pipeline: the original bytes, the normalized text with its map
/// back to the original, and the layers each stage adds (paragraphs, sentences, tokens, entities, quotes).
///
/// Like spaCy's `Doc`, it is the single carrier of a document's state: stages read earlier layers and add their
/// own, and never re-read the original or re-tokenize.
public struct Document: Sendable {
    /// The document's id as a JSON value, written back verbatim (a JSON string, or a number from JSONL input).
    public var idJSON: [UInt8]
    /// Extra fields of a JSONL record, as raw `"key":value` JSON members, copied to the output unchanged.
    public var passthroughJSON: [[UInt8]]
    /// The original text: valid UTF-8, exactly as read.
    public let original: [UInt8]

    /// The normalized text (UTF-8) that every stage after the normalizer reads.
    public var text: [UInt8]
    /// Maps `text` offsets back to `original` offsets.
    public var offsets: OffsetMap

    public var paragraphs: [TextRange] = []
    public var sentences: [TextRange] = []
    public var tokens: [Token] = []
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    /// Per token, the entity stage's word id (`WordInterner`) where the token's bytes are all ASCII, else -1; and the
    /// generation of the word table the ids belong to. The quote stage reads a word it has met by id instead of
    /// hashing its bytes again. Empty when the entity stage has not run.
    var asciiWordIDs: [Int32] = []
    var wordTableGeneration = -1

    public init(idJSON: [UInt8], original: [UInt8], passthroughJSON: [[UInt8]] = []) {
        self.idJSON = idJSON
        self.passthroughJSON = passthroughJSON
        self.original = original
        self.text = original
        self.offsets = OffsetMap()
    }

    /// The normalized text of a range, as a String (for rules and names; not for output offsets).
    
    public func string(_ range: TextRange) -> String {
        text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(range.start)..<Int(range.end)]), as: UTF8.self)
        }
    }

    /// The normalized text of a token.
    
    public func string(token index: Int) -> String { string(tokens[index].range) }
}
