import Testing
@testable import NewsAnnotation

/// Words in other scripts: the `script` rows of `Gazetteers/folding-rules.txt` (BGN/PCGN and UNGEGN tables, the
/// spellings English news prints), one test per table, the example in the test's name.
@Suite struct FoldingScriptTests {
    func key(_ word: String) -> String { KeyFolder.fold(word) }
    func variant(_ word: String) -> String { RomanizationVariants.key(KeyFolder.fold(word)) }

    @Test("Russian Cyrillic by BGN/PCGN: Пашинян → pashinyan, Путин → putin, ПУТИН → putin") func russian() {
        #expect(key("Пашинян") == "pashinyan")
        #expect(key("Путин") == "putin")
        #expect(key("ПУТИН") == "putin")
        #expect(key("Хачатурян") == "khachaturyan")
    }

    @Test("soft and hard signs leave no apostrophe: Ельцин → yeltsin, Объединённые → obyedinennyye")
    func softAndHardSigns() {
        #expect(key("Ельцин") == "yeltsin")
        #expect(key("Объединённые") == "obyedinennyye")
    }

    @Test("Russian spellings meet English ones by variant: Зеленский / Zelensky, Мирзиёев / Mirziyoyev")
    func russianMeetsEnglishByVariant() {
        #expect(variant("Зеленский") == variant("Zelensky"))
        #expect(variant("Мирзиёев") == variant("Mirziyoyev"))
        #expect(variant("Лавров") == variant("Lavrov"))
    }

    @Test("Ukrainian letters pick the Ukrainian table: Харків → kharkiv, Київ / Kyiv") func ukrainian() {
        #expect(key("Харків") == "kharkiv")
        #expect(key("Ігор") == "ihor")
        #expect(variant("Київ") == variant("Kyiv"))
    }

    @Test("Kazakh letters first become Russian ones: Тоқаев → tokayev, Нұрсұлтан → nursultan") func kazakh() {
        #expect(key("Тоқаев") == "tokayev")
        #expect(key("Нұрсұлтан") == "nursultan")
    }

    @Test("Serbian Cyrillic meets its Latin spelling: Вучић / Vučić") func serbian() {
        #expect(variant("Вучић") == variant("Vučić"))
    }

    @Test("Greek by UNGEGN: Μητσοτάκης → mitsotakis, Τσίπρας → tsipras") func greek() {
        #expect(key("Μητσοτάκης") == "mitsotakis")
        #expect(key("Τσίπρας") == "tsipras")
        #expect(key("ΤΣΊΠΡΑΣ") == "tsipras")
    }

    @Test("Armenian by BGN/PCGN: Փաշինյան → pashinyan, Երևան → yerevan") func armenian() {
        #expect(key("Փաշինյան") == "pashinyan")
        #expect(key("Երևան") == "yerevan")
    }

    @Test("Georgian by BGN/PCGN: თბილისი → tbilisi") func georgian() {
        #expect(key("თბილისი") == "tbilisi")
    }

    @Test("a folder counts the words it sent to the transliterator, and caches them: Путин")
    func folderCountsAndCachesScriptWords() {
        let folder = KeyFolder()
        #expect(folder.key("Путин") == "putin")
        #expect(folder.key("Путин") == "putin")
        #expect(folder.scriptWords == 1)
    }
}
