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
        guard text.count > 0 else { return [] }
        // The scan's state stays in registers only outside a closure that captures it.
        return Self.asciiClasses.withUnsafeBufferPointer { classes in
            sentences.withUnsafeBufferPointer { sentences in
                paragraphs.withUnsafeBufferPointer { paragraphs in scan(text, sentences, paragraphs, classes) }
            }
        }
    }

    private func scan(_ text: UnsafeBufferPointer<UInt8>, _ sentences: UnsafeBufferPointer<TextRange>,
                      _ paragraphs: UnsafeBufferPointer<TextRange>, _ classes: UnsafeBufferPointer<UInt8>) -> [Token] {
        let n = text.count
        let t = text.baseAddress!
        // Tokens go into a raw buffer copied into the array once at the end: Array.append is not inlined here and cost
        // more than the rest of the work per token.
        var capacity = n / 4 + 16
        var buffer = UnsafeMutablePointer<Token>.allocate(capacity: capacity)
        var count = 0
        var i = 0
        var sentenceIndex = 0
        var paragraphIndex = 0
        // The current range's start, and the offset from which the index may move on; tested once per token.
        var (sentenceStart, sentenceEnd) = Self.bounds(sentences, 0)
        var (paragraphStart, paragraphEnd) = Self.bounds(paragraphs, 0)
        var spaceBefore = true
        var newlineBefore = true
        var lineStart = true
        while i < n {
            let c = t[i]
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
            let (scalar, length) = c < 0x80 ? (UInt32(c), 1) : decode(text, i)
            if c < 0x80 ? classes[Int(c)] & Self.wordBit != 0 : Self.nonASCIIClass(scalar) & Self.wordBit != 0 {
                var end = i
                var letters = 0
                // `every` keeps the upper/lower bits all letters share (digits carry both); `some` any digit bit.
                var every = Self.upperBit | Self.lowerBit, some: UInt8 = 0
                var firstLetterUpper = false
                var nonASCII = false
                var j = i
                while j < n {
                    let b = t[j]
                    let cls = classes[Int(b)]
                    if cls & Self.wordBit != 0 {
                        let run = Self.asciiWordRun(t, from: j, to: n, classes)
                        if letters == 0 && run.firstLetter != 0 { firstLetterUpper = run.firstLetter & Self.upperBit != 0 }
                        letters &+= run.letters
                        every &= run.every
                        some |= run.some
                        j = run.end
                        end = j
                        // Most words end at a space, which none of the joining rules below can take.
                        if j < n && t[j] == 0x20 { break }
                        continue
                    }
                    let (s, l) = b < 0x80 ? (UInt32(b), 1) : decode(text, j)
                    if b >= 0x80 {
                        let info = Self.nonASCIIClass(s)
                        if info & Self.wordBit != 0 {
                            nonASCII = true
                            if info & Self.letterBit != 0 {
                                let isUpper = info & Self.upperBit != 0
                                if letters == 0 { firstLetterUpper = isUpper }
                                letters += 1
                                every &= info | ~(Self.upperBit | Self.lowerBit)
                            }
                            j += l
                            end = j
                            continue
                        }
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
                    if (s == 0x2E || s == 0x2C), some & Self.digitBit != 0, letters == 0, j + 1 < n, isDigit(UInt32(t[j + 1])),
                       j > 0, isDigit(UInt32(t[j - 1])) {
                        j += 1
                        continue
                    }
                    break
                }
                i = end
                kind = letters > 0 ? .word : .number
                if letters > 0 {
                    if firstLetterUpper { flags.insert(.capitalized) }
                    if every & Self.upperBit != 0 && letters >= 2 { flags.insert(.allCaps) }
                    if every & Self.lowerBit != 0 { flags.insert(.lowercase) }
                }
                if nonASCII { flags.insert(.nonASCII) }
            } else if (scalar == 0x27 || scalar == 0x2019), i + length < n, (t[i + length] | 0x20) == 0x73,
                      count > 0, buffer[count - 1].end == i, buffer[count - 1].kind == .word,
                      i + length + 1 >= n || !isWordScalar(decode(text, i + length + 1).0) {
                // The possessive 's split off the word before it.
                i += length + 1
                kind = .punct
            } else {
                i += length
                kind = .punct
            }
            if start >= sentenceEnd {
                while sentenceIndex + 1 < sentences.count, Int(sentences[sentenceIndex].end) <= start { sentenceIndex += 1 }
                (sentenceStart, sentenceEnd) = Self.bounds(sentences, sentenceIndex)
            }
            if start == sentenceStart { flags.insert(.sentenceStart) }
            if start >= paragraphEnd {
                while paragraphIndex + 1 < paragraphs.count, Int(paragraphs[paragraphIndex].end) <= start { paragraphIndex += 1 }
                (paragraphStart, paragraphEnd) = Self.bounds(paragraphs, paragraphIndex)
            }
            if start == paragraphStart { flags.insert(.paragraphStart) }
            if spaceBefore { flags.insert(.spaceBefore) }
            if newlineBefore { flags.insert(.newlineBefore) }
            if lineStart { flags.insert(.lineStart) }
            if count == 0 { flags.formUnion([.sentenceStart, .paragraphStart]) }
            if count == capacity {
                let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
                larger.initialize(from: buffer, count: count)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            (buffer + count).initialize(to: Token(range: TextRange(start, i), kind: kind, flags: flags,
                                                  sentence: Int32(sentenceIndex)))
            count += 1
            spaceBefore = false
            newlineBefore = false
            lineStart = false
        }
        let tokens = Array(UnsafeBufferPointer(start: buffer, count: count))
        buffer.deallocate()
        return tokens
    }

    /// The run of ASCII letters and digits from `start`: its end, its letter count, the class bits all its bytes share
    /// and those any has, and its first letter's class (0 without one). Kept out of line: inside `scan`, with all its
    /// live state, these counters lived in memory and cost about 20 instructions a byte.
    @inline(never)
    static func asciiWordRun(_ t: UnsafePointer<UInt8>, from start: Int, to n: Int, _ classes: UnsafeBufferPointer<UInt8>)
        -> (end: Int, letters: Int, every: UInt8, some: UInt8, firstLetter: UInt8) {
        var k = start
        var letters = 0
        var every: UInt8 = 0xFF, some: UInt8 = 0, firstLetter: UInt8 = 0
        while k < n {
            let cls = classes[Int(t[k])]
            if cls & wordBit == 0 { break }
            letters &+= Int(cls >> 1 & 1)
            every &= cls
            some |= cls
            k &+= 1
        }
        // Found after the loop, which it would slow: a run nearly always starts with its first letter.
        if letters > 0 {
            var f = start
            while classes[Int(t[f])] & letterBit == 0 { f += 1 }
            firstLetter = classes[Int(t[f])]
        }
        return (k, letters, every, some, firstLetter)
    }

    /// The start of range `index` (-1 past the end) and its end, or Int.max for the last range, which the index never
    /// leaves.
    @inline(__always)
    static func bounds(_ ranges: UnsafeBufferPointer<TextRange>, _ index: Int) -> (Int, Int) {
        guard index < ranges.count else { return (-1, Int.max) }
        return (Int(ranges[index].start), index + 1 < ranges.count ? Int(ranges[index].end) : Int.max)
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
        if s < 0x80 { return (s >= 0x30 && s <= 0x39) || ((s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A) }
        return Self.nonASCIIClass(s) & Self.wordBit != 0
    }

    static let wordBit: UInt8 = 1, letterBit: UInt8 = 2, upperBit: UInt8 = 4, lowerBit: UInt8 = 8, digitBit: UInt8 = 16

    /// Each byte's class bits; 0 for space, punctuation and every byte of a non-ASCII scalar.
    static let asciiClasses: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        switch b {
        case 0x30...0x39: return wordBit | digitBit | upperBit | lowerBit  // neutral for the letters' AND
        case 0x41...0x5A: return wordBit | letterBit | upperBit
        case 0x61...0x7A: return wordBit | letterBit | lowerBit
        default: return 0
        }
    }

    /// What the tokenizer asks of a non-ASCII scalar, as bits: a word scalar (letter, mark or decimal digit), a
    /// letter, upper- or title-case, lower-case.
    static func scalarClass(_ s: UInt32) -> UInt8 {
        guard let u = Unicode.Scalar(s) else { return 0 }
        let p = u.properties
        var bits: UInt8 = 0
        if p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
            || p.generalCategory == .decimalNumber { bits |= wordBit }
        if p.isAlphabetic { bits |= letterBit }
        if p.isUppercase || p.generalCategory == .titlecaseLetter { bits |= upperBit }
        if p.isLowercase { bits |= lowerBit }
        return bits
    }

    /// The Latin letters and the general punctuation (curly quotes, dashes) that news text holds most, classified
    /// once per process: the Unicode property look-ups behind `scalarClass` cost hundreds of instructions each.
    static let latinEnd: UInt32 = 0x250, punctuationStart: UInt32 = 0x2000, punctuationEnd: UInt32 = 0x2070
    static let commonClasses: [UInt8] =
        (0x80..<latinEnd).map(scalarClass) + (punctuationStart..<punctuationEnd).map(scalarClass)

    @inline(__always)
    static func nonASCIIClass(_ s: UInt32) -> UInt8 {
        if s < latinEnd { return commonClasses.withUnsafeBufferPointer { $0[Int(s) - 0x80] } }
        if s &- punctuationStart < punctuationEnd - punctuationStart {
            return commonClasses.withUnsafeBufferPointer { $0[Int(s - punctuationStart) + Int(latinEnd) - 0x80] }
        }
        return scalarClass(s)
    }
}
