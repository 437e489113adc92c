/// A token of the normalized text: a run of letters and digits (with inner apostrophes), or one punctuation mark.
///
/// Made once by `Tokenizer`; later stages read tokens and never split the text again.
public struct Token: Sendable {
    public enum Kind: UInt8, Sendable {
        case word       // contains a letter
        case number     // digits only (with inner , or .)
        case punct      // one non-space, non-word scalar
    }

    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// First letter is upper-case (or title-case).
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is upper-case and there are at least two letters.
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// White space (or the text start) comes right before the token.
        public static let spaceBefore = Flags(rawValue: 1 << 2)
        /// The token starts a sentence.
        public static let sentenceStart = Flags(rawValue: 1 << 3)
        /// The token starts a line.
        public static let lineStart = Flags(rawValue: 1 << 4)
        /// The token starts a paragraph.
        public static let paragraphStart = Flags(rawValue: 1 << 5)
        /// The word holds a non-ASCII scalar.
        public static let nonASCII = Flags(rawValue: 1 << 6)
        /// A line break comes right before the token.
        public static let newlineBefore = Flags(rawValue: 1 << 7)
        /// Every letter is lower-case.
        public static let lowercase = Flags(rawValue: 1 << 8)
    }

    public var range: TextRange
    public var kind: Kind
    public var flags: Flags
    /// Index of the sentence holding the token.
    public var sentence: Int32

    public var start: Int { Int(range.start) }
    public var end: Int { Int(range.end) }
    public var isWord: Bool { kind == .word }
    public var isCapitalized: Bool { flags.contains(.capitalized) }
}
