/// A quotation and who said it.
public struct Quote: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case direct, block, turn, indirect
    }

    /// Who the text says spoke: the mention nearest the cue, and the canonical name it refers to.
    public struct Speaker: Sendable {
        /// The mention (a name, a role or a pronoun), when the text has one.
        public var range: TextRange?
        /// The canonical name, or nil where the text never names the source.
        public var name: String?

        public init(range: TextRange?, name: String?) {
            self.range = range
            self.name = name
        }
    }

    public var range: TextRange
    public var kind: Kind
    public var speaker: Speaker
    /// The speech word ("said", "according to", ":"), when there is one.
    public var cue: TextRange?

    public init(range: TextRange, kind: Kind, speaker: Speaker, cue: TextRange?) {
        self.range = range
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
    }
}
