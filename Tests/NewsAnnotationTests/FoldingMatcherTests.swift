import Testing
@testable import NewsAnnotation

/// Every spelling of one referent gets the gazetteer's type and canonical name: diacritics, other scripts,
/// romanisation variants. On a small gazetteer, through the matcher, one behaviour each.
@Suite struct FoldingMatcherTests {
    static let table = """
    Vladimir Putin\tPERSON\tVladimir Putin
    Putin\tPERSON\tVladimir Putin
    Volodymyr Zelenskyy\tPERSON\tVolodymyr Zelenskyy
    Zelensky\tPERSON\tVolodymyr Zelenskyy
    Sergey Lavrov\tPERSON\tSergey Lavrov
    Lavrov\tPERSON\tSergey Lavrov
    Kyriakos Mitsotakis\tPERSON\tKyriakos Mitsotakis
    Mitsotakis\tPERSON\tKyriakos Mitsotakis
    Recep Tayyip Erdoğan\tPERSON\tRecep Tayyip Erdoğan
    Shavkat Mirziyoyev\tPERSON\tShavkat Mirziyoyev
    Mirziyoyev\tPERSON\tShavkat Mirziyoyev
    Novak Djokovic\tPERSON\tNovak Djokovic
    Shusha\tPLACE\tShusha
    Khankendi\tPLACE\tKhankendi
    Nakhchivan\tPLACE\tNakhchivan
    Ganja\tPLACE\tGanja
    Kalbajar\tPLACE\tKalbajar
    Hikmet Hajiyev\tPERSON\tHikmet Hajiyev
    Kyiv\tPLACE\tKyiv
    Kiev\tPLACE\tKyiv
    Turkey\tPLACE\tTurkey
    Türkiye\tPLACE\tTurkey
    Shunyi\tPLACE\tShunyi
    Xindi\tPLACE\tXindi
    Heshan City\tPLACE\tHeshan
    Hyesan City\tPLACE\tHyesan
    """

    static let gazetteer = try! Gazetteer(entityTables: [("test", Array(table.utf8))], lexicon: [])

    static func matched(_ text: String, gazetteer: Gazetteer = Self.gazetteer) -> [String] {
        let pipeline = try! Pipeline(gazetteer: gazetteer)
        var doc = Document(idJSON: Array("\"t\"".utf8), original: Array(text.utf8))
        Normalizer().process(&doc)
        pipeline.sentences.process(&doc)
        Tokenizer().process(&doc)
        let recognizer = EntityRecognizer(gazetteer: gazetteer)
        let keys = recognizer.tokenKeys(doc).map { gazetteer.vocabulary.id($0) }
        return GazetteerMatcher(gazetteer: gazetteer).matches(doc, keys: keys).map { m in
            let range = TextRange(doc.tokens[m.firstToken].range.start, doc.tokens[m.endToken - 1].range.end)
            return doc.string(range) + "=" + gazetteer.entries[Int(m.entry)].canonical
        }
    }

    func matched(_ text: String) -> [String] { Self.matched(text) }

    @Test("a name in Cyrillic inside an English sentence is tagged: Путин, Лавров")
    func cyrillicNameInAnEnglishSentence() {
        #expect(matched("On Monday Путин met Лавров in Moscow.") == ["Путин=Vladimir Putin", "Лавров=Sergey Lavrov"])
    }

    @Test("a name in Greek inside an English sentence is tagged: Μητσοτάκης") func greekName() {
        #expect(matched("Prime Minister Μητσοτάκης spoke.") == ["Μητσοτάκης=Kyriakos Mitsotakis"])
    }

    @Test("the canonical name is the gazetteer's spelling: Erdogan → Recep Tayyip Erdoğan")
    func canonicalIsTheGazetteersSpelling() {
        #expect(matched("Recep Tayyip Erdogan spoke.") == ["Recep Tayyip Erdogan=Recep Tayyip Erdoğan"])
    }

    @Test("curated aliases join what no rule does: Kiev → Kyiv, Türkiye → Turkey") func curatedAliases() {
        #expect(matched("Kiev and Türkiye.") == ["Kiev=Kyiv", "Türkiye=Turkey"])
    }

    @Test("a variant inside a longer name: Volodymyr Zelenski, Sergei Lavrov, Shavkat Mirziyoev")
    func variantInsideALongerName() {
        #expect(matched("Volodymyr Zelenski, Sergei Lavrov and Shavkat Mirziyoev met.")
            == ["Volodymyr Zelenski=Volodymyr Zelenskyy", "Sergei Lavrov=Sergey Lavrov",
                "Shavkat Mirziyoev=Shavkat Mirziyoyev"])
    }

    @Test("a one-word variant of a name already seen resolves to it: Shusha … Şuşa, Mirziyoyev … Mirziyoev")
    func oneWordVariantOfANameAlreadySeen() {
        #expect(matched("Troops entered Shusha. In Şuşa, the mayor spoke.") == ["Shusha=Shusha", "Şuşa=Shusha"])
        #expect(matched("Mirziyoyev arrived. Later Mirziyoev said little.")
            == ["Mirziyoyev=Shavkat Mirziyoyev", "Mirziyoev=Shavkat Mirziyoyev"])
    }

    @Test("a one-word variant of a name the document gives further on resolves to it too: Şuşa … Shusha")
    func oneWordVariantOfANameGivenLater() {
        #expect(matched("In Şuşa, the mayor spoke. Troops entered Shusha.") == ["Şuşa=Shusha", "Shusha=Shusha"])
    }

    @Test("Azerbaijani words: c reads j, ə reads a or e: Gəncə → Ganja, Kəlbəcər → Kalbajar, Hikmət Hacıyev")
    func azerbaijaniSpellings() {
        #expect(matched("Shelling hit Gəncə and Kəlbəcər, Hikmət Hacıyev said.")
            == ["Gəncə=Ganja", "Kəlbəcər=Kalbajar", "Hikmət Hacıyev=Hikmet Hajiyev"])
    }

    @Test("a one-word variant alone stands only on a foreign word: Xankəndi, Naxçıvan, Зеленский; not Susa")
    func oneWordVariantAloneNeedsAForeignWord() {
        #expect(matched("The forum in Xankəndi opened.") == ["Xankəndi=Khankendi"])
        #expect(matched("Flights to Naxçıvan resumed.") == ["Naxçıvan=Nakhchivan"])
        #expect(matched("Then Зеленский spoke.") == ["Зеленский=Volodymyr Zelenskyy"])
        // Susa is also an ancient city in Iran: an ASCII word needs the name seen first.
        #expect(matched("Tourists visited Susa.") == [])
    }

    @Test("words that share a variant key with a place are not that place: Sunni, Hindi") func englishLookalikes() {
        #expect(matched("Sunni clerics spoke Hindi.") == [])
    }

    @Test("a variant pointing at two entities is refused, unless the document named one: Hesan City")
    func ambiguousVariant() {
        #expect(matched("Officials of Hesan City met.") == [])
        #expect(matched("Heshan City grew. Hesan City did too.") == ["Heshan City=Heshan", "Hesan City=Heshan"])
    }

    @Test("an exact match beats a variant of the same length: Kiev stays Kiev") func exactBeatsVariant() {
        #expect(matched("Kiev.") == ["Kiev=Kyiv"])
    }

    @Test("alt readings: Đoković → Novak Djokovic") func altReading() {
        #expect(matched("Novak Đoković won.") == ["Novak Đoković=Novak Djokovic"])
    }

    @Test("a --gazetteer entry with or without diacritics matches both spellings: Şuşa / Susa, Gəncə / Ganca")
    func userEntriesMatchBothSpellings() throws {
        let user = "Şuşa\tPLACE\tŞuşa\nGanca\tPLACE\tGanja\n"
        let gazetteer = try Gazetteer(entityTables: [("test", Array(Self.table.utf8)), ("user.tsv", Array(user.utf8))],
                                      lexicon: [])
        #expect(Self.matched("Şuşa and Susa.", gazetteer: gazetteer) == ["Şuşa=Şuşa", "Susa=Şuşa"])
        #expect(Self.matched("Gəncə and Ganca.", gazetteer: gazetteer) == ["Gəncə=Ganja", "Ganca=Ganja"])
    }

    @Test("building the embedded gazetteer opens no transliterator") func embeddedGazetteerNeedsNoICU() throws {
        let gazetteer = try Gazetteer()
        #expect(gazetteer.scriptWords == 0)
    }

    @Test("an all-ASCII document sends no word to the transliterator") func asciiDocumentPaysNothing() throws {
        let pipeline = try Pipeline(gazetteer: Self.gazetteer)
        _ = pipeline.annotate(text: "President Vladimir Putin met Sergei Lavrov and Volodymyr Zelenski in Kiev.")
        #expect(pipeline.entities.folder.scriptWords == 0)
    }
}
