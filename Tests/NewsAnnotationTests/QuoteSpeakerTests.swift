import Testing
@testable import NewsAnnotation

@Suite struct QuoteSpeakerTests {
    let smith = QuoteHarness.person("John Smith", "Smith", name: "John Smith")

    @Test func pronounResolvesToTheLastPersonBeforeIt() throws {
        let text = "John Smith arrived late.\n\n“It would be premature to declare victory,” he added."
        let q = try #require(try QuoteHarness.quotes(text, smith).first)
        #expect(q.speakerText == "he")
        #expect(q.speaker == "John Smith")
    }

    @Test func pronounSkipsPeopleNamedInsideQuotes() throws {
        let text = "Smith spoke first. “I told Mary Jones it was over,” he said."
        let quotes = try QuoteHarness.quotes(text, smith + QuoteHarness.person("Mary Jones", name: "Mary Jones"))
        #expect(quotes.first("I told Mary Jones it was over")?.speaker == "John Smith")
    }

    @Test func roleResolvesToThePersonIntroducedWithIt() throws {
        let text = "Kremlin spokesman Dmitry Peskov spoke to reporters. The Kremlin spokesman added that talks were not planned."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Dmitry Peskov", name: "Dmitry Peskov"))
        let q = try #require(quotes.indirect.first)
        #expect(q.speakerText == "The Kremlin spokesman")
        #expect(q.speaker == "Dmitry Peskov")
    }

    @Test func appositiveRoleIntroducesThePerson() throws {
        let text = "Khalaf Khalafov, Deputy Minister of Foreign Affairs of Azerbaijan, spoke. The deputy minister said that peace was near."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Khalaf Khalafov", name: "Khalaf Khalafov")
                                             + QuoteHarness.place("Azerbaijan", name: "Azerbaijan"))
        #expect(quotes.indirect.first?.speaker == "Khalaf Khalafov")
    }

    @Test func headOfStateResolvesToThePresident() throws {
        let text = "President of Azerbaijan Ilham Aliyev received the guests. The head of state said that contacts were close."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Ilham Aliyev", name: "Ilham Aliyev")
                                             + QuoteHarness.place("Azerbaijan", name: "Azerbaijan"))
        #expect(quotes.indirect.first?.speaker == "Ilham Aliyev")
    }

    @Test func roleTiedToAnotherCountryNamesNoOne() throws {
        let text = "President of Azerbaijan Ilham Aliyev spoke. The President of France promised to me that measures would be taken."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Ilham Aliyev", name: "Ilham Aliyev")
                                             + QuoteHarness.place("Azerbaijan", name: "Azerbaijan")
                                             + QuoteHarness.place("France", name: "France"))
        let q = try #require(quotes.indirect.first)
        #expect(q.speakerText == "The President of France")
        #expect(q.speaker == nil)
    }

    @Test func indefiniteSourceNamesNoOne() throws {
        let text = "John Smith left. An official in Washington, who asked not to be named, said the situation was calm."
        let quotes = try QuoteHarness.quotes(text, smith + QuoteHarness.place("Washington", name: "Washington"))
        let q = try #require(quotes.indirect.first)
        #expect(q.speakerText == "An official")
        #expect(q.speaker == nil)
    }

    @Test func laterMentionOfAnUnnamedSourceStillNamesNoOne() throws {
        let text = "Smith was there. A spokesperson for the fire service said crews were searching. “We are doing everything we can,” the spokesperson said."
        let quotes = try QuoteHarness.quotes(text, smith)
        #expect(quotes.first("We are doing everything we can")?.speaker == nil)
    }

    @Test func organisationCanSpeak() throws {
        let text = "The Foreign Ministry said that the claims were groundless."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.org("Foreign Ministry", name: "Ministry of Foreign Affairs"))
        #expect(quotes.indirect.first?.speaker == "Ministry of Foreign Affairs")
    }

    @Test func genericOrganisationNounGoesBackToTheOrganisationQuoted() throws {
        let text = "Tesla said on Wednesday that profit would fall. “The guidance is weak,” said Dan Ives of Wedbush Securities. The company also confirmed it would delay the plant."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.org("Tesla", name: "Tesla")
                                             + QuoteHarness.org("Wedbush Securities", name: "Wedbush Securities")
                                             + QuoteHarness.person("Dan Ives", name: "Dan Ives"))
        #expect(quotes.first("it would delay the plant")?.speaker == "Tesla")
        #expect(quotes.first("The guidance is weak")?.speaker == "Dan Ives")
    }

    @Test func nameInAnAppositionWinsOverTheRoleBeforeIt() throws {
        let text = "Smith's lawyer, David Brown, said his client would appeal."
        let quotes = try QuoteHarness.quotes(text, smith + QuoteHarness.person("David Brown", name: "David Brown"))
        #expect(quotes.indirect.first?.speaker == "David Brown")
    }

    @Test func relativeClauseBetweenSubjectAndVerbIsSkipped() throws {
        let text = "The minister, John Smith, who met Mary Jones on Tuesday, said the deal was done."
        let quotes = try QuoteHarness.quotes(text, smith + QuoteHarness.person("Mary Jones", name: "Mary Jones"))
        #expect(quotes.indirect.first?.speaker == "John Smith")
    }

    @Test func nationalityStandsForThePersonNamedBefore() throws {
        let text = "Mauricio Pochettino admitted defeat. The Argentine added that his side needed to improve."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Mauricio Pochettino", name: "Mauricio Pochettino"))
        #expect(quotes.indirect.last?.speaker == "Mauricio Pochettino")
    }

    @Test func surnameWithoutEntityResolvesToTheFullName() throws {
        let text = "Oliver Kennedy led the study. The team plans further trials, Kennedy said."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Oliver Kennedy", name: "Oliver Kennedy"))
        #expect(quotes.indirect.first?.speaker == "Oliver Kennedy")
    }

    @Test func youInsideATurnIsTheSpeakerBeforeIt() throws {
        let text = """
        Ilham Aliyev said:

        We are glad to welcome you here today.

        Sergei Shoigu said: Thank you, dear Mr. President. As you have said, the ceasefire has held, and we will keep it.
        """
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Ilham Aliyev", name: "Ilham Aliyev")
                                             + QuoteHarness.person("Sergei Shoigu", name: "Sergei Shoigu"))
        let q = try #require(quotes.indirect.first)
        #expect(q.text == "the ceasefire has held")
        #expect(q.speaker == "Ilham Aliyev")
    }

    @Test func firstPersonInsideAQuoteIsThatQuotesSpeaker() throws {
        let text = "Smith spoke at length.\n\n“I told them: ‘Never again will we accept this kind of treatment,’” Smith said."
        let quotes = try QuoteHarness.quotes(text, smith)
        let inner = try #require(quotes.starting("Never again"))
        #expect(inner.speaker == "John Smith")
    }

    @Test func headOfTheExecutiveIsThePresident() throws {
        let text = "President Claudia Sheinbaum met reporters. Andrés López spoke too. Asked about the reform, the head of the Executive said: “It is done.”"
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Claudia Sheinbaum", name: "Claudia Sheinbaum")
                                             + QuoteHarness.person("Andrés López", name: "Andrés López"))
        #expect(quotes.first("It is done.")?.speaker == "Claudia Sheinbaum")
    }

    @Test func pronounSkipsAPersonTheTextMarkedAsTheOtherSex() throws {
        let text = "Mary Jones said her team was ready. Mr Brown disagreed. She said the vote would go ahead."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("Mary Jones", name: "Mary Jones")
                                             + QuoteHarness.person("Brown", name: "Tom Brown"))
        #expect(quotes.first("the vote would go ahead")?.speaker == "Mary Jones")
    }

    @Test func transcriptSurnameOfSeveralWordsResolvesToTheFullName() throws {
        let text = "SEN. CHRIS VAN HOLLEN: We disagree.\n\nVAN HOLLEN: I said so before."
        let quotes = try QuoteHarness.quotes(text, QuoteHarness.person("CHRIS VAN HOLLEN", name: "Chris Van Hollen"))
        #expect(quotes.first("I said so before.")?.speaker == "Chris Van Hollen")
    }
}
