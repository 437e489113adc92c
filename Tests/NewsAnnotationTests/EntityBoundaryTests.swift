import Testing
@testable import NewsAnnotation

/// One test per span-boundary rule of ANNOTATION.md §2, on the built-in gazetteer.
@Suite struct EntityBoundaryTests {
    static let gazetteer = try! Gazetteer()
    let pipeline = try! Pipeline(gazetteer: EntityBoundaryTests.gazetteer)

    /// The entities of `text` as "span/TYPE".
    func tagged(_ text: String) -> [String] {
        let doc = pipeline.annotate(text: text)
        return doc.entities.map { "\(doc.string($0.range))/\($0.type.label)" }
    }

    @Test func leadingTheAndTrailingPossessiveAreLeftOut() {
        #expect(tagged("He praised the European Union's role.") == ["European Union/ORG"])
    }

    @Test func possessiveSplitsAPlaceFromTheBodyAfterIt() {
        #expect(tagged("Officials of Azerbaijan's Defense Ministry spoke.") == ["Azerbaijan/PLACE", "Defense Ministry/ORG"])
    }

    @Test func demonymOrCountryThatIsPartOfAnInstitutionsNameStays() {
        #expect(tagged("The Azerbaijani Foreign Ministry and the French Senate disagreed.")
            == ["Azerbaijani Foreign Ministry/ORG", "French Senate/ORG"])
        #expect(tagged("Soldiers of the Azerbaijan Army held the line.") == ["Azerbaijan Army/ORG"])
    }

    @Test func lowerCaseGenericNounAfterAPlaceIsLeftOut() {
        #expect(tagged("Mines were found in Lachin district and Digh village.") == ["Lachin/PLACE", "Digh/PLACE"])
    }

    @Test func capitalisedGenericWordThatIsPartOfThePlaceNameStays() {
        #expect(tagged("He visited the Nakhchivan Autonomous Republic.") == ["Nakhchivan Autonomous Republic/PLACE"])
    }

    @Test func ofNamesAreOneSpan() {
        #expect(tagged("The Embassy of Azerbaijan hosted the Ministry of Labor and Social Protection of the Population of Azerbaijan.")
            == ["Embassy of Azerbaijan/ORG", "Ministry of Labor and Social Protection of the Population of Azerbaijan/ORG"])
    }

    @Test func trailingLocationAfterInIsSeparate() {
        #expect(tagged("The Embassy of Azerbaijan in the United States opened.")
            == ["Embassy of Azerbaijan/ORG", "United States/PLACE"])
    }

    @Test func hyphenJoinedNamesAreSplitAndDemonymCompoundsAreNothing() {
        #expect(tagged("Talks on the Armenia-Azerbaijan border began.") == ["Armenia/PLACE", "Azerbaijan/PLACE"])
        #expect(tagged("A Russian-Armenian-Azerbaijani meeting was held.") == [])
    }

    @Test func acronymInParenthesesAfterItsLongFormIsItsOwnSpanOfTheSameType() {
        let doc = pipeline.annotate(text: "The Commonwealth of Independent States (CIS) met. The CIS agreed.")
        #expect(doc.entities.map { doc.string($0.range) } == ["Commonwealth of Independent States", "CIS", "CIS"])
        #expect(Set(doc.entities.map(\.name)) == ["Commonwealth of Independent States"])
        #expect(Set(doc.entities.map(\.type)) == [.org])
    }

    @Test func titlesAreNotPartOfPersonNames() {
        #expect(tagged("President Ilham Aliyev received the delegation.") == ["Ilham Aliyev/PERSON"])
        #expect(tagged("President of the Republic of Azerbaijan Ilham Aliyev spoke.")
            == ["Republic of Azerbaijan/PLACE", "Ilham Aliyev/PERSON"])
    }

    @Test func surnameAloneRefersBackToTheFullName() {
        let doc = pipeline.annotate(text: "Sergey Lebedev opened the meeting. Later Lebedev thanked the hosts.")
        #expect(doc.entities.map { doc.string($0.range) } == ["Sergey Lebedev", "Lebedev"])
        #expect(doc.entities.map(\.name) == ["Sergey Lebedev", "Sergey Lebedev"])
    }

    @Test func surnameATitleTaggedOnItsOwnRefersBackToTheFullName() {
        let doc = pipeline.annotate(text: "Michael Bird led the study. Dr Bird said the animals were hunted.")
        #expect(doc.entities.map { doc.string($0.range) } == ["Michael Bird", "Bird"])
        #expect(doc.entities.map(\.name) == ["Michael Bird", "Michael Bird"])
    }

    @Test func surnameInAnotherRomanisationRefersBackToTheFullName() {
        let doc = pipeline.annotate(text: "Oleksiy Kharchenko opened the hearing. Later Harchenko left the room.")
        #expect(doc.entities.map { doc.string($0.range) } == ["Oleksiy Kharchenko", "Harchenko"])
        #expect(doc.entities.map(\.name) == ["Oleksiy Kharchenko", "Oleksiy Kharchenko"])
    }

    @Test func spellingVariantOfAFullNameTakesTheFirstCanonicalName() {
        let doc = pipeline.annotate(text: "Sergey Lebedev arrived. Sergei Lebedev then spoke.")
        #expect(doc.entities.map(\.name) == ["Sergey Lebedev", "Sergey Lebedev"])
    }

    @Test func patronymicParticleClosesAName() {
        #expect(tagged("Thank you, esteemed Ilham Heydar oglu.") == ["Ilham Heydar oglu/PERSON"])
    }

    @Test func initialInsideANameKeepsItWhole() {
        #expect(tagged("The letter from Joseph R. Biden arrived.") == ["Joseph R. Biden/PERSON"])
    }

    @Test func everyMentionIsTaggedInDatelinesAndCredits() {
        #expect(tagged("Astana, October 14, AZERTAC") == ["Astana/PLACE", "AZERTAC/ORG"])
        #expect(tagged("© APA") == ["APA/ORG"])
    }

    @Test func eventsAndDocumentsAreNotEntitiesButNamesInsideThemAre() {
        #expect(tagged("He cited the UN Charter at the Paris Peace Forum.") == ["UN/ORG", "Paris/PLACE"])
    }
}
