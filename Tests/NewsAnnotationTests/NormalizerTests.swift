import Testing
@testable import NewsAnnotation

/// The Normalizer's output text, and where its offsets map back to in the original (code points, Python-style).
@Suite("Normalizer")
struct NormalizerTests {
    struct Normalized {
        let original: [Unicode.Scalar]
        let originalBytes: [UInt8]
        let text: [UInt8]
        let map: OffsetMap

        init(_ s: String) {
            originalBytes = Array(s.utf8)
            original = Array(s.unicodeScalars)
            var doc = Document(idJSON: Array("\"t\"".utf8), original: originalBytes)
            Normalizer().process(&doc)
            text = doc.text
            map = doc.offsets
        }

        var string: String { String(decoding: text, as: UTF8.self) }

        /// The normalized byte range of the `occurrence`-th match of `needle` in the normalized text.
        func range(of needle: String, occurrence: Int = 0) -> Range<Int>? {
            let n = Array(needle.utf8)
            var found = 0
            guard n.count <= text.count else { return nil }
            for i in 0...(text.count - n.count) where text[i..<(i + n.count)].elementsEqual(n) {
                if found == occurrence { return i..<(i + n.count) }
                found += 1
            }
            return nil
        }

        /// The original code-point span of a normalized byte range.
        func mapped(_ r: Range<Int>) -> (start: Int, end: Int) {
            (map.start(r.lowerBound).scalar, map.end(r.upperBound).scalar)
        }

        /// original[start:end] for the span made on the normalized text at `r`.
        func originalSlice(_ r: Range<Int>) -> String {
            let (s, e) = mapped(r)
            return String(String.UnicodeScalarView(original[s..<e]))
        }

        /// Checks that the byte positions agree with the code-point positions for a mapped span.
        func checkBytesAgree(_ r: Range<Int>, sourceLocation: SourceLocation = #_sourceLocation) {
            let start = map.start(r.lowerBound), end = map.end(r.upperBound)
            let bytePrefix = Array(String(String.UnicodeScalarView(original[0..<start.scalar])).utf8).count
            let byteEnd = Array(String(String.UnicodeScalarView(original[0..<end.scalar])).utf8).count
            #expect(start.byte == bytePrefix, "start byte", sourceLocation: sourceLocation)
            #expect(end.byte == byteEnd, "end byte", sourceLocation: sourceLocation)
        }
    }

    /// Asserts that the span of `needle` in the normalized text maps to original code points `start..<end`, and that
    /// the original slice is `expected` (compared scalar by scalar).
    func expectSpan(_ n: Normalized, _ needle: String, occurrence: Int = 0, maps start: Int, _ end: Int,
                    slice expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let r = n.range(of: needle, occurrence: occurrence) else {
            Issue.record("\(needle) not in the normalized text \(n.string.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        let (s, e) = n.mapped(r)
        #expect(s == start, "start of \(needle.debugDescription)", sourceLocation: sourceLocation)
        #expect(e == end, "end of \(needle.debugDescription)", sourceLocation: sourceLocation)
        #expect(Array(n.originalSlice(r).unicodeScalars) == Array(expected.unicodeScalars),
                "original[\(s):\(e)] of \(needle.debugDescription)", sourceLocation: sourceLocation)
        n.checkBytesAgree(r, sourceLocation: sourceLocation)
    }

    @Test func asciiTextIsCopiedUnchangedWithAnEmptyMap() {
        let n = Normalized("Angela Merkel said \"yes\" in Berlin - twice.")
        #expect(n.text == n.originalBytes)
        #expect(n.map.isIdentity)
        expectSpan(n, "Berlin", maps: 28, 34, slice: "Berlin")
    }

    @Test func crlfBecomesLFAndSpansMapAroundTheDroppedCR() {
        let n = Normalized("Paris\r\nLondon\r\n")
        #expect(n.string == "Paris\nLondon\n")
        expectSpan(n, "Paris", maps: 0, 5, slice: "Paris")
        expectSpan(n, "London", maps: 7, 13, slice: "London")
        expectSpan(n, "\n", maps: 6, 7, slice: "\n")
        expectSpan(n, "Paris\nLondon", maps: 0, 13, slice: "Paris\r\nLondon")
        expectSpan(n, "\n", occurrence: 1, maps: 14, 15, slice: "\n")
    }

    @Test func loneCRBecomesLFOneForOne() {
        let n = Normalized("Paris\rLondon\r")
        #expect(n.string == "Paris\nLondon\n")
        expectSpan(n, "London", maps: 6, 12, slice: "London")
        expectSpan(n, "Paris\nLondon", maps: 0, 12, slice: "Paris\rLondon")
    }

    @Test func crAtTheVeryEndAndCRCRLFAreHandled() {
        let n = Normalized("a\r\r\nb\r")
        #expect(n.string == "a\n\nb\n")
        expectSpan(n, "b", maps: 4, 5, slice: "b")
        expectSpan(n, "a\n\nb", maps: 0, 5, slice: "a\r\r\nb")
    }

    @Test func byteOrderMarkAtTheStartIsDroppedAndSpansSkipIt() {
        let n = Normalized("\u{FEFF}Paris, France")
        #expect(n.string == "Paris, France")
        expectSpan(n, "Paris", maps: 1, 6, slice: "Paris")
        expectSpan(n, "France", maps: 8, 14, slice: "France")
    }

    @Test func byteOrderMarkInsideTheTextIsDroppedToo() {
        let n = Normalized("Paris\u{FEFF}London")
        #expect(n.string == "ParisLondon")
        expectSpan(n, "Paris", maps: 0, 5, slice: "Paris")
        expectSpan(n, "London", maps: 6, 12, slice: "London")
        expectSpan(n, "ParisLondon", maps: 0, 12, slice: "Paris\u{FEFF}London")
    }

    @Test func emojiAndZWJSequencesAreKeptWholeAndCountAsTheirCodePoints() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"  // 5 code points, 18 bytes
        let n = Normalized("\(family) Tokyo \u{1F44D}\u{1F3FD} Kyoto \u{1F1EF}\u{1F1F5}")
        #expect(n.text == n.originalBytes)
        expectSpan(n, family, maps: 0, 5, slice: family)
        expectSpan(n, "Tokyo", maps: 6, 11, slice: "Tokyo")
        expectSpan(n, "\u{1F44D}\u{1F3FD}", maps: 12, 14, slice: "\u{1F44D}\u{1F3FD}")
        expectSpan(n, "Kyoto", maps: 15, 20, slice: "Kyoto")
        expectSpan(n, "\u{1F1EF}\u{1F1F5}", maps: 21, 23, slice: "\u{1F1EF}\u{1F1F5}")
        // A span that starts inside the ZWJ sequence still lands on code-point boundaries.
        expectSpan(n, "\u{1F469}", maps: 2, 3, slice: "\u{1F469}")
    }

    @Test func combiningAcuteIsComposedAndTheSpanMapsBackToBothCodePoints() {
        let n = Normalized("Cafe\u{301} in Jose\u{301} Marti\u{301} Street")
        #expect(n.string == "Caf\u{E9} in Jos\u{E9} Mart\u{ED} Street")
        expectSpan(n, "Caf\u{E9}", maps: 0, 5, slice: "Cafe\u{301}")
        expectSpan(n, "\u{E9}", maps: 3, 5, slice: "e\u{301}")
        expectSpan(n, "Jos\u{E9}", maps: 9, 14, slice: "Jose\u{301}")
        expectSpan(n, "Mart\u{ED}", maps: 15, 21, slice: "Marti\u{301}")
        expectSpan(n, "Street", maps: 22, 28, slice: "Street")
    }

    @Test func combiningMarkOnANonASCIIStarterAndSeveralMarksCompose() {
        // ä + U+0301 has no single precomposed form: NFC gives ä U+0301; a + U+0323 + U+0302 is ậ (U+1EAD).
        let n = Normalized("Za\u{308}\u{301}hringen a\u{323}\u{302}b \u{E4}\u{301}x")
        #expect(n.string == "Z\u{E4}\u{301}hringen \u{1EAD}b \u{E4}\u{301}x")
        expectSpan(n, "Z\u{E4}\u{301}hringen", maps: 0, 11, slice: "Za\u{308}\u{301}hringen")
        expectSpan(n, "\u{1EAD}", maps: 12, 15, slice: "a\u{323}\u{302}")
        expectSpan(n, "b", maps: 15, 16, slice: "b")
        expectSpan(n, "\u{E4}\u{301}x", maps: 17, 20, slice: "\u{E4}\u{301}x")
    }

    @Test func combiningMarkWithNothingToAttachToIsKept() {
        let n = Normalized("\u{301}Paris\n\u{301}London \u{FEFF}\u{301}x")
        #expect(n.string == "\u{301}Paris\n\u{301}London \u{301}x")
        expectSpan(n, "Paris", maps: 1, 6, slice: "Paris")
        expectSpan(n, "\u{301}London", maps: 7, 14, slice: "\u{301}London")
        expectSpan(n, "\u{301}x", maps: 16, 18, slice: "\u{301}x")
    }

    @Test func boundariesInsideAReorderedComposedClusterStillLandOnCodePoints() {
        // "=" + U+0338 composes to "≠"; U+0301 stays a separate mark after it, so a token boundary may fall between.
        let n = Normalized("x =\u{338}\u{301} y")
        #expect(n.string == "x \u{2260}\u{301} y")
        guard let ne = n.range(of: "\u{2260}"), let mark = n.range(of: "\u{301}"), let y = n.range(of: "y") else {
            Issue.record("normalized text is \(n.string.debugDescription)")
            return
        }
        for r in [ne, mark, ne.lowerBound..<mark.upperBound, y] {
            let start = n.map.start(r.lowerBound), end = n.map.end(r.upperBound)
            #expect(start.scalar <= end.scalar)
            n.checkBytesAgree(r)
        }
        expectSpan(n, "\u{2260}\u{301}", maps: 2, 5, slice: "=\u{338}\u{301}")
        expectSpan(n, "y", maps: 6, 7, slice: "y")
    }

    @Test func nbspAndOtherSpaceSeparatorsBecomeASpace() {
        let n = Normalized("10\u{A0}km from Paris\u{2009}and\u{3000}Tokyo\u{202F}!")
        #expect(n.string == "10 km from Paris and Tokyo !")
        expectSpan(n, "10 km", maps: 0, 5, slice: "10\u{A0}km")
        expectSpan(n, "Paris", maps: 11, 16, slice: "Paris")
        expectSpan(n, "Paris and Tokyo", maps: 11, 26, slice: "Paris\u{2009}and\u{3000}Tokyo")
        expectSpan(n, "Tokyo", maps: 21, 26, slice: "Tokyo")
        expectSpan(n, "!", maps: 27, 28, slice: "!")
    }

    @Test func softHyphenIsRemovedAndSpansEndBeforeAndStartAfterIt() {
        let n = Normalized("Ber\u{AD}lin and Ham\u{AD}\u{AD}burg\u{AD}")
        #expect(n.string == "Berlin and Hamburg")
        expectSpan(n, "Berlin", maps: 0, 7, slice: "Ber\u{AD}lin")
        expectSpan(n, "Ber", maps: 0, 3, slice: "Ber")
        expectSpan(n, "lin", maps: 4, 7, slice: "lin")
        expectSpan(n, "Hamburg", maps: 12, 21, slice: "Ham\u{AD}\u{AD}burg")
        expectSpan(n, "burg", maps: 17, 21, slice: "burg")
    }

    @Test func zeroWidthAndBidiControlsAreRemoved() {
        let n = Normalized("\u{200F}Tel\u{200B} Aviv\u{2066}x\u{2069} \u{202B}Gaza\u{202C}")
        #expect(n.string == "Tel Avivx Gaza")
        expectSpan(n, "Tel Aviv", maps: 1, 10, slice: "Tel\u{200B} Aviv")
        expectSpan(n, "Gaza", maps: 15, 19, slice: "Gaza")
    }

    @Test func curlyQuotesStayAndOpeningClosingVariantsBecomeCurly() {
        let n = Normalized("\u{201C}Yes,\u{201D} \u{201E}Ja\u{201C} \u{AB}Oui\u{BB} \u{201A}si\u{2018} \u{2039}x\u{203A} \"s\" 'a' \u{FF02}f\u{FF02}")
        #expect(n.string == "\u{201C}Yes,\u{201D} \u{201C}Ja\u{201C} \u{201C}Oui\u{201D} \u{2018}si\u{2018} \u{2018}x\u{2019} \"s\" 'a' \"f\"")
        expectSpan(n, "Yes,", maps: 1, 5, slice: "Yes,")
        expectSpan(n, "\u{201C}Yes,\u{201D}", maps: 0, 6, slice: "\u{201C}Yes,\u{201D}")
        expectSpan(n, "Ja", maps: 8, 10, slice: "Ja")
        expectSpan(n, "\u{201C}Oui\u{201D}", maps: 12, 17, slice: "\u{AB}Oui\u{BB}")
        expectSpan(n, "Oui", maps: 13, 16, slice: "Oui")
        expectSpan(n, "\u{2018}si\u{2018}", maps: 18, 22, slice: "\u{201A}si\u{2018}")
        expectSpan(n, "\u{2018}x\u{2019}", maps: 23, 26, slice: "\u{2039}x\u{203A}")
        expectSpan(n, "\"s\" 'a'", maps: 27, 34, slice: "\"s\" 'a'")
        expectSpan(n, "\"f\"", maps: 35, 38, slice: "\u{FF02}f\u{FF02}")
    }

    @Test func modifierLetterApostropheBecomesARightSingleQuote() {
        let n = Normalized("Hawai\u{2BC}i")
        #expect(n.string == "Hawai\u{2019}i")
        expectSpan(n, "Hawai\u{2019}i", maps: 0, 7, slice: "Hawai\u{2BC}i")
    }

    @Test func dashesAndMinusBecomeAHyphenMinus() {
        let n = Normalized("Armenia\u{2013}Azerbaijan \u{2014} talks \u{2212}5 a\u{2010}b c\u{2011}d \u{2015}")
        #expect(n.string == "Armenia-Azerbaijan - talks -5 a-b c-d -")
        expectSpan(n, "Azerbaijan", maps: 8, 18, slice: "Azerbaijan")
        expectSpan(n, "Armenia-Azerbaijan", maps: 0, 18, slice: "Armenia\u{2013}Azerbaijan")
        expectSpan(n, "-", occurrence: 1, maps: 19, 20, slice: "\u{2014}")
        expectSpan(n, "-5", maps: 27, 29, slice: "\u{2212}5")
        expectSpan(n, "c-d", maps: 34, 37, slice: "c\u{2011}d")
    }

    @Test func lineAndParagraphSeparatorsAndNELBecomeLF() {
        let n = Normalized("Paris\u{2028}London\u{2029}Berlin\u{85}Rome")
        #expect(n.string == "Paris\nLondon\nBerlin\nRome")
        expectSpan(n, "London", maps: 6, 12, slice: "London")
        expectSpan(n, "Berlin", maps: 13, 19, slice: "Berlin")
        expectSpan(n, "Rome", maps: 20, 24, slice: "Rome")
        expectSpan(n, "\n", maps: 5, 6, slice: "\u{2028}")
    }

    @Test func c0ControlsBecomeSpacesButTabAndLFStay() {
        let n = Normalized("a\u{0}b\u{7}c\td\ne\u{1B}f\u{7F}")
        #expect(n.string == "a b c\td\ne f\u{7F}")
        #expect(n.map.isIdentity)
        expectSpan(n, "b c", maps: 2, 5, slice: "b\u{7}c")
    }

    @Test func mixedTextMapsEveryNormalizedCodePointBoundaryOntoAnOriginalOne() {
        let original = "\u{FEFF}\u{201E}Za\u{308}hlt\u{201C},\u{A0}sagte Fran\u{327}ois\u{2014}Ber\u{AD}lin\r\n\u{1F468}\u{200D}\u{1F469}\u{2028}\u{6771}\u{4EAC} \u{5E9}\u{5DC}"
        let n = Normalized(original)
        // Every code-point boundary of the normalized text, as a byte offset.
        var boundaries = [0]
        for s in n.string.unicodeScalars { boundaries.append(boundaries.last! + String(s).utf8.count) }
        for i in boundaries {
            let s = n.map.start(i), e = n.map.end(i)
            #expect(e.scalar <= s.scalar, "end(\(i)) may only be before start(\(i)) across a deleted character")
            for p in [s, e] {
                #expect(p.scalar >= 0 && p.scalar <= n.original.count)
                let bytes = Array(String(String.UnicodeScalarView(n.original[0..<p.scalar])).utf8).count
                #expect(p.byte == bytes, "byte and code point agree at normalized \(i)")
            }
        }
        for (a, b) in zip(boundaries, boundaries.dropFirst()) {
            #expect(n.map.start(a).scalar < n.map.end(b).scalar, "a one-character span maps to at least one code point")
        }
        // Monotone: later boundaries never map earlier.
        for (a, b) in zip(boundaries, boundaries.dropFirst()) {
            #expect(n.map.start(a).scalar <= n.map.start(b).scalar)
            #expect(n.map.end(a).scalar <= n.map.end(b).scalar)
        }
    }
}
