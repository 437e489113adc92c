/// One document as the quote finders read it: every token's lower-cased text, the token ranges of paragraphs,
/// lines and sentences, and the entity covering each token. Built once per document so that the finders compare
/// short strings and indices instead of re-reading bytes.
struct QuoteContext {
    let text: [UInt8]
    let tokens: [Token]
    let entities: [Entity]
    /// Lower-cased text of each token (punctuation as is).
    let words: [String]
    /// Index into `entities` of the entity covering each token, or -1.
    let entityAt: [Int32]
    let paragraphs: [Range<Int>]
    let paragraphOf: [Int32]
    let lines: [Range<Int>]
    let lineOf: [Int32]
    let sentences: [Range<Int>]
    let sentenceOf: [Int32]
    let givenNames: Set<String>
    /// Word classes or punctuation of each token.
    let tags: [WordTag]
    /// The speech cue starting at each token, if any.
    private(set) var cues: [SpeechVerbs.Cue?] = []

    init(_ doc: Document, givenNames: Set<String> = []) {
        text = doc.text
        tokens = doc.tokens
        entities = doc.entities
        self.givenNames = givenNames
        let n = tokens.count
        var words: [String] = []
        words.reserveCapacity(n)
        doc.text.withUnsafeBufferPointer { buffer in
            for token in doc.tokens {
                words.append(QuoteContext.lowercased(UnsafeBufferPointer(rebasing: buffer[token.start..<token.end])))
            }
        }
        self.words = words
        var tags: [WordTag] = []
        tags.reserveCapacity(n)
        for (i, token) in doc.tokens.enumerated() {
            if token.kind == .word {
                tags.append(WordTag.words[words[i]] ?? [])
            } else if token.range.length == 1 {
                tags.append(WordTag.punctuation(doc.text[token.start]))
            } else if words[i] == "'s" || words[i] == "’s" {
                tags.append(.possessive)
            } else if words[i] == "…" {
                tags.append(.ellipsis)
            } else {
                tags.append([])
            }
        }
        self.tags = tags

        var entityAt = [Int32](repeating: -1, count: n)
        for (index, entity) in doc.entities.enumerated() {
            let lo = max(0, Int(entity.firstToken)), hi = min(n, Int(entity.endToken))
            if lo < hi { for t in lo..<hi { entityAt[t] = Int32(index) } }
        }
        self.entityAt = entityAt

        func group(_ startsNew: (Int) -> Bool) -> ([Range<Int>], [Int32]) {
            var ranges: [Range<Int>] = []
            var of = [Int32](repeating: 0, count: n)
            var start = 0
            for i in 0..<n {
                if i > 0 && startsNew(i) {
                    ranges.append(start..<i)
                    start = i
                }
                of[i] = Int32(ranges.count)
            }
            if n > 0 { ranges.append(start..<n) }
            return (ranges, of)
        }
        (paragraphs, paragraphOf) = group { doc.tokens[$0].flags.contains(.paragraphStart) }
        (lines, lineOf) = group { doc.tokens[$0].flags.contains(.lineStart) }
        (sentences, sentenceOf) = group {
            doc.tokens[$0].sentence != doc.tokens[$0 - 1].sentence || doc.tokens[$0].flags.contains(.paragraphStart)
        }
        cues = (0..<n).map { i in
            tags[i].isDisjoint(with: [.speechVerb, .cueStart]) ? nil : SpeechVerbs.detect(at: i, in: self)
        }
    }

    /// ASCII letters folded; other scalars lower-cased by the standard library only when non-ASCII is present.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        var hasUpper = false
        for b in bytes {
            if b >= 0x80 { ascii = false; break }
            if b >= 0x41 && b <= 0x5A { hasUpper = true }
        }
        if !ascii { return String(decoding: bytes, as: UTF8.self).lowercased() }
        if !hasUpper { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
            return bytes.count
        }
    }

    var count: Int { tokens.count }

    @inline(__always) func word(_ i: Int) -> String { i >= 0 && i < tokens.count ? words[i] : "" }
    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }
    @inline(__always) func isCapitalized(_ i: Int) -> Bool { isWord(i) && tokens[i].isCapitalized }
    @inline(__always) func isLower(_ i: Int) -> Bool { isWord(i) && tokens[i].flags.contains(.lowercase) }
    @inline(__always) func `is`(_ i: Int, _ s: String) -> Bool { i >= 0 && i < tokens.count && words[i] == s }

    func entity(_ i: Int) -> Entity? {
        guard i >= 0, i < tokens.count, entityAt[i] >= 0 else { return nil }
        return entities[Int(entityAt[i])]
    }

    /// Whether token `i` is one of the punctuation marks in `tag`.
    @inline(__always) func isPunct(_ i: Int, _ tag: WordTag) -> Bool {
        i >= 0 && i < tokens.count && !tags[i].isDisjoint(with: tag)
    }

    /// Whether token `i` is a word of any of the classes in `tag`.
    @inline(__always) func has(_ i: Int, _ tag: WordTag) -> Bool {
        i >= 0 && i < tokens.count && !tags[i].isDisjoint(with: tag)
    }

    func sentence(of i: Int) -> Range<Int> { sentences[Int(sentenceOf[i])] }
    func paragraph(of i: Int) -> Range<Int> { paragraphs[Int(paragraphOf[i])] }
    func line(of i: Int) -> Range<Int> { lines[Int(lineOf[i])] }

    /// The text range of tokens `first..<end`.
    func range(_ first: Int, _ end: Int) -> TextRange {
        TextRange(tokens[first].range.start, tokens[end - 1].range.end)
    }

    func string(_ first: Int, _ end: Int) -> String {
        guard first < end else { return "" }
        let r = range(first, end)
        return String(decoding: text[Int(r.start)..<Int(r.end)], as: UTF8.self)
    }

    /// Whether a token is glued to the one before it (no space between).
    @inline(__always) func glued(_ i: Int) -> Bool { i > 0 && !tokens[i].flags.contains(.spaceBefore) }
}
