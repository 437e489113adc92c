import CGazetteerData

/// The compiled name lists: entities (surface → type and canonical name) and the lexicon the rules read (demonyms,
/// titles, given names). Built once at start-up from the tables embedded in the binary, plus any `--gazetteer`
/// files; then shared read-only by every worker.
///
/// Surfaces are stored as token-key sequences (see `KeyFolder`), so "Erdoğan" and "Erdogan" are one phrase, and
/// each entry keeps a per-token case rule so "WHO" (the organisation) does not match "who".
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

    /// A `--gazetteer` file's line that cannot be read.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads the embedded tables, then each extra TSV file (surface, type, canonical), whose entries override
    /// embedded ones with the same surface.
    public convenience init(extraFiles: [(path: String, contents: [UInt8])] = []) throws {
        let entities = UnsafeBufferPointer(start: gazetteer_entities_bytes(), count: gazetteer_entities_length())
        let lexicon = UnsafeBufferPointer(start: gazetteer_lexicon_bytes(), count: gazetteer_lexicon_length())
        try self.init(entityTables: [("embedded entities", Array(entities))] + extraFiles, lexicon: Array(lexicon))
    }

    public init(entityTables: [(path: String, contents: [UInt8])], lexicon: [UInt8]) throws {
        var builder = Builder()
        for (index, table) in entityTables.enumerated() {
            try builder.addEntities(table.contents, source: table.path, isUserFile: index > 0)
        }
        builder.addLexicon(lexicon)
        vocabulary = builder.vocabulary
        self.entities = builder.entityTrie
        entries = builder.entries
        demonyms = builder.demonymTrie
        demonymPlaces = builder.demonymPlaces
        titles = builder.titleTrie
        titleKinds = builder.titleKinds
        givenNames = builder.givenNames
    }

    /// Assembles the tries; the surface of every phrase goes through the same normalizer, tokenizer and key folder
    /// as document text, so phrases and text meet on the same keys.
    struct Builder {
        var vocabulary = Vocabulary()
        var entityTrie = PhraseTrie()
        var entries: [Entry] = []
        var entryBySurface: [[Int32]: [Int32]] = [:]
        var demonymTrie = PhraseTrie()
        var demonymPlaces: [String] = []
        var titleTrie = PhraseTrie()
        var titleKinds: [String] = []
        var titleKindIndex: [String: Int32] = [:]
        var givenNames: Set<String> = []
        let folder = KeyFolder()
        let normalizer = Normalizer()
        let tokenizer = Tokenizer()

        /// Token keys and case rules of a surface.
        mutating func phrase(_ surface: String) -> (keys: [Int32], rules: [CaseRule])? {
            let (text, _) = Array(surface.utf8).withUnsafeBufferPointer { normalizer.normalize($0) }
            return text.withUnsafeBufferPointer { buffer -> ([Int32], [CaseRule])? in
                let tokens = tokenizer.tokens(buffer, sentences: [], paragraphs: [])
                guard !tokens.isEmpty else { return nil }
                var keys: [Int32] = []
                var rules: [CaseRule] = []
                for token in tokens {
                    let word = UnsafeBufferPointer(rebasing: buffer[token.start..<token.end])
                    keys.append(vocabulary.intern(folder.key(word)))
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
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
                    String(decoding: $0, as: UTF8.self).trimmingSpaces
                }
                guard fields.count >= 3, !fields[0].isEmpty, !fields[2].isEmpty,
                      let type = EntityType(label: fields[1]) else {
                    if fields.allSatisfy({ $0.isEmpty }) { continue }
                    throw LoadError(description: "\(source):\(lineNumber): expected surface<TAB>PERSON|PLACE|ORG<TAB>canonical name")
                }
                let ambiguous = fields.count > 3 && fields[3].split(separator: ",").contains("ambiguous")
                guard let (keys, rules) = phrase(fields[0]) else { continue }
                let entry = Entry(type: type, canonical: fields[2], ambiguous: ambiguous, caseRules: rules)
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
                entryBySurface[keys, default: []].append(index)
                entityTrie.insert(keys, payload: index)
            }
        }

        mutating func addLexicon(_ contents: [UInt8]) {
            for line in contents.split(separator: 0x0A) {
                if line.first == UInt8(ascii: "#") { continue }
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
                    String(decoding: $0, as: UTF8.self).trimmingSpaces
                }
                guard fields.count >= 2, !fields[0].isEmpty else { continue }
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
