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

    init(_ doc: Document, givenNames: Set<String> = []) {
        text = doc.text
        tokens = doc.tokens
        entities = doc.entities
        self.givenNames = givenNames
        let n = tokens.count
        var words: [String] = []
        words.reserveCapacity(n)
        var tags: [WordTag] = []
        tags.reserveCapacity(n)
        let table = WordTagTable.shared
        var scratch = [UInt8](repeating: 0, count: 32)
        doc.text.withUnsafeBufferPointer { buffer in
            for token in doc.tokens {
                let bytes = UnsafeBufferPointer(rebasing: buffer[token.start..<token.end])
                var ascii = true
                var hasUpper = false
                for b in bytes {
                    if b >= 0x80 { ascii = false; break }
                    if b >= 0x41 && b <= 0x5A { hasUpper = true }
                }
                let word: String
                var tag: WordTag = []
                if !ascii {
                    // Rare: the standard library lower-cases, and the dictionary compares as `String` does.
                    word = String(decoding: bytes, as: UTF8.self).lowercased()
                    if token.kind == .word { tag = WordTag.words[word] ?? [] }
                } else {
                    // ASCII folds byte by byte, and an ASCII word equals a key only byte for byte.
                    if token.kind != .word && bytes.count == 1 {
                        word = WordTagTable.asciiBytes[Int(bytes[0])]
                    } else {
                        if scratch.count < bytes.count { scratch = [UInt8](repeating: 0, count: bytes.count) }
                        word = scratch.withUnsafeMutableBufferPointer { out in
                            for (k, b) in bytes.enumerated() { out[k] = hasUpper && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
                            let lower = UnsafeBufferPointer(rebasing: out[0..<bytes.count])
                            guard token.kind == .word else { return String(decoding: lower, as: UTF8.self) }
                            let (word, wordTag) = table.word(lower)
                            tag = wordTag
                            return word
                        }
                    }
                }
                words.append(word)
                if token.kind == .word {
                    tags.append(tag)
                } else if token.range.length == 1 {
                    tags.append(WordTag.punctuation(bytes[0]))
                } else if word == "'s" || word == "’s" {
                    tags.append(.possessive)
                } else if word == "…" {
                    tags.append(.ellipsis)
                } else {
                    tags.append([])
                }
            }
        }
        self.words = words
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
