import Synchronization

/// Gives every token of a document its folded key, the key's gazetteer vocabulary id and its `WordClass`, with one
/// cheap lookup per token.
///
/// Each distinct folded word gets a dense id the first time a worker meets it; what the rules ask of a word (its
/// vocabulary id, its classes) is worked out then and kept at that id. A token's lookup packs and lower-cases its
/// bytes (`Table`) and probes an open-addressing table: no `String` is made and nothing is hashed with SipHash for a
/// word seen before. News repeats its words, so nearly every token is one. Words outside ASCII are folded by the
/// worker's `KeyFolder` first, then interned by their folded key.
///
/// Ids are stable within a document; the table is emptied between documents once it holds `capacity` words, so
/// memory stays flat over any stream. Not thread-safe: each worker's recognizer owns one.
final class WordInterner {
    let gazetteer: Gazetteer
    private let folder: KeyFolder
    private let capacity: Int

    /// Per word id: the folded key, its vocabulary id (-1 when no gazetteer phrase holds it), its classes.
    private(set) var keys: [String] = []
    private(set) var vocabularyIDs: [Int32] = []
    private(set) var classes: [WordClass] = []
    /// Per word id: the entity words its romanisation variants stand for, once the matcher has asked (ASCII words).
    @exclusivity(unchecked) private var variantAlternatives: [[Int32]?] = []
    /// Per word id: the id of its `RomanizationVariants` key, once asked for, else -1.
    @exclusivity(unchecked) private var variantKeyIDs: [Int32] = []
    /// Variant keys by their ids: words that share a key share its id.
    @exclusivity(unchecked) private var variantKeyTable: [String: Int32] = [:]

    private var table = Table(slotCount: 1 << 14)

    /// Identifies the table's current contents among every table of the process: ids mean the same word only
    /// between two tables of one generation. A new one each time the table starts over.
    private(set) var generation = WordInterner.nextGeneration()

    private static let generations = Mutex(0)

    private static func nextGeneration() -> Int {
        generations.withLock { count in
            count += 1
            return count
        }
    }

    init(gazetteer: Gazetteer, folder: KeyFolder, capacity: Int = 200_000) {
        self.gazetteer = gazetteer
        self.folder = folder
        self.capacity = capacity
    }

    /// The word ids of a document's tokens.
    func ids(_ doc: Document) -> [Int32] {
        var unused: [Int32] = []
        return ids(doc, asciiIDs: &unused)
    }

    /// The word ids of a document's tokens, and in `asciiIDs` the same ids for tokens whose bytes are all ASCII
    /// (-1 for the others): for those, the word id also stands for the token's lower-cased bytes.
    func ids(_ doc: Document, asciiIDs: inout [Int32]) -> [Int32] {
        if keys.count >= capacity { removeAll() }
        // The table leaves the object for the loop: a class's stored property pays an exclusivity check per access.
        var table = Table(slotCount: 0)
        swap(&table, &self.table)
        defer { swap(&table, &self.table) }
        let tokens = doc.tokens
        var ids = [Int32](repeating: -1, count: tokens.count)
        var missing = false
        doc.text.withUnsafeBufferPointer { text in
            // First pass, the table's storage pinned: every ASCII word seen before, which is nearly every token.
            table.withReader { reader in
                ids.withUnsafeMutableBufferPointer { ids in
                    for t in tokens.indices {
                        if let id = reader.asciiID(text, tokens[t].start, tokens[t].end) { ids[t] = id } else { missing = true }
                    }
                }
            }
        }
        asciiIDs = ids
        guard missing else { return ids }
        doc.text.withUnsafeBufferPointer { text in
            // Then new words, and words outside ASCII (folded first).
            for t in tokens.indices where ids[t] < 0 {
                let bytes = UnsafeBufferPointer(rebasing: text[tokens[t].start..<tokens[t].end])
                if !bytes.contains(where: { $0 >= 0x80 }) {
                    ids[t] = table.id(lowercasing: bytes) ?? add(bytes, to: &table)
                    asciiIDs[t] = ids[t]
                } else {
                    var key = folder.key(bytes)
                    ids[t] = key.withUTF8 { table.id(lowercasing: $0) ?? add($0, to: &table) }
                }
            }
        }
        return ids
    }

    private func add(_ bytes: UnsafeBufferPointer<UInt8>, to table: inout Table) -> Int32 {
        let key = String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = Table.lower(b) }
            return bytes.count
        }
        let id = table.insert(key)
        keys.append(key)
        let vocabularyID = gazetteer.vocabulary.id(key)
        vocabularyIDs.append(vocabularyID)
        classes.append(WordClass.of(key, vocabularyID: vocabularyID, gazetteer: gazetteer))
        variantAlternatives.append(nil)
        variantKeyIDs.append(-1)
        return id
    }

    /// The id of a word's variant key: two words have the same one exactly when their variant keys are equal. Made
    /// once per word, not once per mention, so a document's surname tables hash integers, not strings.
    func variantKeyID(of id: Int32) -> Int32 {
        let known = variantKeyIDs[Int(id)]
        if known >= 0 { return known }
        let key = RomanizationVariants.key(keys[Int(id)])
        let keyID: Int32
        if let existing = variantKeyTable[key] {
            keyID = existing
        } else {
            keyID = Int32(variantKeyTable.count)
            variantKeyTable[key] = keyID
        }
        variantKeyIDs[Int(id)] = keyID
        return keyID
    }

    func variantAlternatives(of id: Int32) -> [Int32]? { variantAlternatives[Int(id)] }

    func setVariantAlternatives(_ ids: [Int32], of id: Int32) { variantAlternatives[Int(id)] = ids }

    private func removeAll() {
        keys.removeAll(keepingCapacity: true)
        vocabularyIDs.removeAll(keepingCapacity: true)
        classes.removeAll(keepingCapacity: true)
        variantAlternatives.removeAll(keepingCapacity: true)
        variantKeyIDs.removeAll(keepingCapacity: true)
        variantKeyTable.removeAll(keepingCapacity: true)
        table = Table(slotCount: 1 << 14)
        generation = WordInterner.nextGeneration()
    }

    /// Folded keys by their bytes: open addressing, linear probing, at most half full. A key of at most 16 bytes
    /// (nearly every word) is also kept packed (`PackedWord`): it is hashed and compared as two integers, and a
    /// token's look-up packs and lower-cases its bytes eight at a time. A longer key is hashed with FNV-1a and
    /// compared byte by byte.
    struct Table {
        private var slots: [Int32]  // word id, or -1 for an empty slot
        private var keyBytes: [UInt8] = []
        private var keyStarts: [Int32] = [0]  // word i's key is keyBytes[keyStarts[i]..<keyStarts[i + 1]]
        private var packed: [PackedWord] = []  // word i's key packed, for keys of at most 16 bytes

        /// `slotCount` a power of two; 0 only for a table that stands in while the real one is out.
        init(slotCount: Int) {
            slots = [Int32](repeating: -1, count: slotCount)
        }

        @inline(__always)
        static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

        /// The hash of a key given lower-cased: its packed form's, or for a longer key FNV-1a's.
        private static func hash(ofKey bytes: UnsafeBufferPointer<UInt8>) -> Int {
            bytes.count <= PackedWord.maxBytes ? PackedWord(bytes, 0, bytes.count).hash : FNV1a.hash(bytes)
        }

        /// Look-ups with the storage pinned, for a run of them with no insert between.
        func withReader<R>(_ body: (Reader) -> R) -> R {
            slots.withUnsafeBufferPointer { slots in
                keyBytes.withUnsafeBufferPointer { stored in
                    keyStarts.withUnsafeBufferPointer { starts in
                        packed.withUnsafeBufferPointer { packed in
                            body(Reader(slots: slots, stored: stored, starts: starts, packed: packed))
                        }
                    }
                }
            }
        }

        struct Reader {
            let slots: UnsafeBufferPointer<Int32>
            let stored: UnsafeBufferPointer<UInt8>
            let starts: UnsafeBufferPointer<Int32>
            let packed: UnsafeBufferPointer<PackedWord>

            /// The id of the token `text[start..<end]` if it is an ASCII word in the table, ASCII capitals
            /// lower-cased; nil for a word not in the table or not ASCII.
            @inline(__always)
            func asciiID(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
                let count = end &- start
                if count <= PackedWord.maxBytes {
                    let word = PackedWord(text, start, count)
                    guard word.isASCII else { return nil }
                    return probe(word.asciiLowercased)
                }
                // A long word: the hash and the ASCII check in one pass over the bytes.
                let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
                var h = FNV1a.offset
                var high: UInt8 = 0
                for b in bytes {
                    high |= b
                    h = FNV1a.step(h, Table.lower(b))
                }
                guard high < 0x80 else { return nil }
                return probe(bytes, hash: FNV1a.finish(h))
            }

            /// The id of a packed key, lower-cased already.
            @inline(__always)
            func probe(_ word: PackedWord) -> Int32? {
                let mask = slots.count - 1
                var slot = word.hash & mask
                while true {
                    let id = slots[slot]
                    if id < 0 { return nil }
                    if packed[Int(id)] == word { return id }
                    slot = (slot + 1) & mask
                }
            }

            /// The id of the word `bytes` spell once ASCII capitals are lower-cased, looked for from its hash.
            @inline(__always)
            func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Int32? {
                let mask = slots.count - 1
                var slot = hash & mask
                while true {
                    let id = slots[slot]
                    if id < 0 { return nil }
                    let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
                    if end - start == bytes.count {
                        var i = 0
                        while i < bytes.count, stored[start + i] == Table.lower(bytes[i]) { i += 1 }
                        if i == bytes.count { return id }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }

        /// The id of the word spelled by `bytes` once ASCII capitals are lower-cased, or nil. Asked of every new word
        /// and every token outside ASCII (curly quotes and dashes among them), so nothing is allocated.
        func id(lowercasing bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
            withReader { reader in
                bytes.count <= PackedWord.maxBytes
                    ? reader.probe(Self.packedLowercased(bytes))
                    : reader.probe(bytes, hash: FNV1a.hash(bytes.lazy.map(Table.lower)))
            }
        }

        /// A key of at most 16 bytes packed with its ASCII capitals lower-cased, byte by byte: a folded key may hold
        /// bytes above 0x7F, which `PackedWord.asciiLowercased` does not take.
        private static func packedLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedWord {
            var word = PackedWord(lo: 0, hi: 0, count: bytes.count)
            for (k, b) in bytes.enumerated() {
                let value = UInt64(lower(b))
                if k < 8 { word.lo |= value &<< UInt64(8 &* k) } else { word.hi |= value &<< UInt64(8 &* (k &- 8)) }
            }
            return word
        }

        /// Adds a key not in the table; its id is the number of keys before it.
        mutating func insert(_ key: String) -> Int32 {
            let id = Int32(keyStarts.count - 1)
            keyBytes.append(contentsOf: key.utf8)
            keyStarts.append(Int32(keyBytes.count))
            var key = key
            packed.append(key.withUTF8 { bytes in
                // A long key's packed form is never compared: it is never probed for as packed.
                bytes.count <= PackedWord.maxBytes ? PackedWord(bytes, 0, bytes.count) : PackedWord(lo: 0, hi: 0, count: -1)
            })
            if Int(id + 1) * 2 > slots.count {
                rehash(size: slots.count * 2)
            } else {
                place(id)
            }
            return id
        }

        private mutating func place(_ id: Int32) {
            let mask = slots.count - 1
            let start = Int(keyStarts[Int(id)]), end = Int(keyStarts[Int(id) + 1])
            var slot = keyBytes.withUnsafeBufferPointer { Self.hash(ofKey: UnsafeBufferPointer(rebasing: $0[start..<end])) }
                & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }

        private mutating func rehash(size: Int) {
            slots = [Int32](repeating: -1, count: size)
            for id in 0..<Int32(keyStarts.count - 1) { place(id) }
        }
    }
}
