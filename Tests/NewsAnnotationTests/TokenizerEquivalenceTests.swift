import Foundation
import Testing
@testable import NewsAnnotation

/// The tokenizer's fast paths (8 bytes at a time, boundaries tested only where one may start) must give exactly the
/// tokens of the rules in its doc comment. `ReferenceTokenizer` states those rules scalar by scalar, for clarity
/// only; every test compares whole token streams (range, kind, flags, sentence) with it.
@Suite("Tokenizer equals the reference rules")
struct TokenizerEquivalenceTests {

    /// The rules, one scalar at a time. Class questions go to Unicode's properties directly.
    enum ReferenceTokenizer {
        struct Class {
            var word = false, letter = false, upper = false, lower = false, asciiDigit = false
        }

        static func classify(_ s: Unicode.Scalar) -> Class {
            var c = Class()
            if s.isASCII {
                let v = s.value
                if v >= 0x30 && v <= 0x39 { c.word = true; c.asciiDigit = true }
                if v >= 0x41 && v <= 0x5A { c.word = true; c.letter = true; c.upper = true }
                if v >= 0x61 && v <= 0x7A { c.word = true; c.letter = true; c.lower = true }
                return c
            }
            let p = s.properties
            // Letters, combining marks and decimal digits of any script belong to words.
            c.word = p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
                || p.generalCategory == .decimalNumber
            c.letter = p.isAlphabetic
            c.upper = p.isUppercase || p.generalCategory == .titlecaseLetter
            c.lower = p.isLowercase
            return c
        }

        static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

        static func tokens(_ bytes: [UInt8], sentences: [TextRange], paragraphs: [TextRange]) -> [Token] {
            let text = String(decoding: bytes, as: UTF8.self)
            var scalars: [Unicode.Scalar] = []
            var offsets: [Int] = []  // byte offset of each scalar, and the text's length at the end
            var offset = 0
            for s in text.unicodeScalars {
                scalars.append(s)
                offsets.append(offset)
                offset += UTF8.width(s)
            }
            offsets.append(offset)
            let classes = scalars.map(classify)
            func isWord(_ k: Int) -> Bool { k < scalars.count && classes[k].word }

            var tokens: [Token] = []
            var spaceBefore = true, newlineBefore = true, lineStart = true
            var sentence = 0, paragraph = 0
            var k = 0
            while k < scalars.count {
                let s = scalars[k]
                if s == " " || s == "\t" || s == "\n" {
                    spaceBefore = true
                    if s == "\n" { newlineBefore = true; lineStart = true }
                    k += 1
                    continue
                }
                var kind = Token.Kind.punct
                var flags: Token.Flags = []
                let first = k
                if classes[k].word {
                    var letters = 0, firstUpper = false, allUpper = true, allLower = true
                    var asciiDigit = false, nonASCII = false
                    var end = k
                    var m = k
                    while m < scalars.count {
                        let c = classes[m]
                        if c.word {
                            if c.asciiDigit { asciiDigit = true }
                            if !scalars[m].isASCII { nonASCII = true }
                            if c.letter {
                                if letters == 0 { firstUpper = c.upper }
                                letters += 1
                                if !c.upper { allUpper = false }
                                if !c.lower { allLower = false }
                            }
                            m += 1
                            end = m
                            continue
                        }
                        // An apostrophe joins when a non-digit word scalar follows, unless that is a final "s".
                        if isApostrophe(scalars[m]), isWord(m + 1), !classes[m + 1].asciiDigit {
                            let possessive = (scalars[m + 1] == "s" || scalars[m + 1] == "S") && !isWord(m + 2)
                            if possessive { break }
                            m += 1
                            continue
                        }
                        // "." or "," joins ASCII digits of a word without letters.
                        if scalars[m] == "." || scalars[m] == ",", asciiDigit, letters == 0,
                           m + 1 < scalars.count, classes[m + 1].asciiDigit, classes[m - 1].asciiDigit {
                            m += 1
                            continue
                        }
                        break
                    }
                    k = end
                    kind = letters > 0 ? .word : .number
                    if letters > 0 {
                        if firstUpper { flags.insert(.capitalized) }
                        if allUpper && letters >= 2 { flags.insert(.allCaps) }
                        if allLower { flags.insert(.lowercase) }
                    }
                    if nonASCII { flags.insert(.nonASCII) }
                } else if isApostrophe(s), k + 1 < scalars.count, scalars[k + 1] == "s" || scalars[k + 1] == "S",
                          let last = tokens.last, last.end == offsets[k], last.kind == .word, !isWord(k + 2) {
                    k += 2
                } else {
                    k += 1
                }
                let start = offsets[first]
                while sentence + 1 < sentences.count, Int(sentences[sentence].end) <= start { sentence += 1 }
                while paragraph + 1 < paragraphs.count, Int(paragraphs[paragraph].end) <= start { paragraph += 1 }
                if tokens.isEmpty || (!sentences.isEmpty && start == Int(sentences[sentence].start)) {
                    flags.insert(.sentenceStart)
                }
                if tokens.isEmpty || (!paragraphs.isEmpty && start == Int(paragraphs[paragraph].start)) {
                    flags.insert(.paragraphStart)
                }
                if spaceBefore { flags.insert(.spaceBefore) }
                if newlineBefore { flags.insert(.newlineBefore) }
                if lineStart { flags.insert(.lineStart) }
                tokens.append(Token(range: TextRange(start, offsets[k]), kind: kind, flags: flags,
                                    sentence: Int32(sentence)))
                spaceBefore = false
                newlineBefore = false
                lineStart = false
            }
            return tokens
        }
    }

    struct Case {
        let text: [UInt8]
        let sentences: [TextRange]
        let paragraphs: [TextRange]
    }

    /// The first difference between the tokenizer and the reference, described; nil when the streams are equal.
    static func difference(_ c: Case) -> String? {
        let mine = c.text.withUnsafeBufferPointer {
            Tokenizer().tokens($0, sentences: c.sentences, paragraphs: c.paragraphs)
        }
        let reference = ReferenceTokenizer.tokens(c.text, sentences: c.sentences, paragraphs: c.paragraphs)
        func show(_ t: Token) -> String {
            let surface = String(decoding: c.text[t.start..<t.end], as: UTF8.self)
            return "\(t.range) \(surface.debugDescription) \(t.kind) flags \(t.flags.rawValue) sentence \(t.sentence)"
        }
        for (k, (a, b)) in zip(mine, reference).enumerated()
        where a.range != b.range || a.kind != b.kind || a.flags != b.flags || a.sentence != b.sentence {
            return "token \(k): \(show(a)) vs reference \(show(b)) in \(String(decoding: c.text, as: UTF8.self).debugDescription)"
        }
        if mine.count != reference.count {
            return "\(mine.count) tokens vs reference \(reference.count) in \(String(decoding: c.text, as: UTF8.self).debugDescription)"
        }
        return nil
    }

    /// Text, sentences and paragraphs as the pipeline hands them to the tokenizer.
    static func pipelineCase(_ text: String) throws -> Case {
        var doc = Document(idJSON: Array("\"t\"".utf8), original: Array(text.utf8))
        Normalizer().process(&doc)
        try SentenceSplitter().process(&doc)
        return Case(text: doc.text, sentences: doc.sentences, paragraphs: doc.paragraphs)
    }

    /// The raw bytes, not normalized (so CR, NBSP and tabs reach the tokenizer), cut into ranges at seeded offsets.
    static func rawCase(_ text: String, cuts: [Int]) -> Case {
        let bytes = Array(text.utf8)
        func ranges(_ every: Int) -> [TextRange] {
            var bounds = Set(cuts.enumerated().filter { $0.offset % every == 0 }.map { $0.element % (bytes.count + 1) })
            bounds.insert(0)
            bounds.insert(bytes.count)
            let sorted = bounds.sorted()
            return zip(sorted, sorted.dropFirst()).map { TextRange($0, $1) }
        }
        return Case(text: bytes, sentences: ranges(1), paragraphs: ranges(3))
    }

    func expectSame(_ cases: [Case], minimum: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cases.count >= minimum, "only \(cases.count) texts compared", sourceLocation: sourceLocation)
        let differences = cases.compactMap(Self.difference)
        #expect(differences.isEmpty, "\(differences.count) of \(cases.count) differ; first: \(differences.prefix(3))",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: ["Samples", "Tests/NewsAnnotationTests/Fixtures/articles"])
    func everyArticleTokenizesAsTheRulesSay(folder: String) throws {
        let texts = try RepositoryTexts.texts(in: folder)
        expectSame(try texts.map(Self.pipelineCase), minimum: 5)
    }

    static let fragments = [
        "O'Brien", "O’Brien", "Xi’an", "xi'an", "'s", "’s", "'S", "’S", "s", "S", "'", "’", "''", "’’", "it's",
        "IT’S", "rock'n'roll", "'90s", "1990's", "’t", "1,200", "3.5", "1,200.50", "2024", "5,", "5.", ",5", ".5",
        "1..2", "1,,2", "3,5", "U.S.", "NATO", "NATO's", "Azerbaijan", "azerbaijan", "McDONALD", "iPhone", "3D", "x2",
        "A", "a", "I", "É", "é", "ÉCOLE", "École", "İstanbul", "ünal", "ǅ", "Straße", "e\u{0301}", "E\u{0301}",
        "\u{0301}", "\u{0903}", "١٢٣", "٣.5", "5.٣", "Москва", "ΑΘΗΝΑ", "שלום", "中文", "東京", "😀", "👍🏽", "Ⅻ",
        "ª", "ᵃ", "ﬁ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{00A0}", "\u{2028}", "\u{200D}", "-", "–", "—",
        "Armenia-Azerbaijan", ".", ",", ";", "(", ")", "\"", "“", "”", "‘", "«", "»", "…", "#", "@", "\u{0000}",
        "abcdefgh", "ABCDEFGH", "Abcdefgh", "abcdefghijklmnop", "ABCDEFGHIJKLMNOP", "Abcdefghijklmnop", "1234567",
        "12345678", "1234567890123456", "abcdefg", "Abcdefghi", "abcdefghijklmno", "ABCDEFGHIJKLMNOPQ", "a1b2c3d4",
        "abcdefgh'", "abcdefgh’s", "12345678,9", "abcdefg\u{00E9}", "ABCDEFG\u{00C9}", "abcdefgh\u{0301}", "z",
    ]

    @Test func trickyFragmentsAloneAndInPairsTokenizeAsTheRulesSay() throws {
        var cases: [Case] = []
        for a in Self.fragments {
            cases.append(Self.rawCase(a, cuts: []))
            for b in Self.fragments { cases.append(Self.rawCase(a + b, cuts: [a.utf8.count])) }
        }
        expectSame(cases, minimum: 10_000)
    }

    @Test func seededRandomFragmentStringsTokenizeAsTheRulesSay() throws {
        var random = FragmentRandom()
        func next() -> Int { random.next() }
        var raw: [Case] = []
        var piped: [Case] = []
        for round in 0..<5_000 {
            var s = ""
            for _ in 0..<(1 + next() % 30) { s += Self.fragments[next() % Self.fragments.count] }
            let cuts = (0..<(next() % 6)).map { _ in next() }
            raw.append(Self.rawCase(s, cuts: cuts))
            if round % 5 == 0 { piped.append(try Self.pipelineCase(s)) }
        }
        expectSame(raw, minimum: 5_000)
        expectSame(piped, minimum: 1_000)
    }

    /// Every ASCII byte between and around words that cross the 8- and 16-byte steps, also at the text's end.
    @Test func everyASCIIByteAroundBoundaryLengthWordsTokenizesAsTheRulesSay() throws {
        var cases: [Case] = []
        for length in [1, 2, 7, 8, 9, 15, 16, 17] {
            for word in [String(repeating: "a", count: length), String(repeating: "A", count: length),
                         "B" + String(repeating: "c", count: length - 1), String(repeating: "7", count: length)] {
                for b in 0..<0x80 {
                    let c = String(UnicodeScalar(UInt8(b)))
                    cases.append(Self.rawCase(word + c, cuts: []))
                    cases.append(Self.rawCase(word + c + "9 x", cuts: [length]))
                    cases.append(Self.rawCase(c + word, cuts: []))
                }
            }
        }
        expectSame(cases, minimum: 10_000)
    }

    /// Dashes, curly quotes and the rest of General Punctuation, and the Latin ranges, right after ASCII words,
    /// digits and non-ASCII words.
    @Test func everyPunctuationAndLatinScalarAfterAWordTokenizesAsTheRulesSay() throws {
        var cases: [Case] = []
        for v in Array(0x80..<0x250) + Array(0x2000..<0x2070) {
            let s = String(UnicodeScalar(UInt32(v))!)
            for word in ["word", "WORD", "12", "abcdefgh", "ünal"] {
                cases.append(Self.rawCase(word + s, cuts: []))
                cases.append(Self.rawCase(word + s + "s x", cuts: []))
                cases.append(Self.rawCase(word + s + "7", cuts: []))
            }
        }
        expectSame(cases, minimum: 8_000)
    }

    /// A scalar of every UTF-8 lead byte right after ASCII words of every length up to 17, so after every position
    /// in an eight-byte step.
    @Test func everyLeadByteAfterWordsOfEveryLengthTokenizesAsTheRulesSay() throws {
        var scalars: [UInt32] = (0xC2...0xDF).map { ($0 - 0xC0) << 6 }
        scalars += [0x800] + (0xE1...0xEF).map { ($0 - 0xE0) << 12 } + [0x10000, 0x40000, 0x80000, 0xC0000, 0x100000]
        scalars += [0x2019, 0x2018, 0x201D, 0x2014, 0x2026, 0x0301, 0x00E9, 0x00C9, 0x0663, 0x4E2D, 0x1F600]
        var cases: [Case] = []
        for v in scalars {
            let s = String(UnicodeScalar(v)!)
            for length in 1...17 {
                for word in [String(repeating: "a", count: length), String(repeating: "Z", count: length),
                             String(repeating: "5", count: length), "x" + String(repeating: "Y", count: length)] {
                    cases.append(Self.rawCase(word + s, cuts: []))
                    cases.append(Self.rawCase(word + s + "s b", cuts: [length]))
                }
            }
        }
        expectSame(cases, minimum: 8_000)
    }

    /// More tokens than one in four bytes, so that the scan goes on in a larger buffer, at every offset mod 16, with
    /// possessives, apostrophes and range starts right where it stops.
    @Test func denseTextsTokenizeAsTheRulesSay() {
        var cases: [Case] = []
        for unit in ["a,", ",", "’s", "a's", "I'", "x\u{00A0}", "1.", "é", "Ab", ".\n"] {
            for count in 1...60 {
                let text = String(repeating: unit, count: count)
                cases.append(Self.rawCase(text, cuts: Array(stride(from: 0, to: text.utf8.count, by: 3))))
                cases.append(Self.rawCase("Word " + text + " end", cuts: [5, 17, 33, 34]))
            }
        }
        expectSame(cases, minimum: 1_200)
    }

    @Test func emptyAndRangelessTextsTokenizeAsTheRulesSay() {
        expectSame([Case(text: [], sentences: [], paragraphs: []),
                    Case(text: Array("Hello, world. It's 3.5".utf8), sentences: [], paragraphs: []),
                    Case(text: Array("  \n x".utf8), sentences: [TextRange(0, 5)], paragraphs: [])], minimum: 3)
    }
}
