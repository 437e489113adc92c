/// Entities stage. Takes tokens and sentences; gives flat, sorted entities with canonical names.
///
/// Gazetteer matches come first, then the rules for names no list holds (`NameRules`), then `NameResolver` links
/// short forms to the full names the document introduced.
///
/// Owns a `KeyFolder` (a per-worker cache of folded words; the transliterators behind it are shared by the process).
public final class EntityRecognizer {
    public let gazetteer: Gazetteer
    let matcher: GazetteerMatcher
    let folder = KeyFolder()
    let interner: WordInterner
    let rules: NameRules
    let guesser = UnknownNameGuesser()
    let resolver: NameResolver

    /// `wordCapacity`: distinct words the worker's interner holds before it starts over (between documents).
    public init(gazetteer: Gazetteer, wordCapacity: Int = 200_000) {
        self.gazetteer = gazetteer
        self.matcher = GazetteerMatcher(gazetteer: gazetteer)
        self.interner = WordInterner(gazetteer: gazetteer, folder: folder, capacity: wordCapacity)
        self.rules = NameRules(gazetteer: gazetteer)
        self.resolver = NameResolver(interner: interner)
    }

    public func process(_ doc: inout Document) {
        var asciiIDs: [Int32] = []
        let words = interner.ids(doc, asciiIDs: &asciiIDs)
        doc.asciiWordIDs = asciiIDs
        doc.wordTableGeneration = interner.generation
        let keys = TokenKeys(ids: words, table: interner.keys)
        // The interner's tables read once: an access to a class's stored property inside the loops was checked
        // for exclusivity at every token.
        let vocabularyIDs = interner.vocabularyIDs, wordClasses = interner.classes
        let keyIDs = words.map { vocabularyIDs[Int($0)] }
        let classes = words.map { wordClasses[Int($0)] }
        let matches = matcher.matches(doc, keys: keyIDs, words: (asciiIDs, interner))
        let found = rules.entities(doc, keys: keys, keyIDs: keyIDs, classes: classes, matches: matches)
        let guessed = guesser.guess(found, doc, keys: keys, classes: classes)
        doc.entities = Self.flat(resolver.resolve(guessed, doc, keys: keys, ids: words, classes: classes))
        spellCanonically(&doc.entities)
    }

    /// Gazetteer names that are not plain ASCII ("Recep Tayyip Erdoğan"): the only non-ASCII names that keep their
    /// marks. Built on the first document that has a non-ASCII name.
    private lazy var gazetteerSpellings: Set<String> = Set(gazetteer.entries.lazy.map(\.canonical).filter { name in
        !NameSpelling.isASCII(name)
    })

    /// Names the rules took from the text get the one spelling all their variants share (`NameSpelling`), so
    /// "Castañeda" and "Castaneda" count as one name; gazetteer names are canonical already.
    func spellCanonically(_ entities: inout [Entity]) {
        for i in entities.indices where !NameSpelling.isASCII(entities[i].name) {
            if !gazetteerSpellings.contains(entities[i].name) { entities[i].name = NameSpelling.ascii(entities[i].name) }
        }
    }

    /// The guide's entities are flat: sorted, and where two would overlap the earlier (then the longer) stays.
    static func flat(_ entities: [Entity]) -> [Entity] {
        let sorted = entities.sorted { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end }
        var result: [Entity] = []
        result.reserveCapacity(sorted.count)
        for e in sorted where !e.range.isEmpty {
            if let last = result.last, e.range.start < last.range.end { continue }
            result.append(e)
        }
        return result
    }

    /// The folded key of every token.
    func tokenKeys(_ doc: Document) -> [String] {
        interner.ids(doc).map { interner.keys[Int($0)] }
    }
}
