import Testing
@testable import NewsAnnotation

/// One test per folding rule of `KeyFolder` / `LatinFolding`, the example in the test's name.
@Suite struct FoldingLetterTests {
    func key(_ word: String) -> String { KeyFolder().key(word) }

    // MARK: ASCII and letters that decompose (no rule: the mark is dropped, as stripping does)

    @Test("ASCII folds case only: ERDOGAN → erdogan") func asciiFoldsCaseOnly() {
        #expect(key("ERDOGAN") == "erdogan")
        #expect(key("O'Brien") == "o'brien")
    }

    @Test("a decomposable letter folds to its base: Erdoğan → erdogan, Çavuşoğlu → cavusoglu")
    func decomposableLetterFoldsToItsBase() {
        #expect(key("Erdoğan") == "erdogan")
        #expect(key("Çavuşoğlu") == "cavusoglu")
        #expect(key("Bogotá") == "bogota")
        #expect(key("Zürich") == "zurich")
    }

    @Test("Turkish dotted İ decomposes: İmamoğlu → imamoglu") func dottedCapitalI() {
        #expect(key("İmamoğlu") == "imamoglu")
        #expect(key("İSTANBUL") == "istanbul")
    }

    @Test("Vietnamese stacked marks: Nguyễn → nguyen") func vietnameseStackedMarks() {
        #expect(key("Nguyễn") == "nguyen")
        #expect(key("Hà") == "ha")
    }

    @Test("Romanian comma below: Chișinău → chisinau") func commaBelow() {
        #expect(key("Chișinău") == "chisinau")
        #expect(key("Ţiraspol") == "tiraspol")
    }

    @Test("letters outside Latin-1 with a decomposition: Ḩalab → halab") func latinExtendedAdditional() {
        #expect(key("Ḩalab") == "halab")
        #expect(key("Ōsaka") == "osaka")
    }

    @Test("a combining mark left after the normalizer folds to nothing: Erdog + U+0306 + an → erdogan")
    func combiningMarkFoldsToNothing() {
        #expect(key("Erdog\u{306}an") == "erdogan")
        #expect(LatinFolding.fold(0x301) == "")
    }

    // MARK: letter rules (Gazetteers/folding-rules.txt)

    @Test("ə → a: Əliyev → aliyev, Məmmədov → mammadov") func schwa() {
        #expect(key("Əliyev") == "aliyev")
        #expect(key("Məmmədov") == "mammadov")
    }

    @Test("ə also reads e: Xankəndi → xankendi") func schwaAlternative() {
        #expect(KeyFolder.alternativeFolds("Xankəndi") == ["xankendi"])
        #expect(KeyFolder.alternativeFolds("Erdoğan") == [])
    }

    @Test("in an Azerbaijani word c also reads j and q g: Gəncə → ganja, Kəlbəcər → kalbajar, Qəbələ → gabala")
    func azerbaijaniConsonantAlternatives() {
        #expect(KeyFolder.alternativeFolds("Gəncə").contains("ganja"))
        #expect(KeyFolder.alternativeFolds("Kəlbəcər").contains("kalbajar"))
        #expect(KeyFolder.alternativeFolds("Qəbələ").contains("gabala"))
        #expect(KeyFolder.alternativeFolds("Cəbrayıl").contains("jabrayil"))
        // Not in a word without an Azerbaijani letter: "Çavuşoğlu" keeps its c.
        #expect(KeyFolder.alternativeFolds("Çavuşoğlu") == [])
    }

    @Test("ı → i: Kılıçdaroğlu → kilicdaroglu") func dotlessI() {
        #expect(key("Kılıçdaroğlu") == "kilicdaroglu")
    }

    @Test("ł → l: Wałęsa → walesa, Łódź → lodz") func polishL() {
        #expect(key("Wałęsa") == "walesa")
        #expect(key("Łódź") == "lodz")
    }

    @Test("ß → ss: Strauß → strauss") func sharpS() {
        #expect(key("Strauß") == "strauss")
        #expect(key("STRAẞE") == "strasse")
    }

    @Test("æ → ae: Kjærsgaard → kjaersgaard") func ash() {
        #expect(key("Kjærsgaard") == "kjaersgaard")
    }

    @Test("ø → o: Støre → store") func slashedO() {
        #expect(key("Støre") == "store")
    }

    @Test("œ → oe: Œcalan → oecalan") func oeLigature() {
        #expect(key("Œcalan") == "oecalan")
    }

    @Test("đ → d: Đà Nẵng → da nang") func dWithStroke() {
        #expect(key("Đà") == "da")
        #expect(key("Nẵng") == "nang")
    }

    @Test("đ also reads dj: Đoković → djokovic") func dWithStrokeAlternative() {
        #expect(key("Đoković") == "dokovic")
        #expect(KeyFolder.alternativeFolds("Đoković") == ["djokovic"])
    }

    @Test("ð → d: Guðni → gudni") func eth() {
        #expect(key("Guðni") == "gudni")
    }

    @Test("þ → th: Þórdís → thordis") func thorn() {
        #expect(key("Þórdís") == "thordis")
    }

    @Test("ħ → h: Ħamrun → hamrun") func maltaH() {
        #expect(key("Ħamrun") == "hamrun")
    }

    @Test("ŋ → ng: Ŋaŋ → ngang") func eng() {
        #expect(key("Ŋaŋ") == "ngang")
    }

    @Test("apostrophe letters → ': Oʻzbekiston → o'zbekiston, Xi’an → xi'an") func apostrophes() {
        #expect(key("Oʻzbekiston") == "o'zbekiston")
        #expect(key("Xi’an") == "xi'an")
    }

    // MARK: cost

    @Test("Latin words never reach the script transliterator: Łódź, Ħamrun, Nguyễn")
    func latinWordsNeedNoTransliterator() {
        let folder = KeyFolder()
        for word in ["Łódź", "Ħamrun", "Nguyễn", "Þórdís", "Ḩalab", "Erdoğan", "Xankəndi"] { _ = folder.key(word) }
        #expect(folder.scriptWords == 0)
    }
}
