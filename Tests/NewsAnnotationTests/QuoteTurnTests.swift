import Testing
@testable import NewsAnnotation

@Suite struct QuoteTurnTests {
    @Test func lineOpeningWithANameAndColonIsATurn() throws {
        let text = "The meeting opened.\n\nKassym-Jomart Tokayev: Thank you very much, esteemed colleague.\n\nThen the meeting continued."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Kassym-Jomart Tokayev", name: "Kassym-Jomart Tokayev"))
        let q = try #require(quotes.first { $0.kind == .turn })
        #expect(q.text == "Thank you very much, esteemed colleague.")
        #expect(q.speaker == "Kassym-Jomart Tokayev")
        #expect(q.cue == ":")
        #expect(quotes.count == 1)
    }

    @Test func nameSaidColonWithWordsOnTheLineIsATurn() throws {
        let text = "Russian Defense Minister Sergei Shoigu said: Thank you, dear Mr. President. I am grateful."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Sergei Shoigu", name: "Sergei Shoigu"))
        let q = try #require(quotes.first { $0.kind == .turn })
        #expect(q.text == "Thank you, dear Mr. President. I am grateful.")
        #expect(q.speaker == "Sergei Shoigu")
        #expect(q.cue == "said")
    }

    @Test func transcriptSurnameTurnRefersBackToTheFullName() throws {
        let text = """
        CATHY NEWMAN: Thank you for joining us tonight.

        JOHN SMITH: It is a pleasure to be here.

        NEWMAN: But the figures say otherwise.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("CATHY NEWMAN", name: "Cathy Newman")
                                             + QuoteHarness.person("JOHN SMITH", name: "John Smith"))
        #expect(quotes.map(\.kind) == [.turn, .turn, .turn])
        #expect(quotes.first("But the figures say otherwise.")?.speaker == "Cathy Newman")
    }

    @Test func headlineWithSourceAndColonIsATurn() throws {
        let text = "UN: Recent floods affect 80,000 in Afghanistan\n\nFrom Isaac Herzog, President of Israel"
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.org("UN", name: "United Nations"))
        #expect(quotes.first("Recent floods affect 80,000 in Afghanistan")?.speaker == "United Nations")
        #expect(quotes.count == 1)
    }

    @Test func roleLabelTurnResolvesToThePersonWithThatRole() throws {
        let text = "President Ilham Aliyev: We support small island states.\n\nPresident: We will do our best for them"
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Ilham Aliyev", name: "Ilham Aliyev"))
        #expect(quotes.first("We will do our best for them")?.speaker == "Ilham Aliyev")
    }

    @Test func labelsTimesAndListsAreNotTurns() throws {
        let text = """
        Last update: May 23, 2024 00:53

        Photo: Reuters staff in the field

        # 14 April 2023 23:20 (UTC +04:00)

        Arsenal: Raya; White, Saliba, Gabriel; Rice, Odegaard
        """
        #expect(try QuoteHarness.quotes(text, QuoteHarness.org("Arsenal", name: "Arsenal F.C.")).isEmpty)
    }

    @Test func turnRunsOnOverParagraphsThatStillSpeak() throws {
        let text = """
        John Smith said: Thank you, dear Mr. President. The time flies.

        As you have said, the ceasefire has held, and I am confident that this will continue.

        Then the meeting continued in an expanded format.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("John Smith", name: "John Smith"))
        let turn = try #require(quotes.first { $0.kind == .turn })
        #expect(turn.text.hasPrefix("Thank you"))
        #expect(turn.text.hasSuffix("this will continue."))
    }

    @Test func interviewAnswersAreThePersonInterviewed() throws {
        let text = """
        The finance minister, Jane Doe, spoke to our correspondent.

        Q: Will taxes go up next year?

        A: We have no plans to raise taxes.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Jane Doe", name: "Jane Doe"))
        #expect(quotes.first("Will taxes go up next year?")?.speaker == nil)
        #expect(quotes.first("We have no plans to raise taxes.")?.speaker == "Jane Doe")
    }

    @Test func transcriptLabelMayCarryABracketedNote() throws {
        let text = "SEN. MARCO RUBIO (R-FL): Thank you.\n\nBASH (voice-over): The senator arrived on Friday."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("MARCO RUBIO", name: "Marco Rubio")
                                             + QuoteHarness.person("BASH", name: "Dana Bash"))
        #expect(quotes.first("Thank you.")?.speaker == "Marco Rubio")
        #expect(quotes.first("The senator arrived on Friday.")?.speaker == "Dana Bash")
    }

    @Test func turnOpeningWithASalutationRunsOnToTheNextParagraph() throws {
        let text = """
        Agriculture Minister Dmitry Patrushev: Mr President, colleagues,

        This year farmers harvested more than 130 million tonnes of grain. The results are good.

        Vladimir Putin: Thank you.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Dmitry Patrushev", name: "Dmitry Patrushev")
                                             + QuoteHarness.person("Vladimir Putin", name: "Vladimir Putin"))
        #expect(quotes.first { $0.speaker == "Dmitry Patrushev" }?.text.hasSuffix("The results are good.") == true)
    }
}
