/// One document as the quote finders read it: every token's lower-cased text, the token ranges of paragraphs,
/// lines and sentences, and the entity covering each token. Built once per document so that the finders compare
/// short strings and indices instead of re-reading bytes. A class: every finder, parser and resolver holds it, and
/// copying a reference is one retain where copying a dozen arrays was a dozen.
final class QuoteContext {
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
    /// The speech cue starting at each token, if any. Written only by `init` (it needs the rest of the context to
    /// read cues), so no access can conflict: unchecked spares the hot reads a runtime check.
    @exclusivity(unchecked) private(set) var cues: [SpeechVerbs.Cue?] = []
    /// A buffer `MentionParser` borrows for the units of the phrase it reads, kept for the next parse. Taken and put
    /// back within one call, never held across another access: unchecked, as a checked access cost more than the rest.
    @exclusivity(unchecked) var mentionItems: [MentionParser.Item] = []

    init(_ doc: Document, givenNames: Set<String> = [], cache: QuoteWordCache = QuoteWordCache()) {
        text = doc.text
        tokens = doc.tokens
        entities = doc.entities
        self.givenNames = givenNames
        let n = tokens.count
        let table = WordTagTable.shared
        let asciiBytes = WordTagTable.asciiBytes
        let possessiveKey = UInt64(UInt8(ascii: "'")) | UInt64(UInt8(ascii: "s")) << 8
        // The entity stage's word ids, where it left them: a word met before is read by id.
        let wordIDs = doc.asciiWordIDs.count == n ? doc.asciiWordIDs : [Int32](repeating: -1, count: n)
        if doc.asciiWordIDs.count == n { cache.useWordTable(doc.wordTableGeneration) }
        // Both arrays are written in place, token by token: appending checks uniqueness and capacity each time.
        var words: [String] = []
        let tags = [WordTag](unsafeUninitializedCapacity: n) { tags, tagCount in
            words = [String](unsafeUninitializedCapacity: n) { words, wordCount in
                doc.text.withUnsafeBufferPointer { buffer in
                    doc.tokens.withUnsafeBufferPointer { tokens in
                        for i in 0..<n {
                            let (word, tag) = QuoteContext.word(tokens[i], wordIDs[i], buffer, cache, table, asciiBytes,
                                                                possessiveKey)
                            (words.baseAddress! + i).initialize(to: word)
                            (tags.baseAddress! + i).initialize(to: tag)
                        }
                    }
                }
                wordCount = n
            }
            tagCount = n
        }
        self.words = words
        self.tags = tags

        var entityAt = [Int32](repeating: -1, count: n)
        for (index, entity) in doc.entities.enumerated() {
            let lo = max(0, Int(entity.firstToken)), hi = min(n, Int(entity.endToken))
            if lo < hi { for t in lo..<hi { entityAt[t] = Int32(index) } }
        }
        self.entityAt = entityAt

        // Paragraphs, lines and sentences in one pass: a sentence also ends where a paragraph does.
        var paragraphs: [Range<Int>] = [], lines: [Range<Int>] = [], sentences: [Range<Int>] = []
        var paragraphOf = [Int32](repeating: 0, count: n)
        var lineOf = [Int32](repeating: 0, count: n)
        var sentenceOf = [Int32](repeating: 0, count: n)
        if n > 0 {
            doc.tokens.withUnsafeBufferPointer { tokens in
                var paragraphStart = 0, lineStart = 0, sentenceStart = 0
                var previousSentence = tokens[0].sentence
                for i in 1..<n {
                    let token = tokens[i]
                    let newParagraph = token.flags.contains(.paragraphStart)
                    if newParagraph {
                        paragraphs.append(paragraphStart..<i)
                        paragraphStart = i
                    }
                    if token.flags.contains(.lineStart) {
                        lines.append(lineStart..<i)
                        lineStart = i
                    }
                    if newParagraph || token.sentence != previousSentence {
                        sentences.append(sentenceStart..<i)
                        sentenceStart = i
                    }
                    previousSentence = token.sentence
                    paragraphOf[i] = Int32(paragraphs.count)
                    lineOf[i] = Int32(lines.count)
                    sentenceOf[i] = Int32(sentences.count)
                }
                paragraphs.append(paragraphStart..<n)
                lines.append(lineStart..<n)
                sentences.append(sentenceStart..<n)
            }
        }
        self.paragraphs = paragraphs
        self.paragraphOf = paragraphOf
        self.lines = lines
        self.lineOf = lineOf
        self.sentences = sentences
        self.sentenceOf = sentenceOf

        var cues = [SpeechVerbs.Cue?](repeating: nil, count: n)
        for i in 0..<n where !tags[i].isDisjoint(with: [.speechVerb, .cueStart]) {
            cues[i] = SpeechVerbs.detect(at: i, in: self)
        }
        self.cues = cues
    }

    /// A token's lower-case text and its word classes or punctuation mark.
    @inline(__always) private static func word(_ token: Token, _ wordID: Int32, _ buffer: UnsafeBufferPointer<UInt8>,
                                               _ cache: QuoteWordCache, _ table: WordTagTable, _ asciiBytes: [String],
                                               _ possessiveKey: UInt64) -> (String, WordTag) {
        let start = token.start, count = token.end - token.start
        if count == 1 && token.kind != .word && buffer[start] < 0x80 {
            let b = buffer[start]
            return (asciiBytes[Int(b)], WordTag.punctuation(b))
        }
        if count <= QuoteWordCache.maxBytes {
            // An ASCII word's id stands for its lower-cased bytes.
            let wordID = token.kind == .word ? wordID : -1
            if wordID >= 0, let known = cache.word(wordID: wordID) { return known }
            var key = PackedWord(buffer, start, count)
            if !key.isASCII {
                // A non-ASCII byte: the key is the bytes as they are.
                key.count |= token.kind == .word ? QuoteWordCache.nonASCIIWordFlag : QuoteWordCache.nonASCIISymbolFlag
                return cache.word(key)
            }
            key = key.asciiLowercased
            let (word, tag) = cache.word(key, wordID: wordID)
            if token.kind == .word { return (word, tag) }
            return (word, count == 2 && key.lo == possessiveKey ? .possessive : [])
        }
        let bytes = UnsafeBufferPointer(rebasing: buffer[start..<token.end])
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return token.kind == .word ? QuoteWordCache.nonASCIIWord(bytes) : QuoteWordCache.nonASCIISymbol(bytes)
        }
        // A long ASCII token: folded byte by byte, and an ASCII word equals a key only byte for byte.
        let lower = [UInt8](unsafeUninitializedCapacity: count) { out, made in
            for k in 0..<count {
                let b = bytes[k]
                out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            made = count
        }
        return lower.withUnsafeBufferPointer { lower in
            guard token.kind == .word else { return (String(decoding: lower, as: UTF8.self), []) }
            return table.word(lower)
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

    /// Whether token `i` may read a lower-case word starting with one of the ASCII letters given: false only when
    /// its first byte is ASCII and, folded, none of them. (An ASCII first scalar stays first under lower-casing and
    /// canonical equivalence.) Scans ask it before comparing strings, most tokens being none of the words sought.
    @inline(__always) func mayStart(_ i: Int, _ a: UInt8, _ b: UInt8 = 0, _ c: UInt8 = 0) -> Bool {
        let first = text[tokens[i].start]
        let folded = first &- 0x41 < 26 ? first | 0x20 : first
        return folded >= 0x80 || folded == a || folded == b || folded == c
    }

    /// Whether token `i` may end in the ASCII letter given, by the same reasoning on its last byte.
    @inline(__always) func mayEnd(_ i: Int, _ a: UInt8) -> Bool {
        let last = text[tokens[i].end - 1]
        let folded = last &- 0x41 < 26 ? last | 0x20 : last
        return folded >= 0x80 || folded == a
    }

    /// Whether token `i` reads "'s" or "’s". Punctuation's tag says so exactly; a word token (should the tokenizer
    /// ever make one of them) is compared only if its first byte can start either, so that a scan along a line
    /// costs no string comparisons.
    func isApostropheS(_ i: Int) -> Bool {
        if tags[i].contains(.possessive) { return true }
        guard tokens[i].kind == .word else { return false }
        let first = text[tokens[i].start]
        guard first == UInt8(ascii: "'") || first == 0xE2 else { return false }
        return words[i] == "'s" || words[i] == "’s"
    }

    /// Whether a token is glued to the one before it (no space between).
    @inline(__always) func glued(_ i: Int) -> Bool { i > 0 && !tokens[i].flags.contains(.spaceBefore) }
}
