/// What the entity rules know of a folded word, from the word lists they consult (`NameWords`, `UnknownNameCues`,
/// the lexicon's English words and given names). Worked out once per distinct word by `WordInterner`, so a rule asks
/// a bit of a token instead of hashing its key into a set.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32

    static let englishWord = WordClass(rawValue: 1 << 0)
    static let givenName = WordClass(rawValue: 1 << 1)
    static let functionWord = WordClass(rawValue: 1 << 2)
    /// A function word, a sentence starter or a language: no name starts with it (`NameWords.startsNoName`).
    static let startsNoName = WordClass(rawValue: 1 << 3)
    static let nameParticle = WordClass(rawValue: 1 << 4)
    static let patronymicParticle = WordClass(rawValue: 1 << 5)
    static let organizationHead = WordClass(rawValue: 1 << 6)
    static let organizationTail = WordClass(rawValue: 1 << 7)
    static let placeHead = WordClass(rawValue: 1 << 8)
    static let placeTail = WordClass(rawValue: 1 << 9)
    static let placeNoun = WordClass(rawValue: 1 << 10)
    static let placePreposition = WordClass(rawValue: 1 << 11)
    static let placeOfNoun = WordClass(rawValue: 1 << 12)
    static let placeListNoun = WordClass(rawValue: 1 << 13)
    static let speechVerb = WordClass(rawValue: 1 << 14)
    /// A title or a demonym on its own ("President", "Azerbaijani"): the lexicon explains it, no name does.
    static let titleOrDemonym = WordClass(rawValue: 1 << 15)
    /// Some title phrase starts with it ("foreign" for "Foreign Minister").
    static let startsTitle = WordClass(rawValue: 1 << 16)
    /// Five characters or more, ending like a surname ("-ov", "-shvili", "-enko": `NameWords.surnameEndings`).
    static let surnameShape = WordClass(rawValue: 1 << 17)

    /// The classes of a folded key, from the lists themselves and the gazetteer's title and demonym phrases.
    static func of(_ key: String, vocabularyID: Int32, gazetteer: Gazetteer) -> WordClass {
        var c: WordClass = []
        var id = vocabularyID
        withUnsafePointer(to: &id) { pointer in
            let word = UnsafeBufferPointer(start: pointer, count: 1)
            gazetteer.titles.matches(word, from: 0, maxTokens: 1) { _, _ in c.insert(.titleOrDemonym) }
            gazetteer.demonyms.matches(word, from: 0, maxTokens: 1) { _, _ in c.insert(.titleOrDemonym) }
        }
        if gazetteer.titles.child(0, vocabularyID) != nil { c.insert(.startsTitle) }
        let givenNames = gazetteer.givenNames
        if EnglishWords.contains(key) { c.insert(.englishWord) }
        if givenNames.contains(key) { c.insert(.givenName) }
        if NameWords.functionWords.contains(key) { c.insert(.functionWord) }
        if NameWords.startsNoName(key) { c.insert(.startsNoName) }
        if NameWords.nameParticles.contains(key) { c.insert(.nameParticle) }
        if NameWords.patronymicParticles.contains(key) { c.insert(.patronymicParticle) }
        if NameWords.organizationHeads.contains(key) { c.insert(.organizationHead) }
        if NameWords.organizationTails.contains(key) { c.insert(.organizationTail) }
        if NameWords.placeHeads.contains(key) { c.insert(.placeHead) }
        if NameWords.placeTails.contains(key) { c.insert(.placeTail) }
        if NameWords.placeNouns.contains(key) { c.insert(.placeNoun) }
        if UnknownNameCues.placePrepositions.contains(key) { c.insert(.placePreposition) }
        if UnknownNameCues.placeOfNouns.contains(key) { c.insert(.placeOfNoun) }
        if UnknownNameCues.placeListNouns.contains(key) { c.insert(.placeListNoun) }
        if UnknownNameCues.speechVerbs.contains(key) { c.insert(.speechVerb) }
        if NameWords.hasSurnameShape(key) { c.insert(.surnameShape) }
        return c
    }
}
