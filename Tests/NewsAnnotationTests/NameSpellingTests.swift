import Testing
@testable import NewsAnnotation

/// `NameSpelling`: the canonical spelling of a name the rules took from the text.
@Suite struct NameSpellingTests {
    @Test("an ASCII name is left as it is: Tom O'Reilly")
    func asciiNameUnchanged() {
        #expect(NameSpelling.ascii("Tom O'Reilly") == "Tom O'Reilly")
    }

    @Test("marks fold away and capitals stay capitals: Özgür Özel → Ozgur Ozel")
    func marksFoldCaseKept() {
        #expect(NameSpelling.ascii("Özgür Özel") == "Ozgur Ozel")
        #expect(NameSpelling.ascii("María Julia Castañeda") == "Maria Julia Castaneda")
    }

    @Test("letters without a decomposition follow the folding rules: Kılıçdaroğlu → Kilicdaroglu, Łódź → Lodz")
    func letterRules() {
        #expect(NameSpelling.ascii("Kılıçdaroğlu") == "Kilicdaroglu")
        #expect(NameSpelling.ascii("Łódź") == "Lodz")
        #expect(NameSpelling.ascii("Əliyev") == "Aliyev")
    }

    @Test("a capital that folds to two letters keeps one capital: Ærø → Aero, all capitals stay so: STRAẞE → STRASSE")
    func multiLetterFolds() {
        #expect(NameSpelling.ascii("Ærø") == "Aero")
        #expect(NameSpelling.ascii("STRAẞE") == "STRASSE")
    }

    @Test("a curly apostrophe becomes the ASCII one: Bridget O’Reilly → Bridget O'Reilly")
    func curlyApostrophe() {
        #expect(NameSpelling.ascii("Bridget O\u{2019}Reilly") == "Bridget O'Reilly")
    }

    @Test("a name in another script is romanised: Путин → Putin")
    func otherScript() {
        #expect(NameSpelling.ascii("Путин") == "Putin")
    }

    @Test("a text and its mark-stripped copy give one spelling: İmamoğlu and Imamoglu")
    func strippedCopyAgrees() {
        #expect(NameSpelling.ascii("Dilek İmamoğlu") == NameSpelling.ascii("Dilek Imamoglu"))
    }
}
