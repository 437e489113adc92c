import CGazetteerData

/// The compiled name lists: entities (surface → type and canonical name) and the lexicon the rules read (demonyms,
/// titles, given names). Built once at start-up from the tables embedded in the binary, plus any `--gazetteer`
/// files; then shared read-only by every worker.
///
/// Surfaces are stored as token-key sequences (see `KeyFolder`), so "Erdoğan" and "Erdogan" are one phrase, and
/// each entry keeps a per-token case rule so "WHO" (the organisation) does not match "who". The capitalised words
/// of entity surfaces are also indexed by their variant key (`RomanizationVariants`), for the matcher's fallback:
/// "Zelenski" finds the words "zelensky", "zelenskyy" and "zelenskiy".
public final class Gazetteer: Sendable {
    public struct Entry: Sendable {
        public var type: EntityType
        public var canonical: String
        /// Also a common word or a common name ("Chad", "Jordan", "Georgia"): the matcher asks for more context.
        public var ambiguous: Bool
        /// One rule per token of the surface.
        public var caseRules: [CaseRule]
    }

    /// What case a text token needs to match a surface token.
    public enum CaseRule: UInt8, Sendable {
        /// Lower-case surface word ("of", "and", "de"): any case.
        case any
        /// Capitalised surface word: capitalised or all-caps in the text.
        case capitalized
        /// All-caps surface word, an acronym ("UN", "NATO"): all-caps in the text.
        case upper
        /// Digits or punctuation: as is.
        case exact
    }

    public let vocabulary: Vocabulary
    public let entities: PhraseTrie
    public let entries: [Entry]
    /// Demonyms ("Azerbaijani", "Azerbaijanis") → the canonical place.
    public let demonyms: PhraseTrie
    public let demonymPlaces: [String]
    /// Titles and roles ("President", "Foreign Minister", "spokesman") → their kind (`titleKinds`).
    public let titles: PhraseTrie
    public let titleKinds: [String]
    /// Keys of common given names.
    public let givenNames: Set<String>
    /// Variant key → the ids of the entity-surface words that have it (capitalised words of four letters or more).
    public let variantWords: [String: [Int32]]
    /// Words of the surfaces that only the script transliterator could fold (0 for the embedded tables: their
    /// folding must not open ICU at start-up).
    public let scriptWords: Int

    /// The vocabulary ids of the entity words a key is a romanisation variant of; empty when there is none.
    public func variantIDs(ofKey key: String) -> [Int32] {
        var builder = RomanizationVariants.Builder()
        var key = key
        return key.withUTF8 { variantIDs(ofKey: $0, builder: &builder) }
    }

    func variantIDs(ofKey key: UnsafeBufferPointer<UInt8>, builder: inout RomanizationVariants.Builder) -> [Int32] {
        guard key.count >= Self.minimumVariantLength else { return [] }
        return variantWords[String(decoding: builder.key(key), as: UTF8.self)] ?? []
    }

    /// Shorter words are left out of the variant index: "Li", "Xi", "Ili" stay exact.
    static let minimumVariantLength = 4

    /// A `--gazetteer` file's line that cannot be read.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads the embedded tables, then each extra TSV file (surface, type, canonical), whose entries override
    /// embedded ones with the same surface.
    public convenience init(extraFiles: [(path: String, contents: [UInt8])] = []) throws {
        EnglishWords.prepareInBackground()
        // A `--gazetteer` file changes the built tables: only the built-in gazetteer alone comes ready-made.
        if extraFiles.isEmpty, let image = GazetteerImage.embedded, let tables = Tables(image) {
            self.init(tables)
            return
        }
        let entities = UnsafeBufferPointer(start: gazetteer_entities_bytes(), count: gazetteer_entities_length())
        let lexicon = UnsafeBufferPointer(start: gazetteer_lexicon_bytes(), count: gazetteer_lexicon_length())
        try self.init(entityTables: [("embedded entities", Array(entities))] + extraFiles, lexicon: Array(lexicon))
    }

    public convenience init(entityTables: [(path: String, contents: [UInt8])], lexicon: [UInt8]) throws {
        self.init(try Self.build(entityTables: entityTables, lexicon: lexicon))
    }

    /// The tables built from TSV rows: what `make gazetteer-image` stores, and what a `--gazetteer` file needs.
    static func build(entityTables: [(path: String, contents: [UInt8])], lexicon: [UInt8]) throws -> Tables {
        var builder = Builder()
        builder.tracksSurfaces = entityTables.count > 1
        for (index, table) in entityTables.enumerated() {
            try builder.addEntities(table.contents, source: table.path, isUserFile: index > 0)
        }
        builder.addLexicon(lexicon)
        var variants: [String: [Int32]] = [:]
        variants.reserveCapacity(builder.nameWords.count)
        var variantBuilder = RomanizationVariants.Builder()
        for (key, id) in builder.nameWords.sorted(by: { $0.value < $1.value }) {
            var key = key
            let variant = key.withUTF8 { String(decoding: variantBuilder.key($0), as: UTF8.self) }
            variants[variant, default: []].append(id)
        }
        return Tables(vocabulary: builder.vocabulary, entities: builder.entityTrie, entries: builder.entries,
                      demonyms: builder.demonymTrie, demonymPlaces: builder.demonymPlaces, titles: builder.titleTrie,
                      titleKinds: builder.titleKinds, givenNames: builder.givenNames, variantWords: variants,
                      scriptWords: builder.folder.scriptWords)
    }

    /// Every table of a gazetteer: built from TSV rows (`build`) or read from a `GazetteerImage`.
    struct Tables {
        var vocabulary: Vocabulary
        var entities: PhraseTrie
        var entries: [Entry]
        var demonyms: PhraseTrie
        var demonymPlaces: [String]
        var titles: PhraseTrie
        var titleKinds: [String]
        var givenNames: Set<String>
        var variantWords: [String: [Int32]]
        var scriptWords: Int
    }

    init(_ tables: Tables) {
        vocabulary = tables.vocabulary
        entities = tables.entities
        entries = tables.entries
        demonyms = tables.demonyms
        demonymPlaces = tables.demonymPlaces
        titles = tables.titles
        titleKinds = tables.titleKinds
        givenNames = tables.givenNames
        variantWords = tables.variantWords
        scriptWords = tables.scriptWords
    }

    /// Assembles the tries; the surface of every phrase goes through the same normalizer, tokenizer and key folder
    /// as document text, so phrases and text meet on the same keys.
    struct Builder {
        var vocabulary = Vocabulary(capacity: 32_768)
        var entityTrie = PhraseTrie(capacity: 40_000)
        var entries: [Entry] = []
        var entryBySurface: [[Int32]: [Int32]] = [:]
        /// Only `--gazetteer` files replace entries by surface: without them, the index is not built.
        var tracksSurfaces = false
        var demonymTrie = PhraseTrie()
        var demonymPlaces: [String] = []
        var titleTrie = PhraseTrie()
        var titleKinds: [String] = []
        var titleKindIndex: [String: Int32] = [:]
        var givenNames: Set<String> = []
        /// Capitalised words of entity surfaces (key → id), for the variant index.
        var nameWords: [String: Int32] = [:]
        let folder = KeyFolder()
        /// The folded words of the last phrase (`phrase`).
        var lastWords: [String] = []
        let normalizer = Normalizer()
        let tokenizer = Tokenizer()

        /// Token keys and case rules of a surface.
        mutating func phrase(_ surface: String) -> (keys: [Int32], rules: [CaseRule])? {
            phrase(Array(surface.utf8)[...])
        }

        /// Most surfaces are ASCII words separated by single spaces ("Republic of Azerbaijan"): tokens, keys and
        /// case rules straight from the bytes, as the tokenizer and key folder would give them. Nil for anything
        /// else (punctuation, digits, non-ASCII), which takes the general path.
        mutating func lettersAndSpaces(_ surface: ArraySlice<UInt8>) -> (keys: [Int32], rules: [CaseRule])? {
            guard !surface.isEmpty else { return nil }
            var keys: [Int32] = []
            var rules: [CaseRule] = []
            lastWords.removeAll(keepingCapacity: true)
            var start = surface.startIndex
            var i = start
            while true {
                let atEnd = i == surface.endIndex
                if atEnd || surface[i] == 0x20 {
                    guard i > start else { return nil }  // leading, trailing or double space
                    let word = surface[start..<i]
                    var upper = 0
                    for b in word where b <= 0x5A { upper += 1 }
                    let first = word[word.startIndex]
                    rules.append(upper == word.count && word.count >= 2 ? .upper : first <= 0x5A ? .capitalized : .any)
                    let key = String(unsafeUninitializedCapacity: word.count) { out in
                        for (k, b) in word.enumerated() { out[k] = b <= 0x5A ? b | 0x20 : b }
                        return word.count
                    }
                    keys.append(vocabulary.intern(key))
                    lastWords.append(key)
                    if atEnd { return (keys, rules) }
                    start = i + 1
                } else {
                    let b = surface[i] | 0x20
                    guard b >= 0x61 && b <= 0x7A else { return nil }
                }
                i += 1
            }
        }

        /// Tab-separated fields of a line, each trimmed of spaces and CR, without making strings.
        static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            var result: [ArraySlice<UInt8>] = []
            result.reserveCapacity(4)
            var start = line.startIndex
            var i = line.startIndex
            while true {
                if i == line.endIndex || line[i] == 0x09 {
                    var s = start, e = i
                    while s < e, line[s] == 0x20 || line[s] == 0x0D { s += 1 }
                    while e > s, line[e - 1] == 0x20 || line[e - 1] == 0x0D { e -= 1 }
                    result.append(line[s..<e])
                    if i == line.endIndex { return result }
                    start = i + 1
                }
                i += 1
            }
        }

        mutating func phrase(_ surface: ArraySlice<UInt8>) -> (keys: [Int32], rules: [CaseRule])? {
            if let simple = lettersAndSpaces(surface) { return simple }
            // Printable ASCII is already normalized: skip the normalizer's copy and map.
            let text = surface.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
                ? Array(surface) : Array(surface).withUnsafeBufferPointer { normalizer.normalize($0).text }
            return text.withUnsafeBufferPointer { buffer -> ([Int32], [CaseRule])? in
                let tokens = tokenizer.tokens(buffer, sentences: [], paragraphs: [])
                guard !tokens.isEmpty else { return nil }
                var keys: [Int32] = []
                var rules: [CaseRule] = []
                lastWords.removeAll(keepingCapacity: true)
                for token in tokens {
                    let word = folder.key(UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]))
                    lastWords.append(word)
                    keys.append(vocabulary.intern(word))
                    switch token.kind {
                    case .word:
                        if token.flags.contains(.allCaps) {
                            rules.append(.upper)
                        } else if token.flags.contains(.capitalized) {
                            rules.append(.capitalized)
                        } else {
                            rules.append(.any)
                        }
                    case .number, .punct:
                        rules.append(.exact)
                    }
                }
                return (keys, rules)
            }
        }

        mutating func addEntities(_ contents: [UInt8], source: String, isUserFile: Bool) throws {
            var lineNumber = 0
            for line in contents.split(separator: 0x0A, omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
                let fields = Self.fields(line)
                guard fields.count >= 3, !fields[0].isEmpty, !fields[2].isEmpty,
                      let type = EntityType(label: String(decoding: fields[1], as: UTF8.self)) else {
                    if fields.allSatisfy({ $0.isEmpty }) { continue }
                    throw LoadError(description: "\(source):\(lineNumber): expected surface<TAB>PERSON|PLACE|ORG<TAB>canonical name")
                }
                let ambiguous = fields.count > 3 && fields[3].split(separator: UInt8(ascii: ",")).contains {
                    $0.elementsEqual("ambiguous".utf8)
                }
                guard let (keys, rules) = phrase(fields[0]) else { continue }
                for (k, rule) in rules.enumerated() where rule == .capitalized {
                    let word = lastWords[k]
                    if word.utf8.count >= Gazetteer.minimumVariantLength { nameWords[word] = keys[k] }
                }
                let entry = Entry(type: type, canonical: String(decoding: fields[2], as: UTF8.self), ambiguous: ambiguous,
                                  caseRules: rules)
                if isUserFile, let existing = entryBySurface[keys] {
                    // A user's entry replaces every embedded entry with the same key sequence and compatible case.
                    var replaced = false
                    for index in existing where entries[Int(index)].caseRules == rules {
                        entries[Int(index)] = entry
                        replaced = true
                    }
                    if replaced { continue }
                }
                let index = Int32(entries.count)
                entries.append(entry)
                if tracksSurfaces { entryBySurface[keys, default: []].append(index) }
                entityTrie.insert(keys, payload: index)
            }
        }

        mutating func addLexicon(_ contents: [UInt8]) {
            for line in contents.split(separator: 0x0A) {
                if line.first == UInt8(ascii: "#") { continue }
                // The English-word rows are most of the lexicon and are read by `EnglishWords`: skip them unsplit.
                if line.count > 6, line[line.endIndex - 6..<line.endIndex].elementsEqual("\tword\t".utf8) { continue }
                let byteFields = Self.fields(line)
                guard byteFields.count >= 2, !byteFields[0].isEmpty else { continue }
                let fields = byteFields.map { String(decoding: $0, as: UTF8.self) }
                let value = fields.count > 2 ? fields[2] : ""
                switch fields[1] {
                case "demonym":
                    guard let (keys, _) = phrase(fields[0]) else { continue }
                    demonymTrie.insert(keys, payload: Int32(demonymPlaces.count))
                    demonymPlaces.append(value)
                case "title":
                    guard let (keys, _) = phrase(fields[0]) else { continue }
                    let kind: Int32
                    if let k = titleKindIndex[value] {
                        kind = k
                    } else {
                        kind = Int32(titleKinds.count)
                        titleKinds.append(value)
                        titleKindIndex[value] = kind
                    }
                    titleTrie.insert(keys, payload: kind)
                case "given":
                    givenNames.insert(folder.key(fields[0]))
                default:
                    continue
                }
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\r" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\r" || l == "\t" { s.removeLast() }
        return String(s)
    }
}

extension Gazetteer.Tables {
    /// Nil when the image is damaged. The vocabulary, the largest table, is read on another core meanwhile.
    init?(_ image: GazetteerImage) {
        let vocabulary = BackgroundValue { image.vocabulary }
        guard let entities = image.trie(.entityTrie), let entries = image.entries,
              let demonyms = image.trie(.demonymTrie), let demonymPlaces = image.strings(.demonymPlaces),
              let titles = image.trie(.titleTrie), let titleKinds = image.strings(.titleKinds),
              let givenNames = image.strings(.givenNames), let variantWords = image.variantWords,
              let vocabulary = try? vocabulary.take() else { return nil }
        self.init(vocabulary: vocabulary, entities: entities, entries: entries, demonyms: demonyms,
                  demonymPlaces: demonymPlaces, titles: titles, titleKinds: titleKinds, givenNames: Set(givenNames),
                  variantWords: variantWords, scriptWords: image.scriptWords)
    }
}
