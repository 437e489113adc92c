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
        // Token offsets are Int32: a token reaching past Int32.max traps, as converting its end would.
        if text.count > Int(Int32.max) {
            precondition(text[Int(Int32.max)...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A },
                         "a token past Int32.max")
        }
        return Self.byteRoles.withUnsafeBufferPointer { roles in
            sentences.withUnsafeBufferPointer { sentences in
                paragraphs.withUnsafeBufferPointer { paragraphs in
                    var state = ScanState(cursor: BoundaryCursor(sentences: sentences, paragraphs: paragraphs))
                    // The tokens are written straight into the array's storage; in the rare text with more than one
                    // token in four bytes, the scan stops where the storage is full and goes on in one twice as large.
                    var tokens: [Token] = []
                    var capacity = text.count / 4 + 16
                    while true {
                        let done = tokens
                        tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, count in
                            _ = buffer.initialize(fromContentsOf: done)
                            count = scan(text, roles, into: buffer, from: done.count, &state)
                        }
                        if state.position == text.count { return tokens }
                        capacity *= 2
                    }
                }
            }
        }
    }

    /// Where a scan stopped: the offset, the white-space flags gathered for the next token, and the ranges' cursor.
    struct ScanState {
        var position = 0
        // The first token also starts a sentence and a paragraph.
        var pending = Token.Flags([.spaceBefore, .newlineBefore, .lineStart, .sentenceStart, .paragraphStart]).rawValue
        var cursor: BoundaryCursor
    }

    /// The ASCII words (most tokens) and one-byte punctuation are done here, a word of up to seven bytes with one
    /// eight-byte load; a token that starts with an apostrophe or a non-ASCII scalar, or a word that an apostrophe, a
    /// non-ASCII scalar or a number's "." or "," may go on past, is done again from its start by `token(at:)`, the
    /// rules scalar by scalar. Writes from `buffer[count]` until the text or the buffer ends; gives the new count.
    private func scan(_ text: UnsafeBufferPointer<UInt8>, _ roles: UnsafeBufferPointer<UInt16>,
                      into buffer: UnsafeMutableBufferPointer<Token>, from count: Int, _ state: inout ScanState) -> Int {
        // Copied out of `state` so that they can live in registers.
        var cursor = state.cursor
        var i = state.position
        var pending = state.pending
        let n = text.count
        let t = text.baseAddress!
        let base = buffer.baseAddress!
        let limit = base + buffer.count
        var out = base + count
        while i < n {
            let role = roles[Int(t[i])]
            if role & Self.spaceRole != 0 {
                pending |= role & Self.flagBits
                i &+= 1
                continue
            }
            if out == limit { break }
            let start = i
            var flags = pending
            if start >= cursor.next { flags |= cursor.advance(to: start).rawValue }
            var end = start &+ 1
            var kind = Token.Kind.punct
            var afterSpace: UInt16 = 0
            if role & Self.asciiWordRole != 0 {
                let chunk = WordChunk(WordChunk.load(t, start, n))
                let stop = chunk.word ^ WordChunk.high
                var word: (end: Int, kind: Token.Kind, flags: UInt16)
                if stop != 0 {
                    let below = (1 as UInt64) << UInt64(stop.trailingZeroBitCount) &- 1
                    word = (start &+ stop.trailingZeroBitCount >> 3, .number, 0)
                    let letter = chunk.letter & below, upper = chunk.upper & below
                    if letter != 0 {
                        word.kind = .word
                        if letter & (0 &- letter) & upper != 0 { word.flags |= Token.Flags.capitalized.rawValue }
                        if upper == letter && letter & (letter &- 1) != 0 { word.flags |= Token.Flags.allCaps.rawValue }
                        if upper == 0 { word.flags |= Token.Flags.lowercase.rawValue }
                    }
                } else {
                    word = Self.longWord(t, start, n, chunk)
                }
                end = word.end
                kind = word.kind
                var done = true
                if end < n {
                    let next = roles[Int(t[end])]
                    if next & Self.spaceRole != 0 {
                        afterSpace = next & Self.flagBits
                    } else if next & Self.joinerRole != 0 {
                        done = Self.isWordEnd(t, end, n, lettered: kind == .word)
                    }
                }
                if done {
                    flags |= word.flags
                } else {
                    let token = self.token(text, at: start, previousWordEnd: -1)
                    end = token.end
                    kind = token.kind
                    flags |= token.flags.rawValue
                }
            } else if role & Self.generalRole != 0 {
                let previousWordEnd = out > base && out[-1].kind == .word ? out[-1].end : -1
                let token = self.token(text, at: start, previousWordEnd: previousWordEnd)
                end = token.end
                kind = token.kind
                flags |= token.flags.rawValue
            }
            out.initialize(to: Token(range: TextRange(Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: end)),
                                     kind: kind, flags: Token.Flags(rawValue: flags),
                                     sentence: Int32(truncatingIfNeeded: cursor.sentence)))
            out += 1
            // A word's following white space is taken here, saving a turn of the loop for the commonest byte after a
            // word.
            pending = afterSpace
            i = afterSpace != 0 ? end &+ 1 : end
        }
        state = ScanState(position: i, pending: pending, cursor: cursor)
        return out - base
    }

    /// An ASCII run from `start` of eight bytes or more, `first` its first eight, like the short one in `scan`: its
    /// end, kind and case flags. Kept out of line so that `scan` needs fewer registers.
    @inline(never)
    static func longWord(_ t: UnsafePointer<UInt8>, _ start: Int, _ n: Int, _ first: WordChunk)
        -> (end: Int, kind: Token.Kind, flags: UInt16) {
        // The first chunk with letters gives the first letter's case and perhaps two letters; any later one, a second.
        var firstLetters = first.letter, firstUppers = first.upper
        var twoChunks = false
        var uppers = first.upper, lowers = first.letter ^ first.upper
        var j = start &+ 8
        while true {
            let chunk = WordChunk(WordChunk.load(t, j, n))
            var letter = chunk.letter, upper = chunk.upper
            let stop = chunk.word ^ WordChunk.high
            if stop != 0 {
                let below = (1 as UInt64) << UInt64(stop.trailingZeroBitCount) &- 1
                letter &= below
                upper &= below
                j &+= stop.trailingZeroBitCount >> 3
            } else {
                j &+= 8
            }
            if letter != 0 {
                if firstLetters == 0 {
                    firstLetters = letter
                    firstUppers = upper
                } else {
                    twoChunks = true
                }
                uppers |= upper
                lowers |= letter ^ upper
            }
            if stop != 0 { break }
        }
        guard firstLetters != 0 else { return (j, .number, 0) }
        var flags: Token.Flags = []
        if firstLetters & (0 &- firstLetters) & firstUppers != 0 { flags.insert(.capitalized) }
        if lowers == 0 && (twoChunks || firstLetters & (firstLetters &- 1) != 0) { flags.insert(.allCaps) }
        if uppers == 0 { flags.insert(.lowercase) }
        return (j, .word, flags.rawValue)
    }

    /// Whether an ASCII run ending at `j` on ' . , or a byte from 0x80 up ends its word there, as `token(at:)` would
    /// decide; false when in doubt, and `token(at:)` decides.
    @inline(__always)
    static func isWordEnd(_ t: UnsafePointer<UInt8>, _ j: Int, _ n: Int, lettered: Bool) -> Bool {
        let b = t[j]
        // "." and "," join only digits, and only before a digit.
        if b == 0x2E || b == 0x2C { return lettered || j + 1 >= n || t[j + 1] &- 0x30 > 9 }
        // U+2000...U+203F (dashes, curly quotes, ellipsis) hold no word scalar; U+2019 is the apostrophe.
        return b == 0xE2 && j + 2 < n && t[j + 1] == 0x80 && t[j + 2] != 0x99
    }

    /// The token at `i` by the rules scalar by scalar: its end, kind and word flags. `previousWordEnd` is the end of
    /// the token before when that is a word (-1 otherwise), where a possessive "'s" may be split off.
    @inline(never)
    func token(_ text: UnsafeBufferPointer<UInt8>, at i: Int, previousWordEnd: Int)
        -> (end: Int, kind: Token.Kind, flags: Token.Flags) {
        Self.asciiClasses.withUnsafeBufferPointer { token(text, at: i, previousWordEnd: previousWordEnd, $0) }
    }

    private func token(_ text: UnsafeBufferPointer<UInt8>, at i: Int, previousWordEnd: Int,
                       _ classes: UnsafeBufferPointer<UInt8>) -> (end: Int, kind: Token.Kind, flags: Token.Flags) {
        let n = text.count
        let t = text.baseAddress!
        let c = t[i]
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
            if letters > 0 {
                if firstLetterUpper { flags.insert(.capitalized) }
                if every & Self.upperBit != 0 && letters >= 2 { flags.insert(.allCaps) }
                if every & Self.lowerBit != 0 { flags.insert(.lowercase) }
            }
            if nonASCII { flags.insert(.nonASCII) }
            return (end, letters > 0 ? .word : .number, flags)
        }
        if (scalar == 0x27 || scalar == 0x2019), i + length < n, (t[i + length] | 0x20) == 0x73, previousWordEnd == i,
           i + length + 1 >= n || !isWordScalar(decode(text, i + length + 1).0) {
            // The possessive 's split off the word before it.
            return (i + length + 1, .punct, flags)
        }
        return (i + length, .punct, flags)
    }

    /// The run of ASCII letters and digits from `start`: its end, its letter count, the class bits all its bytes share
    /// and those any has, and its first letter's class (0 without one).
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

    /// What `scan` does with a byte, as one look-up: white space (with the flags it gives the next token, in the
    /// low bits), an ASCII word's first byte, a token for `token(at:)`, or, after a word, a byte that may join it.
    static let flagBits: UInt16 = 0x0FFF, spaceRole: UInt16 = 0x1000, asciiWordRole: UInt16 = 0x2000,
               generalRole: UInt16 = 0x4000, joinerRole: UInt16 = 0x8000
    static let byteRoles: [UInt16] = (0..<256).map { (b: Int) -> UInt16 in
        switch b {
        case 0x20, 0x09: return spaceRole | Token.Flags.spaceBefore.rawValue
        case 0x0A: return spaceRole | Token.Flags.spaceBefore.union([.newlineBefore, .lineStart]).rawValue
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return asciiWordRole
        case 0x27: return generalRole | joinerRole
        case 0x2C, 0x2E: return joinerRole
        case 0x80...: return generalRole | joinerRole
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
