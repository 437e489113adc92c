/// A speaker as the text mentions it: a name, a role ("the deputy minister") or a pronoun, as token indices.
struct Mention: Sendable {
    enum Kind: Sendable {
        /// A person or organisation named (an entity, or a capitalised name the entity stage missed).
        case name
        /// A place standing for its government ("Moscow said"): a speaker only right next to its verb.
        case place
        /// A role or body: resolves to whoever the document introduced with it, or to no one.
        case role
        case pronoun(SpeakerWords.Pronoun)

        var isName: Bool { if case .name = self { return true } else { return false } }
    }

    var first: Int
    var end: Int
    var kind: Kind
    /// The entity the mention is, or -1.
    var entity: Int32 = -1
    /// For roles: the content words of the whole phrase ("deputy", "minister", "france").
    var roleWords: [String] = []
    /// "an official", "sources": the text does not name the source, so the name stays empty.
    var indefinite = false
    /// A definite description that stands for someone named before rather than naming a role they were given:
    /// "the Argentine", "the 45-year-old", "the Arsenal manager" when no one was introduced as such.
    var anaphor = false
    /// The role is pinned to a place or a capitalised qualifier ("the President of France", "Azerbaijani
    /// President"): it may not fall back on whoever was last mentioned.
    var qualified = false
    /// Where the whole noun phrase (titles and role included) starts and ends.
    var phraseFirst: Int
    var phraseEnd: Int

    var isPronoun: Bool { if case .pronoun = kind { return true } else { return false } }
    var pronoun: SpeakerWords.Pronoun? { if case .pronoun(let p) = kind { return p } else { return nil } }
    var isPlace: Bool { if case .place = kind { return true } else { return false } }
}
