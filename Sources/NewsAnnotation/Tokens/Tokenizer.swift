/// Tokens stage. Takes the normalized text and its sentences and paragraphs; gives the tokens every later stage reads.
///
/// A word is a run of letters, digits and combining marks, with inner apostrophes ("O'Brien", "Xi’an"); a possessive
/// "'s" / "’s" at a word's end is split off as its own token. Digits joined by "." or "," stay one number ("1,200",
/// "3.5"). Every other non-space scalar is a one-scalar punctuation token, so "U.S." is U . S . and
/// "Armenia-Azerbaijan" is Armenia - Azerbaijan: matchers compare token sequences, not strings.
public struct Tokenizer: Sendable {
    public init() {}

    public func process(_ doc: inout Document) {
        doc.tokens = doc.text.withUnsafeBufferPointer { tokens($0, sentences: doc.sentences, paragraphs: doc.paragraphs) }
    }

    public func tokens(_ text: UnsafeBufferPointer<UInt8>, sentences: [TextRange], paragraphs: [TextRange]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        let n = text.count
        var i = 0
        var sentenceIndex = 0
        var paragraphIndex = 0
        var spaceBefore = true
        var newlineBefore = true
        var lineStart = true
        while i < n {
            let c = text[i]
            if c == 0x20 || c == 0x09 || c == 0x0A {
                spaceBefore = true
                if c == 0x0A {
                    newlineBefore = true
                    lineStart = true
                }
                i += 1
                continue
            }
            let start = i
            var kind: Token.Kind
            var flags: Token.Flags = []
            let (scalar, length) = decode(text, i)
            if isWordScalar(scalar) {
                var end = i
                var upper = 0, lower = 0, letters = 0, digits = 0
                var firstLetterUpper = false
                var nonASCII = false
                var j = i
                while j < n {
                    let (s, l) = decode(text, j)
                    if isWordScalar(s) {
                        if s >= 0x80 { nonASCII = true }
                        if s < 0x80 {
                            // ASCII: no Unicode property look-up.
                            if isDigit(s) {
                                digits += 1
                            } else {
                                let isUpper = s <= 0x5A
                                if letters == 0 { firstLetterUpper = isUpper }
                                letters += 1
                                if isUpper { upper += 1 } else { lower += 1 }
                            }
                        } else if isDigit(s) {
                            digits += 1
                        } else if let u = Unicode.Scalar(s), u.properties.isAlphabetic {
                            let isUpper = s < 0x80 ? (s >= 0x41 && s <= 0x5A) : (u.properties.isUppercase || u.properties.generalCategory == .titlecaseLetter)
                            let isLower = s < 0x80 ? (s >= 0x61 && s <= 0x7A) : u.properties.isLowercase
                            if letters == 0 { firstLetterUpper = isUpper }
                            letters += 1
                            if isUpper { upper += 1 }
                            if isLower { lower += 1 }
                        }
                        j += l
                        end = j
                        continue
                    }
                    // Inner apostrophe: joins letters unless it starts a possessive 's at the word's end.
                    if s == 0x27 || s == 0x2019, j + l < n {
                        let (after, afterLength) = decode(text, j + l)
                        if isWordScalar(after) && !isDigit(after) {
                            let isPossessive = (after == 0x73 || after == 0x53)
                                && (j + l + afterLength >= n || !isWordScalar(decode(text, j + l + afterLength).0))
                            if isPossessive { break }
                            j += l
                            continue
                        }
                    }
                    // Inner . or , between digits: one number.
                    if (s == 0x2E || s == 0x2C), digits > 0, letters == 0, j + 1 < n, isDigit(UInt32(text[j + 1])),
                       j > 0, isDigit(UInt32(text[j - 1])) {
                        j += 1
                        continue
                    }
                    break
                }
                i = end
                kind = letters > 0 ? .word : .number
                if letters > 0 {
                    if firstLetterUpper { flags.insert(.capitalized) }
                    if upper == letters && letters >= 2 { flags.insert(.allCaps) }
                    if lower == letters { flags.insert(.lowercase) }
                }
                if nonASCII { flags.insert(.nonASCII) }
            } else if (scalar == 0x27 || scalar == 0x2019), i + length < n, (text[i + length] | 0x20) == 0x73,
                      !tokens.isEmpty, tokens[tokens.count - 1].end == i, tokens[tokens.count - 1].kind == .word,
                      i + length + 1 >= n || !isWordScalar(decode(text, i + length + 1).0) {
                // The possessive 's split off the word before it.
                i += length + 1
                kind = .punct
            } else {
                i += length
                kind = .punct
            }
            while sentenceIndex + 1 < sentences.count, Int(sentences[sentenceIndex].end) <= start { sentenceIndex += 1 }
            if sentenceIndex < sentences.count, Int(sentences[sentenceIndex].start) == start { flags.insert(.sentenceStart) }
            while paragraphIndex + 1 < paragraphs.count, Int(paragraphs[paragraphIndex].end) <= start { paragraphIndex += 1 }
            if paragraphIndex < paragraphs.count, Int(paragraphs[paragraphIndex].start) == start { flags.insert(.paragraphStart) }
            if spaceBefore { flags.insert(.spaceBefore) }
            if newlineBefore { flags.insert(.newlineBefore) }
            if lineStart { flags.insert(.lineStart) }
            if tokens.isEmpty { flags.formUnion([.sentenceStart, .paragraphStart]) }
            tokens.append(Token(range: TextRange(start, i), kind: kind, flags: flags, sentence: Int32(sentenceIndex)))
            spaceBefore = false
            newlineBefore = false
            lineStart = false
        }
        return tokens
    }

    @inline(__always)
    func decode(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(text[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12 | UInt32(text[i + 2] & 0x3F) << 6
                | UInt32(text[i + 3] & 0x3F), 4)
    }

    @inline(__always)
    func isDigit(_ s: UInt32) -> Bool { s >= 0x30 && s <= 0x39 }

    @inline(__always)
    func isWordScalar(_ s: UInt32) -> Bool {
        if s < 0x80 {
            return (s >= 0x30 && s <= 0x39) || ((s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A)
        }
        guard let u = Unicode.Scalar(s) else { return false }
        let p = u.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
            || p.generalCategory == .decimalNumber
    }
}
