import Testing
@testable import NewsAnnotation

@Suite struct QuoteDirectTests {
    let smith = QuoteHarness.person("John Smith", "Smith", name: "John Smith")

    @Test func curlyQuoteTakesTheSpeakerNamedAfterIt() throws {
        let quotes = try QuoteHarness.quotes("“We will win this,” Smith said on Monday.", smith)
        #expect(quotes.direct.first?.text == "We will win this")
        #expect(quotes.direct.first?.speaker == "John Smith")
    }

    @Test func speakerMayFollowTheVerb() throws {
        let quotes = try QuoteHarness.quotes("“It was a hard game,” said coach John Smith.", smith)
        #expect(quotes.first("It was a hard game")?.speaker == "John Smith")
    }

    @Test func straightQuotesArePairedByTheirNeighbours() throws {
        let quotes = try QuoteHarness.quotes(#"Smith said: "We are not afraid." Then he left."#, smith)
        #expect(quotes.direct.map(\.text) == ["We are not afraid."])
        #expect(quotes.direct.first?.cue == "said")
    }

    @Test func guillemetsQuoteLikeCurlyMarks() throws {
        let quotes = try QuoteHarness.quotes("«Nous sommes prêts à tout,» Smith said.", smith)
        #expect(quotes.first("Nous sommes prêts à tout")?.speaker == "John Smith")
    }

    @Test func singleQuotesQuoteSpeech() throws {
        let quotes = try QuoteHarness.quotes("Smith said: ‘We will appeal the ruling.’", smith)
        #expect(quotes.first("We will appeal the ruling.")?.speaker == "John Smith")
    }

    @Test func apostropheBetweenOrAfterLettersIsNotAQuoteMark() throws {
        let quotes = try QuoteHarness.quotes("The players’ union and Smith’s lawyers met at the club’s ground.", smith)
        #expect(quotes.isEmpty)
    }

    @Test func quoteInterruptedByItsCueIsTwoQuotesWithOneSpeaker() throws {
        let text = "“We did everything we could,” Smith said. “But it was not enough.”"
        let quotes = try QuoteHarness.quotes(text, smith)
        #expect(quotes.direct.map(\.text) == ["We did everything we could", "But it was not enough."])
        #expect(quotes.direct.allSatisfy { $0.speaker == "John Smith" })
    }

    @Test func cueInsideASentenceSplitsItIntoTwoQuotes() throws {
        let quotes = try QuoteHarness.quotes("“This,” Smith said, “is unacceptable.”", smith)
        #expect(quotes.direct.map(\.text) == ["This", "is unacceptable."])
        #expect(quotes.direct.allSatisfy { $0.speaker == "John Smith" })
    }

    @Test func quoteRunningOverParagraphsIsOneQuoteWithTheCueOfAnyParagraph() throws {
        let text = """
        The mayor spoke on Sunday.

        “This has been the hardest week of my life.

        “But I have never been prouder of this town,” Smith said.
        """
        let quotes = try QuoteHarness.quotes(text, smith)
        #expect(quotes.direct.count == 1)
        #expect(quotes.direct.first?.text.hasPrefix("This has been the hardest week") == true)
        #expect(quotes.direct.first?.text.hasSuffix("prouder of this town") == true)
        #expect(quotes.direct.first?.speaker == "John Smith")
    }

    @Test func quoteParagraphWithoutCueGoesOnWithThePreviousSpeaker() throws {
        let text = """
        “We were unlucky,” Smith said.

        “The referee made some strange decisions today.”
        """
        let quotes = try QuoteHarness.quotes(text, smith)
        #expect(quotes.first("The referee made some strange decisions today.")?.speaker == "John Smith")
    }

    @Test func quoteInsideAQuoteIsItsOwnQuote() throws {
        let quotes = try QuoteHarness.quotes("“He looked at me and said ‘never again’ before he left,” Smith said.", smith)
        #expect(quotes.first("He looked at me and said ‘never again’ before he left") != nil)
        #expect(quotes.first("never again") != nil)
    }

    @Test func quotedFragmentWithASpeechVerbIsAQuote() throws {
        let quotes = try QuoteHarness.quotes("Smith said it was time to “say goodbye” to the old plan.", smith)
        #expect(quotes.first("say goodbye")?.speaker == "John Smith")
    }

    @Test func characterisingVerbMakesAFragmentAQuote() throws {
        let quotes = try QuoteHarness.quotes("Smith described the ruling as “a disgrace”.", smith)
        #expect(quotes.first("a disgrace")?.speaker == "John Smith")
    }

    @Test func scareQuotesWithoutSpeechAreNotQuotes() throws {
        let text = "The separatists’ so-called “defense forces” withdrew, and the “troika” format ended."
        #expect(try QuoteHarness.quotes(text).direct.isEmpty)
    }

    @Test func quotedTitlesAndNamesAreNotQuotes() throws {
        let text = "Radik Batirshin, Chairman of TV-Radio corporation “MIR”, opened the exhibition “Art of the Silk Road” and the “Made in Azerbaijan” brand stand."
        #expect(try QuoteHarness.quotes(text).direct.isEmpty)
    }

    @Test func closingMarkWithoutOpeningOneQuotesFromTheColonCue() throws {
        let text = "Smith said: We have always valued this work. There is much to do”, the report added."
        let quotes = try QuoteHarness.quotes(text, smith)
        let q = try #require(quotes.direct.first)
        #expect(q.text == "We have always valued this work. There is much to do")
        #expect(q.speaker == "John Smith")
    }

    @Test func quoteWholeTurnInMarksIsADirectQuoteNotATurn() throws {
        let text = "Smith said the talks went well.\n\nHe added: “I have every confidence in a deal.”"
        let quotes = try QuoteHarness.quotes(text, smith)
        #expect(quotes.first("I have every confidence in a deal.")?.kind == .direct)
        #expect(quotes.first("I have every confidence in a deal.")?.speaker == "John Smith")
    }

    @Test func speakerLabelAndColonBeforeAQuoteAttributeIt() throws {
        let quotes = try QuoteHarness.quotes("Smith: ‘We will fight on’\n\nThe vote is on Monday.", smith)
        #expect(quotes.first("We will fight on")?.speaker == "John Smith")
        #expect(quotes.first("We will fight on")?.kind == .direct)
    }

    @Test func quoteOpeningItsLineTakesTheCueEndingTheLineBefore() throws {
        let text = "In a Telegram post, Smith wrote:\n\n“Instead of helping the city, they are sabotaging it.”"
        let quotes = try QuoteHarness.quotes(text, smith)
        #expect(quotes.first("Instead of helping the city, they are sabotaging it.")?.speaker == "John Smith")
    }

    @Test func pronounAfterAQuoteGoesOnWithTheSpeakerJustQuoted() throws {
        let text = """
        “We will keep informing people every morning,” Claudia Sheinbaum told reporters.

        Andrés Manuel López Obrador had held 1,500 such conferences. “He was a great communicator,” she added.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Claudia Sheinbaum", name: "Claudia Sheinbaum")
                                             + QuoteHarness.person("Andrés Manuel López Obrador", name: "Andrés Manuel López Obrador"))
        #expect(quotes.first("He was a great communicator")?.speaker == "Claudia Sheinbaum")
    }

    @Test func quotedWordsPraisedInThePassiveHaveNoSpeaker() throws {
        let quotes = try QuoteHarness.quotes("Smith has been praised for his “raw and fearless” performance.", smith)
        #expect(quotes.first("raw and fearless")?.speaker == nil)
    }
}
