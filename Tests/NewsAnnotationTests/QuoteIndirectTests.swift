import Testing
@testable import NewsAnnotation

@Suite struct QuoteIndirectTests {
    let smith = QuoteHarness.person("John Smith", "Smith", name: "John Smith")

    @Test func saidThatReportsTheClauseAfterThat() throws {
        let quotes = try QuoteHarness.quotes("Smith said that the company would cut 500 jobs.", smith)
        let q = try #require(quotes.indirect.first)
        #expect(q.text == "the company would cut 500 jobs")
        #expect(q.speaker == "John Smith")
        #expect(q.cue == "said")
    }

    @Test func adverbialsMayStandBetweenVerbAndThat() throws {
        let quotes = try QuoteHarness.quotes("Smith stated in his speech that the country values its partners.", smith)
        #expect(quotes.indirect.first?.text == "the country values its partners")
    }

    @Test func saidWithoutThatNeedsAFiniteVerb() throws {
        let quotes = try QuoteHarness.quotes("Smith said the talks failed to produce a deal. He urged them to leave.", smith)
        #expect(quotes.indirect.map(\.text) == ["the talks failed to produce a deal"])
    }

    @Test func verbWithANounObjectReportsNothing() throws {
        let text = "Smith recalled the failed mediation, which led to frustration. Officials voiced readiness to start talks that would bring peace."
        #expect(try QuoteHarness.quotes(text, smith).isEmpty)
    }

    @Test func toldTakesAListenerBeforeTheClause() throws {
        let quotes = try QuoteHarness.quotes("Smith told reporters on Tuesday that he would resign.", smith)
        #expect(quotes.indirect.first?.text == "he would resign")
    }

    @Test func clauseBeforeCommaAndSpeakerIsReported() throws {
        let quotes = try QuoteHarness.quotes("The war ended three years ago, Smith said.", smith)
        let q = try #require(quotes.indirect.first)
        #expect(q.text == "The war ended three years ago")
        #expect(q.speaker == "John Smith")
    }

    @Test func clauseBeforeCommaAndInvertedSpeakerIsReported() throws {
        let quotes = try QuoteHarness.quotes("Prices will rise again next year, said John Smith.", smith)
        #expect(quotes.indirect.first?.text == "Prices will rise again next year")
        #expect(quotes.indirect.first?.speaker == "John Smith")
    }

    @Test func accordingToSourceReportsTheClause() throws {
        let quotes = try QuoteHarness.quotes("According to the ministry, 12 people were killed in the attack.",
                                             QuoteHarness.org("ministry", name: "Health Ministry"))
        let q = try #require(quotes.indirect.first)
        #expect(q.text == "12 people were killed in the attack")
        #expect(q.cue == "According to")
    }

    @Test func accordingToAfterTheClauseReportsWhatCameBefore() throws {
        let quotes = try QuoteHarness.quotes("Drinking coffee may reduce the risk of liver disease, according to a new study.")
        let q = try #require(quotes.indirect.first)
        #expect(q.text == "Drinking coffee may reduce the risk of liver disease")
        #expect(q.speaker == nil)
    }

    @Test func havingSaidThatIsAnIdiomNotAReport() throws {
        let quotes = try QuoteHarness.quotes("Having said that, we have not forgotten the smaller communities out in the regions.")
        #expect(quotes.indirect.isEmpty)
    }

    @Test func frontedParticipleReportsUpToTheSpeakersComma() throws {
        let text = "Stating that, given the steps taken so far, the rival continues to escalate, the minister spoke about provocations."
        let quotes = try QuoteHarness.quotes("Khalaf Khalafov, Deputy Minister of Foreign Affairs, arrived.\n\n" + text,
                                             QuoteHarness.person("Khalaf Khalafov", name: "Khalaf Khalafov"))
        let q = try #require(quotes.indirect.first)
        #expect(q.text == "given the steps taken so far, the rival continues to escalate")
        #expect(q.speaker == "Khalaf Khalafov")
        #expect(q.cue == "Stating")
    }

    @Test func trailingParticipleReportsForTheSentencesSubject() throws {
        let quotes = try QuoteHarness.quotes("Smith visited the plant on Monday, noting that output had doubled.", smith)
        #expect(quotes.indirect.first?.text == "output had doubled")
        #expect(quotes.indirect.first?.speaker == "John Smith")
    }

    @Test func secondReportOfTheSameSpeakerEndsTheFirst() throws {
        let quotes = try QuoteHarness.quotes("Smith said that prices would rise, adding that wages would follow.", smith)
        #expect(quotes.indirect.map(\.text) == ["prices would rise", "wages would follow"])
    }

    @Test func passiveReportGoesOnTheReportBeforeIt() throws {
        let text = "Smith said in his speech that the union is a forum for talks. It was stated that cooperation keeps growing."
        let quotes = try QuoteHarness.quotes(text, smith)
        #expect(quotes.first("cooperation keeps growing")?.speaker == "John Smith")
    }

    @Test func passiveReportWithNoReportBeforeItNamesNoOne() throws {
        let text = "Many issues were discussed. It was specially emphasized that in the past period, relations grew."
        let q = try #require(try QuoteHarness.quotes(text, smith).indirect.first)
        #expect(q.text == "in the past period, relations grew")
        #expect(q.speaker == nil)
    }

    @Test func speakerReportingInTheFirstPersonIsNotAReport() throws {
        let text = "I must say that the other side has also organised provocations. I would like to emphasize that it was the other side."
        #expect(try QuoteHarness.quotes(text).indirect.isEmpty)
    }

    @Test func negatedOrQuestionReportIsNotAReport() throws {
        let text = "Smith has not said whether he will bring it to a vote. Smith did not say that he would resign."
        #expect(try QuoteHarness.quotes(text, smith).indirect.isEmpty)
    }

    @Test func asSomeoneSaidReportsUpToTheNextComma() throws {
        let text = "As you have said, the ceasefire has been observed, perhaps except for some rare exchanges."
        let q = try #require(try QuoteHarness.quotes(text).indirect.first)
        #expect(q.text == "the ceasefire has been observed")
        #expect(q.speakerText == "you")
    }

    @Test func headlineEndingWithItsSourceIsAReport() throws {
        let quotes = try QuoteHarness.quotes("Escalating clashes kill 85 in western Sudan: UN",
                                             QuoteHarness.org("UN", name: "United Nations"))
        let q = try #require(quotes.indirect.first)
        #expect(q.text == "Escalating clashes kill 85 in western Sudan")
        #expect(q.speaker == "United Nations")
        #expect(q.cue == ":")
    }

    @Test func clauseAlreadyInQuotationMarksIsNotAlsoAReport() throws {
        let quotes = try QuoteHarness.quotes("Smith said that “we will never give up the fight”.", smith)
        #expect(quotes.indirect.isEmpty)
        #expect(quotes.direct.count == 1)
    }
}
