import Testing
@testable import NewsAnnotation

/// The match semantics stated in `GazetteerMatcher`'s documentation, one example each, on a small gazetteer.
@Suite struct GazetteerMatcherTests {
    static let table = """
    Azerbaijan\tPLACE\tAzerbaijan
    Republic of Azerbaijan\tPLACE\tAzerbaijan
    Iran\tPLACE\tIran
    Turkey\tPLACE\tTurkey
    Türkiye\tPLACE\tTurkey
    Yerevan\tPLACE\tYerevan
    WHO\tORG\tWorld Health Organization
    Recep Tayyip Erdoğan\tPERSON\tRecep Tayyip Erdoğan
    Erdoğan\tPERSON\tRecep Tayyip Erdoğan
    Jordan\tPLACE\tJordan\tambiguous
    U.S.\tPLACE\tUnited States
    Guinea-Bissau\tPLACE\tGuinea-Bissau
    """

    static let gazetteer = try! Gazetteer(entityTables: [("test", Array(table.utf8))], lexicon: [])

    func matched(_ text: String) -> [String] {
        let pipeline = try! Pipeline(gazetteer: Self.gazetteer)
        var doc = Document(idJSON: Array("\"t\"".utf8), original: Array(text.utf8))
        Normalizer().process(&doc)
        pipeline.sentences.process(&doc)
        Tokenizer().process(&doc)
        let recognizer = EntityRecognizer(gazetteer: Self.gazetteer)
        let keys = recognizer.tokenKeys(doc).map { Self.gazetteer.vocabulary.id($0) }
        return GazetteerMatcher(gazetteer: Self.gazetteer).matches(doc, keys: keys).map { m in
            let range = TextRange(doc.tokens[m.firstToken].range.start, doc.tokens[m.endToken - 1].range.end)
            return doc.string(range) + "=" + Self.gazetteer.entries[Int(m.entry)].canonical
        }
    }

    @Test func longestPhraseAtTheLeftmostTokenWins() {
        #expect(matched("The Republic of Azerbaijan voted.") == ["Republic of Azerbaijan=Azerbaijan"])
    }

    @Test func phrasesMatchOnlyWholeTokens() {
        #expect(matched("Iranian and Azerbaijani officials met.") == [])
    }

    @Test func capitalisedSurfaceNeedsCapitalisedOrAllCapsText() {
        #expect(matched("YEREVAN, May 3. A turkey was served in Turkey.") == ["YEREVAN=Yerevan", "Turkey=Turkey"])
    }

    @Test func acronymNeedsAllCaps() {
        #expect(matched("Who said the WHO was late?") == ["WHO=World Health Organization"])
    }

    @Test func diacriticsDoNotMatterAndTheCanonicalNameIsTheGazetteers() {
        #expect(matched("Mr. Erdogan spoke; Recep Tayyip Erdoğan listened.")
            == ["Erdogan=Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan=Recep Tayyip Erdoğan"])
        #expect(matched("Turkiye and Türkiye.") == ["Turkiye=Turkey", "Türkiye=Turkey"])
    }

    @Test func ambiguousNameNeedsContext() {
        #expect(matched("Jordan Henderson scored. Michael Jordan watched.") == [])
        #expect(matched("Talks were held in Jordan on Monday.") == ["Jordan=Jordan"])
    }

    @Test func punctuationInsideAPhraseIsPartOfIt() {
        #expect(matched("The U.S. and Guinea-Bissau signed.") == ["U.S.=United States", "Guinea-Bissau=Guinea-Bissau"])
    }

    @Test func hyphenJoinedNamesSplit() {
        #expect(matched("The Azerbaijan-Iran border.") == ["Azerbaijan=Azerbaijan", "Iran=Iran"])
    }

    @Test func extraTableOverridesAnEmbeddedEntry() throws {
        let user = "Azerbaijan\tORG\tAzerbaijan Football Team\n"
        let g = try Gazetteer(entityTables: [("test", Array(Self.table.utf8)), ("user", Array(user.utf8))], lexicon: [])
        let pipeline = try Pipeline(gazetteer: g)
        let doc = pipeline.annotate(text: "Azerbaijan won.")
        #expect(doc.entities.map(\.name) == ["Azerbaijan Football Team"])
        #expect(doc.entities.map(\.type) == [.org])
    }

    @Test func malformedUserLineIsAnErrorNamingTheLine() {
        #expect(throws: Gazetteer.LoadError.self) {
            _ = try Gazetteer(entityTables: [("a.tsv", Array("Foo\tTHING\tFoo\n".utf8))], lexicon: [])
        }
    }
}
