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

    static let gazetteer = try! Gazetteer()

    /// Documents as the pipeline leaves them: the entity stage's word ids on them.
    static func annotated(_ texts: [String], wordCapacity: Int = 200_000) throws -> [Document] {
        let recognizer = EntityRecognizer(gazetteer: gazetteer, wordCapacity: wordCapacity)
        return try texts.map { text in
            var doc = try QuoteHarness.document(text)
            recognizer.process(&doc)
            return doc
        }
    }

    static func checkWords(_ docs: [Document], _ cache: QuoteWordCache) {
        for doc in docs {
            let c = QuoteContext(doc, cache: cache)
            for i in doc.tokens.indices {
                let (word, tag) = expected(doc, i)
                #expect(c.words[i] == word, "token \(i): \(word)")
                #expect(c.tags[i] == tag, "token \(i): \(word)")
            }
        }
    }

    static let foldingTexts = [
        "Erdoğan met ERDOGAN and Erdogan; O'Brien, O’Brien and OBRIEN said Braz’il and Braz'il.",
        "The MINISTER Said that He would RESIGN, according To Reuters; Zürich and Zurich agreed.",
    ]

    @Test("a word read by the entity stage's word id is the word its bytes spell, though ids fold diacritics")
    func wordsReadByWordIDMatchThePlainDefinition() throws {
        let docs = try Self.annotated(Self.foldingTexts)
        #expect(docs.allSatisfy { $0.asciiWordIDs.count == $0.tokens.count })
        let cache = QuoteWordCache()
        for _ in 0..<2 { Self.checkWords(docs, cache) }
    }

    @Test("word ids of another word table (another worker's, or one started over) are not taken for this one's")
    func idsOfAnotherWordTableMeanOtherWords() throws {
        // Two tables that give the same small ids to different words, and one that starts over every document.
        let first = try Self.annotated(["Alpha bravo charlie said delta."])
        let second = try Self.annotated(["Echo foxtrot golf told hotel."])
        let restarting = try Self.annotated(["India juliett said.", "Kilo lima told.", "India kilo said."],
                                            wordCapacity: 2)
        #expect(first[0].asciiWordIDs.prefix(3) == second[0].asciiWordIDs.prefix(3))
        let cache = QuoteWordCache()
        for _ in 0..<2 { Self.checkWords(first + second + restarting, cache) }
    }
}
