/// What the quote rules need to know about a token, as bits: its word classes (from `SpeakerWords`) or which
/// punctuation mark it is. Looked up once per token, so that the rules test bits instead of hashing strings.
struct WordTag: OptionSet, Sendable {
    let rawValue: UInt64

    static let pronoun = WordTag(rawValue: 1 << 0)
    static let definite = WordTag(rawValue: 1 << 1)
    static let indefinite = WordTag(rawValue: 1 << 2)
    static let role = WordTag(rawValue: 1 << 3)
    static let body = WordTag(rawValue: 1 << 4)
    static let document = WordTag(rawValue: 1 << 5)
    static let title = WordTag(rawValue: 1 << 6)
    static let roleModifier = WordTag(rawValue: 1 << 7)
    static let adverb = WordTag(rawValue: 1 << 8)
    static let auxiliary = WordTag(rawValue: 1 << 9)
    static let preposition = WordTag(rawValue: 1 << 10)
    static let aside = WordTag(rawValue: 1 << 11)
    static let calendar = WordTag(rawValue: 1 << 12)
    static let functionWord = WordTag(rawValue: 1 << 13)
    static let label = WordTag(rawValue: 1 << 14)
    static let namingBefore = WordTag(rawValue: 1 << 15)
    static let namingAfter = WordTag(rawValue: 1 << 16)
    static let irregularVerb = WordTag(rawValue: 1 << 17)
    static let narrativeOpener = WordTag(rawValue: 1 << 18)
    static let personal = WordTag(rawValue: 1 << 19)
    static let salutation = WordTag(rawValue: 1 << 20)
    static let speechVerb = WordTag(rawValue: 1 << 21)
    static let speechNoun = WordTag(rawValue: 1 << 22)
    /// Starts a cue of several words ("according to", "brought to the attention", "expressed hope that").
    static let cueStart = WordTag(rawValue: 1 << 23)
    /// One of `SpeakerWords.sexedPronouns` ("he", "her", …): what tells a person's sex after their name.
    static let sexedPronoun = WordTag(rawValue: 1 << 24)

    // One-scalar punctuation.
    static let comma = WordTag(rawValue: 1 << 40)
    static let period = WordTag(rawValue: 1 << 41)
    static let colon = WordTag(rawValue: 1 << 42)
    static let semicolon = WordTag(rawValue: 1 << 43)
    static let exclamation = WordTag(rawValue: 1 << 44)
    static let question = WordTag(rawValue: 1 << 45)
    static let dash = WordTag(rawValue: 1 << 46)
    static let openParen = WordTag(rawValue: 1 << 47)
    static let closeParen = WordTag(rawValue: 1 << 48)
    static let ellipsis = WordTag(rawValue: 1 << 49)
    static let slash = WordTag(rawValue: 1 << 50)
    static let openBracket = WordTag(rawValue: 1 << 51)
    static let closeBracket = WordTag(rawValue: 1 << 52)
    /// The possessive "'s" / "’s" split off a word.
    static let possessive = WordTag(rawValue: 1 << 53)

    static let sentenceEnd: WordTag = [.period, .exclamation, .question, .ellipsis]

    /// Every listed word with all its classes.
    static let words: [String: WordTag] = {
        var t: [String: WordTag] = [:]
        func add(_ set: Set<String>, _ tag: WordTag) { for w in set { t[w, default: []].insert(tag) } }
        add(Set(SpeakerWords.pronouns.keys), .pronoun)
        add(Set(SpeakerWords.sexedPronouns.keys), .sexedPronoun)
        add(SpeakerWords.definite, .definite)
        add(SpeakerWords.indefinite, .indefinite)
        add(SpeakerWords.roles, .role)
        add(SpeakerWords.bodies, .body)
        add(SpeakerWords.documents, .document)
        add(SpeakerWords.titles, .title)
        add(SpeakerWords.roleModifiers, .roleModifier)
        add(SpeakerWords.adverbs, .adverb)
        add(SpeakerWords.auxiliaries, .auxiliary)
        add(SpeakerWords.prepositions, .preposition)
        add(SpeakerWords.asides, .aside)
        add(SpeakerWords.calendar, .calendar)
        add(SpeakerWords.functionWords, .functionWord)
        add(SpeakerWords.labels, .label)
        add(SpeakerWords.namingBefore, .namingBefore)
        add(SpeakerWords.namingAfter, .namingAfter)
        add(SpeakerWords.irregularVerbs, .irregularVerb)
        add(SpeakerWords.narrativeOpeners, .narrativeOpener)
        add(SpeakerWords.personal, .personal)
        add(SpeakerWords.salutations, .salutation)
        add(Set(SpeechVerbs.table.keys), .speechVerb)
        add(SpeechVerbs.nouns, .speechNoun)
        add(SpeechVerbs.phraseStarts, .cueStart)
        return t
    }()

    static func punctuation(_ scalar: UInt8) -> WordTag {
        switch scalar {
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: "!"): return .exclamation
        case UInt8(ascii: "?"): return .question
        case UInt8(ascii: "-"): return .dash
        case UInt8(ascii: "("): return .openParen
        case UInt8(ascii: ")"): return .closeParen
        case UInt8(ascii: "/"): return .slash
        case UInt8(ascii: "["): return .openBracket
        case UInt8(ascii: "]"): return .closeBracket
        default: return []
        }
    }
}
