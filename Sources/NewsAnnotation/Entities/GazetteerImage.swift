import CGazetteerData

/// The built-in gazetteer as `Gazetteer.Builder` leaves it, stored in binary (Gazetteers/compiled/gazetteer.bin,
/// written by `gazetteer-image`, embedded like the TSV tables). Start-up reads the finished tables back instead of
/// tokenizing and folding 14,000 surfaces and 7,700 lexicon rows: building them was two thirds of the start-up time.
///
/// The image records a fingerprint of the tables and folding rules it was built from; when the embedded ones differ
/// (a TSV edited, the image not rebuilt) it is ignored and the gazetteer is built from the TSV as before, so the
/// image can make start-up slow but never change a result. `GazetteerImageTests` fails while the image is stale.
///
/// Layout, little-endian: magic, format version, fingerprint (u64), section count, each section's byte offset; then
/// the sections (`Section`). Strings are a u32 byte count and UTF-8; tables are a u32 count and their rows.
struct GazetteerImage: @unchecked Sendable {
    // The bytes are the binary's own constant data (or a caller's array kept alive by the caller), never written.
    let bytes: UnsafeBufferPointer<UInt8>
    private let offsets: [Int]

    static let magic: UInt32 = 0x5A47_414E  // "NAGZ"
    /// Raised whenever the layout or the meaning of a stored table changes.
    static let formatVersion: UInt32 = 1

    enum Section: Int, CaseIterable {
        case vocabulary, entityTrie, entries, demonymTrie, demonymPlaces, titleTrie, titleKinds, givenNames,
             variantWords, scriptWords, englishWords
    }

    /// The embedded image, when it was built from the embedded tables; nil otherwise (checked once per process).
    static let embedded: GazetteerImage? = {
        let image = UnsafeBufferPointer(start: gazetteer_image_bytes(), count: gazetteer_image_length())
        return GazetteerImage(image, fingerprint: embeddedFingerprint)
    }()

    static var embeddedFingerprint: UInt64 {
        fingerprint(entities: UnsafeBufferPointer(start: gazetteer_entities_bytes(), count: gazetteer_entities_length()),
                    lexicon: UnsafeBufferPointer(start: gazetteer_lexicon_bytes(), count: gazetteer_lexicon_length()))
    }

    /// What an image depends on besides the code: the two tables and the folding rules (embedded in this binary).
    static func fingerprint(entities: UnsafeBufferPointer<UInt8>, lexicon: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = UInt64(formatVersion)
        hash(entities, into: &h)
        hash(lexicon, into: &h)
        hash(UnsafeBufferPointer(start: gazetteer_folding_rules_bytes(), count: gazetteer_folding_rules_length()),
             into: &h)
        return h
    }

    /// A change detector, not a defence against forgery: eight bytes a step, so the megabyte of tables costs about
    /// a quarter of a millisecond.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, into h: inout UInt64) {
        func mix(_ h: inout UInt64, _ w: UInt64) {
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        mix(&h, UInt64(bytes.count))
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            mix(&h, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        var tail: UInt64 = 0
        for k in i..<bytes.count { tail |= UInt64(bytes[k]) << (8 * UInt64(k - i)) }
        mix(&h, tail)
    }

    /// Nil unless `bytes` is an image of this format with this fingerprint and all its sections in bounds.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, fingerprint: UInt64) {
        var header = Cursor(bytes, at: 0)
        guard header.u32() == Self.magic, header.u32() == Self.formatVersion, header.u64() == fingerprint,
              header.u32() == Section.allCases.count else { return nil }
        var offsets: [Int] = []
        for _ in Section.allCases {
            let offset = Int(header.u32())
            guard offset <= bytes.count else { return nil }
            offsets.append(offset)
        }
        guard !header.failed else { return nil }
        self.bytes = bytes
        self.offsets = offsets
    }

    func cursor(_ section: Section) -> Cursor { Cursor(bytes, at: offsets[section.rawValue]) }

    /// Reads the tables back. Nil when a section runs out of bounds (a damaged image).
    var vocabulary: Vocabulary? {
        var c = cursor(.vocabulary)
        let count = Int(c.u32())
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(max(count, 32_768))
        for id in 0..<count {
            guard let key = c.string() else { return nil }
            ids[key] = Int32(id)
        }
        return c.failed ? nil : Vocabulary(ids: ids)
    }

    func trie(_ section: Section) -> PhraseTrie? {
        var c = cursor(section)
        let nodeCount = Int32(bitPattern: c.u32())
        let longestPhrase = Int(c.u32())
        let edgeCount = Int(c.u32())
        guard c.has(edgeCount * 12), nodeCount > 0, edgeCount < Int(nodeCount) else { return nil }
        var trie = PhraseTrie(nodeCount: nodeCount, longestPhrase: longestPhrase, edgeCount: edgeCount)
        for _ in 0..<edgeCount {
            let edge = c.u64()
            guard trie.addEdge(edge, child: c.i32()) else { return nil }
        }
        let nodesWithPayloads = Int(c.u32())
        for _ in 0..<nodesWithPayloads {
            let node = c.i32()
            let count = Int(c.u32())
            guard c.has(count * 4), trie.setPayloads((0..<count).map { _ in c.i32() }, of: node) else { return nil }
        }
        guard !c.failed else { return nil }
        return trie
    }

    /// Entries share their canonical names and case-rule lists: the image stores each once.
    var entries: [Gazetteer.Entry]? {
        var c = cursor(.entries)
        guard let names = c.strings() else { return nil }
        let ruleListCount = Int(c.u32())
        var ruleLists: [[Gazetteer.CaseRule]] = []
        ruleLists.reserveCapacity(ruleListCount)
        for _ in 0..<ruleListCount {
            let count = Int(c.u32())
            guard c.has(count) else { return nil }
            var rules: [Gazetteer.CaseRule] = []
            rules.reserveCapacity(count)
            for _ in 0..<count {
                guard let rule = Gazetteer.CaseRule(rawValue: c.u8()) else { return nil }
                rules.append(rule)
            }
            ruleLists.append(rules)
        }
        let count = Int(c.u32())
        guard c.has(count * 10) else { return nil }
        var entries: [Gazetteer.Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let type = EntityType(rawValue: c.u8())
            let ambiguous = c.u8()
            let name = Int(c.u32()), rules = Int(c.u32())
            guard let type, ambiguous <= 1, name < names.count, rules < ruleLists.count else { return nil }
            entries.append(Gazetteer.Entry(type: type, canonical: names[name], ambiguous: ambiguous == 1,
                                           caseRules: ruleLists[rules]))
        }
        return c.failed ? nil : entries
    }

    func strings(_ section: Section) -> [String]? {
        var c = cursor(section)
        return c.strings()
    }

    var variantWords: [String: [Int32]]? {
        var c = cursor(.variantWords)
        let count = Int(c.u32())
        var variants: [String: [Int32]] = [:]
        variants.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = c.string() else { return nil }
            let n = Int(c.u32())
            guard c.has(n * 4) else { return nil }
            variants[key] = (0..<n).map { _ in c.i32() }
        }
        return c.failed ? nil : variants
    }

    var scriptWords: Int {
        var c = cursor(.scriptWords)
        return Int(c.u32())
    }

    /// Reads an image from the front; every read past the end gives 0 and sets `failed`.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int
        private(set) var failed = false

        init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
            self.bytes = bytes
            self.offset = offset
        }

        /// Whether `count` more bytes are there (a table's rows are checked once, not one read at a time).
        mutating func has(_ count: Int) -> Bool {
            if count >= 0 && offset + count <= bytes.count { return true }
            failed = true
            return false
        }

        @inline(__always)
        private mutating func load<T: FixedWidthInteger>(_: T.Type) -> T {
            let size = MemoryLayout<T>.size
            guard offset + size <= bytes.count, let base = bytes.baseAddress else {
                failed = true
                return 0
            }
            let value = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: T.self)
            offset += size
            return T(littleEndian: value)
        }

        mutating func u8() -> UInt8 { load(UInt8.self) }
        mutating func u32() -> UInt32 { load(UInt32.self) }
        mutating func i32() -> Int32 { load(Int32.self) }
        mutating func u64() -> UInt64 { load(UInt64.self) }

        mutating func string() -> String? {
            let count = Int(u32())
            guard !failed, has(count) else { return nil }
            defer { offset += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }

        mutating func strings() -> [String]? {
            let count = Int(u32())
            guard has(count * 4) else { return nil }
            var result: [String] = []
            result.reserveCapacity(count)
            for _ in 0..<count {
                guard let s = string() else { return nil }
                result.append(s)
            }
            return result
        }
    }
}
