import Testing
@testable import NewsAnnotation

/// Kinds and case flags of words that mix ASCII and non-ASCII letters, digits and apostrophes: the ASCII fast path
/// and the Unicode path must agree on them.
@Suite("Tokenizer flags")
struct TokenizerFlagTests {
    func tokens(_ s: String) -> [(String, Token)] {
        let bytes = Array(s.utf8)
        let tokens = bytes.withUnsafeBufferPointer { text in
            Tokenizer().tokens(text, sentences: [TextRange(0, bytes.count)], paragraphs: [TextRange(0, bytes.count)])
        }
        return tokens.map { (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0) }
    }

    @Test func mixedWords() {
        let t = tokens("ÉCOLE 3D xi’an O'Brien's 1,200.5 İstanbul DC ünal")
        #expect(t.map(\.0) == ["ÉCOLE", "3D", "xi’an", "O'Brien", "'s", "1,200.5", "İstanbul", "DC", "ünal"])
        let flags = t.map(\.1.flags)
        #expect(flags[0].contains([.capitalized, .allCaps, .nonASCII]) && !flags[0].contains(.lowercase))
        #expect(flags[1].contains(.capitalized) && !flags[1].contains(.allCaps) && t[1].1.kind == .word)
        #expect(flags[2].contains(.lowercase) && !flags[2].contains(.nonASCII))
        #expect(flags[3].contains(.capitalized) && !flags[3].contains(.allCaps))
        #expect(t[4].1.kind == .punct)
        #expect(t[5].1.kind == .number)
        #expect(flags[6].contains([.capitalized, .nonASCII]) && !flags[6].contains(.allCaps))
        #expect(flags[7].contains([.capitalized, .allCaps]))
        #expect(flags[8].contains([.lowercase, .nonASCII]) && !flags[8].contains(.capitalized))
        #expect(flags[0].contains([.sentenceStart, .paragraphStart]) && !flags[1].contains(.sentenceStart))
    }
}
