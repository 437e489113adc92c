import Testing
@testable import NewsAnnotation

@Suite struct QuoteBlockTests {
    let aliyev = QuoteHarness.person("Ilham Aliyev", name: "Ilham Aliyev")
        + QuoteHarness.person("Sergei Shoigu", name: "Sergei Shoigu")

    @Test func saidColonThenParagraphsIsABlockUntilTheNextSpeaker() throws {
        let text = """
        President Ilham Aliyev said:

        - Dear Mr. Minister.

        Dear members of the delegation.

        I am glad to welcome you to Azerbaijan. We met three months ago.

        Regrettably, the other side violated the ceasefire.

        So, again, welcome. We have an extensive agenda today.

        Russian Defense Minister Sergei Shoigu said: Thank you, dear Mr. President.
        """
        let quotes = try QuoteHarness.quotes(text, aliyev)
        let block = try #require(quotes.first { $0.kind == .block })
        #expect(block.text.hasPrefix("Dear Mr. Minister."))
        #expect(block.text.hasSuffix("We have an extensive agenda today."))
        #expect(block.speaker == "Ilham Aliyev")
        #expect(block.cue == "said")
        #expect(quotes.first { $0.kind == .turn }?.speaker == "Sergei Shoigu")
    }

    @Test func speechByHeadingStartsABlock() throws {
        let text = """
        Speech by President Ilham Aliyev

        - Thank you, dear colleagues.

        I would like to inform my colleagues about the situation in our region.

        Share news on social media
        """
        let quotes = try QuoteHarness.quotes(text, aliyev)
        let block = try #require(quotes.first)
        #expect(block.kind == .block)
        #expect(block.text.hasPrefix("Thank you"))
        #expect(block.text.hasSuffix("in our region."))
        #expect(block.speaker == "Ilham Aliyev")
        #expect(block.cue == "Speech by")
    }

    @Test func blockEndsWhereTheReportResumes() throws {
        let text = """
        Ilham Aliyev said:

        We are grateful to all our partners for their support.

        Later, Sergei Shoigu noted that the talks had been constructive.
        """
        let quotes = try QuoteHarness.quotes(text, aliyev)
        let block = try #require(quotes.first { $0.kind == .block })
        #expect(block.text == "We are grateful to all our partners for their support.")
    }

    @Test func unclearParagraphIsKeptOnlyWhenSpeechFollowsIt() throws {
        let text = """
        Ilham Aliyev said:

        We welcome the delegation.

        The ceasefire has held since November.

        Share news on social media
        """
        let quotes = try QuoteHarness.quotes(text, aliyev)
        #expect(quotes.first { $0.kind == .block }?.text == "We welcome the delegation.")
    }

    @Test func speechAfterAHeadingStartsWhereItSpeaks() throws {
        let text = """
        Head of State Kassym-Jomart Tokayev's speech at the meeting of the National Kurultai

        ATYRAU, March 14. The meeting was held in the regional theatre.

        Dear participants of the meeting!

        Today we are meeting in Atyrau. I am sure that we will succeed.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Kassym-Jomart Tokayev", name: "Kassym-Jomart Tokayev"))
        let block = try #require(quotes.first { $0.kind == .block })
        #expect(block.text.hasPrefix("Dear participants"))
        #expect(block.speaker == "Kassym-Jomart Tokayev")
    }

    @Test func speechOpeningWithASalutationAfterAReportIsABlock() throws {
        let text = """
        Kassym-Jomart Tokayev opened the meeting. The Head of State addressed the delegates.

        Dear participants of the meeting!

        Today we are meeting in Atyrau. This region plays a key role in our economy.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Kassym-Jomart Tokayev", name: "Kassym-Jomart Tokayev"))
        let block = try #require(quotes.first { $0.kind == .block })
        #expect(block.text.hasSuffix("role in our economy."))
        #expect(block.speaker == "Kassym-Jomart Tokayev")
    }
}
