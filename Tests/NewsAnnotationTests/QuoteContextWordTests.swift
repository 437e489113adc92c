import Testing
@testable import NewsAnnotation

/// QuoteContext reads each token's lower-case text and word classes through a per-worker cache keyed by packed
/// bytes, lower-cased eight at a time. These tests hold it to the plain definition: the standard library's
/// lower-casing of the token's text, the classes `WordTag.words` lists for a word, the mark for punctuation.
struct QuoteContextWordTests {
    /// The plain definition the cache must reproduce.
    static func expected(_ doc: Document, _ i: Int) -> (String, WordTag) {
        let token = doc.tokens[i]
        let text = String(decoding: doc.text[token.start..<token.end], as: UTF8.self)
        let word = text.lowercased()
        if token.kind == .word { return (word, WordTag.words[word] ?? []) }
        if token.end - token.start == 1 { return (word, WordTag.punctuation(doc.text[token.start])) }
        if word == "'s" || word == "’s" { return (word, .possessive) }
        if word == "…" { return (word, .ellipsis) }
        return (word, [])
    }

    static func check(_ texts: [String]) throws {
        let cache = QuoteWordCache()  // shared, as one worker's documents share it
        for _ in 0..<2 {
            for text in texts {
                let doc = try QuoteHarness.document(text)
                let c = QuoteContext(doc, cache: cache)
                for i in doc.tokens.indices {
                    let (word, tag) = expected(doc, i)
                    #expect(c.words[i] == word, "token \(i) of \(text)")
                    #expect(c.tags[i] == tag, "token \(i) of \(text): \(c.words[i])")
                    #expect(c.isApostropheS(i) == (word == "'s" || word == "’s"))
                }
            }
        }
    }

    @Test func mixedCaseWordsAndListedWordsAreLowerCasedWithTheirClasses() throws {
        try Self.check([
            "The MINISTER Said that He would RESIGN, according To Reuters.",
            "Spokesman John O'Brien told reporters: “We Are Ready.”",
        ])
    }

    @Test func tokensOfEightSixteenAndMoreBytesFoldAsTheStandardLibraryDoes() throws {
        try Self.check([
            "Abcdefgh ABCDEFGHI Abcdefghijklmnop ABCDEFGHIJKLMNOPQ Internationalisation COUNTERREVOLUTIONARIES said.",
            "@[`{ Z[ A@ z{ — mixed @Z[a` tokens",
        ])
    }

    @Test func nonASCIITokensAndPossessivesKeepTheirClasses() throws {
        try Self.check([
            "Erdoğan’s spokesman ÇAVUŞOĞLU said İstanbul’S mayor … would go — on Monday's call.",
            "ΣΟΦΙΑ said: «Ναι», and the Kelvin sign \u{212A}ELVIN stayed; the Greek question mark \u{037E}",
        ])
    }

    @Test func aTokenAtTheVeryEndOfTheTextIsReadByteByByte() throws {
        try Self.check(["He said", "SAID", "x", "Abcdefghijklmno", "’s"])
    }
}
