/// Writes a `GazetteerImage` of a gazetteer built from the TSV tables. Every table is written in a fixed order
/// (sorted where the gazetteer holds it in a dictionary or set), so one gazetteer always gives the same bytes and
/// a test can compare the embedded image with a fresh one byte for byte.
public struct GazetteerImageWriter {
    private var bytes: [UInt8] = []

    /// The image of the gazetteer built from these tables (the contents of Gazetteers/compiled/entities.tsv and
    /// lexicon.tsv), with the folding rules embedded in this binary.
    public static func image(entities: [UInt8], lexicon: [UInt8]) throws -> [UInt8] {
        let gazetteer = try Gazetteer(entityTables: [("entities.tsv", entities)], lexicon: lexicon)
        let fingerprint = entities.withUnsafeBufferPointer { e in
            lexicon.withUnsafeBufferPointer { GazetteerImage.fingerprint(entities: e, lexicon: $0) }
        }
        let englishWords = lexicon.withUnsafeBufferPointer { EnglishWords.words(inLexicon: $0) }
        return image(of: gazetteer, englishWords: englishWords, fingerprint: fingerprint)
    }

    static func image(of g: Gazetteer, englishWords: Set<String>, fingerprint: UInt64) -> [UInt8] {
        let sections = GazetteerImage.Section.allCases
        var w = GazetteerImageWriter()
        w.u32(GazetteerImage.magic)
        w.u32(GazetteerImage.formatVersion)
        w.u64(fingerprint)
        w.u32(UInt32(sections.count))
        let offsetTable = w.bytes.count
        for _ in sections { w.u32(0) }
        for section in sections {
            w.patch(at: offsetTable + 4 * section.rawValue, UInt32(w.bytes.count))
            switch section {
            case .vocabulary: w.strings(g.vocabulary.keysByID)
            case .entityTrie: w.trie(g.entities)
            case .entries: w.entries(g.entries)
            case .demonymTrie: w.trie(g.demonyms)
            case .demonymPlaces: w.strings(g.demonymPlaces)
            case .titleTrie: w.trie(g.titles)
            case .titleKinds: w.strings(g.titleKinds)
            case .givenNames: w.strings(sortedByBytes(g.givenNames))
            case .variantWords:
                w.u32(UInt32(g.variantWords.count))
                for key in sortedByBytes(g.variantWords.keys) {
                    w.string(key)
                    w.int32s(g.variantWords[key]!)
                }
            case .scriptWords: w.u32(UInt32(g.scriptWords))
            case .englishWords: w.strings(sortedByBytes(englishWords))
            }
        }
        return w.bytes
    }

    private static func sortedByBytes(_ strings: some Sequence<String>) -> [String] {
        strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private mutating func trie(_ trie: PhraseTrie) {
        let parts = trie.parts
        u32(UInt32(bitPattern: parts.nodeCount))
        u32(UInt32(parts.longestPhrase))
        u32(UInt32(parts.edges.count))
        for (edge, child) in parts.edges.sorted(by: { $0.key < $1.key }) {
            u64(edge)
            u32(UInt32(bitPattern: child))
        }
        u32(UInt32(parts.payloads.count))
        for (node, payloads) in parts.payloads.sorted(by: { $0.key < $1.key }) {
            u32(UInt32(bitPattern: node))
            int32s(payloads)
        }
    }

    private mutating func entries(_ entries: [Gazetteer.Entry]) {
        // Keyed by bytes: two names Swift deems equal but spells differently stay apart.
        var names: [String] = [], nameIndex: [[UInt8]: Int] = [:]
        var ruleLists: [[UInt8]] = [], ruleIndex: [[UInt8]: Int] = [:]
        var rows: [(Gazetteer.Entry, name: Int, rules: Int)] = []
        for entry in entries {
            let nameKey = Array(entry.canonical.utf8)
            let name = nameIndex[nameKey] ?? names.count
            if name == names.count {
                names.append(entry.canonical)
                nameIndex[nameKey] = name
            }
            let ruleKey = entry.caseRules.map(\.rawValue)
            let rules = ruleIndex[ruleKey] ?? ruleLists.count
            if rules == ruleLists.count {
                ruleLists.append(ruleKey)
                ruleIndex[ruleKey] = rules
            }
            rows.append((entry, name, rules))
        }
        strings(names)
        u32(UInt32(ruleLists.count))
        for list in ruleLists {
            u32(UInt32(list.count))
            bytes.append(contentsOf: list)
        }
        u32(UInt32(rows.count))
        for (entry, name, rules) in rows {
            u8(entry.type.rawValue)
            u8(entry.ambiguous ? 1 : 0)
            u32(UInt32(name))
            u32(UInt32(rules))
        }
    }

    private mutating func strings(_ strings: [String]) {
        u32(UInt32(strings.count))
        for s in strings { string(s) }
    }

    private mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }

    private mutating func int32s(_ values: [Int32]) {
        u32(UInt32(values.count))
        for v in values { u32(UInt32(bitPattern: v)) }
    }

    private mutating func u8(_ v: UInt8) { bytes.append(v) }
    private mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    private mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    private mutating func patch(at offset: Int, _ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { for (k, b) in $0.enumerated() { bytes[offset + k] = b } }
    }
}
