/// A named entity: a span of the normalized text, its type and its canonical name.
public struct Entity: Sendable {
    public var range: TextRange
    public var type: EntityType
    /// The canonical name (the gazetteer's spelling, or the fullest form seen in the document).
    public var name: String
    /// Index of the first token and one past the last token of the span.
    public var firstToken: Int32
    public var endToken: Int32

    public init(range: TextRange, type: EntityType, name: String, firstToken: Int, endToken: Int) {
        self.range = range
        self.type = type
        self.name = name
        self.firstToken = Int32(firstToken)
        self.endToken = Int32(endToken)
    }
}
