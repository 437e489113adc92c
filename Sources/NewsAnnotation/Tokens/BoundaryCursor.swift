/// Where the tokens stand among the sentences and paragraphs: the sentence index every token carries and the
/// sentence- and paragraph-start flags. Asked only for tokens from `next` on, the first offset where an index may
/// move or a range starts: between those offsets every token gets the same index and neither flag.
struct BoundaryCursor {
    let sentences: UnsafeBufferPointer<TextRange>
    let paragraphs: UnsafeBufferPointer<TextRange>
    private(set) var sentence = 0
    private var paragraph = 0
    /// The current range's start (-1 without ranges) and the offset from which the index may move on.
    private var sentenceStart: Int, sentenceEnd: Int
    private var paragraphStart: Int, paragraphEnd: Int
    private(set) var next = 0

    init(sentences: UnsafeBufferPointer<TextRange>, paragraphs: UnsafeBufferPointer<TextRange>) {
        self.sentences = sentences
        self.paragraphs = paragraphs
        (sentenceStart, sentenceEnd) = Self.bounds(sentences, 0)
        (paragraphStart, paragraphEnd) = Self.bounds(paragraphs, 0)
    }

    /// The start flags of a token at `start`, which is at least `next` and beyond every earlier token's start.
    @inline(never)
    mutating func advance(to start: Int) -> Token.Flags {
        if start >= sentenceEnd {
            while sentence + 1 < sentences.count, Int(sentences[sentence].end) <= start { sentence += 1 }
            (sentenceStart, sentenceEnd) = Self.bounds(sentences, sentence)
        }
        if start >= paragraphEnd {
            while paragraph + 1 < paragraphs.count, Int(paragraphs[paragraph].end) <= start { paragraph += 1 }
            (paragraphStart, paragraphEnd) = Self.bounds(paragraphs, paragraph)
        }
        var flags: Token.Flags = []
        if start == sentenceStart { flags.insert(.sentenceStart) }
        if start == paragraphStart { flags.insert(.paragraphStart) }
        // A range start already passed cannot flag a later token; one still ahead can.
        // Pairwise: the variadic min builds an array, released at every call.
        next = min(min(sentenceEnd, paragraphEnd),
                   min(sentenceStart > start ? sentenceStart : Int.max, paragraphStart > start ? paragraphStart : Int.max))
        return flags
    }

    /// The start of range `index` (-1 past the end) and its end, or Int.max for the last range, which the index never
    /// leaves.
    static func bounds(_ ranges: UnsafeBufferPointer<TextRange>, _ index: Int) -> (Int, Int) {
        guard index < ranges.count else { return (-1, Int.max) }
        return (Int(ranges[index].start), index + 1 < ranges.count ? Int(ranges[index].end) : Int.max)
    }
}
