/// The lower-case string and word classes of every short ASCII token one worker has met, across its documents.
/// News repeats its vocabulary: a token seen before costs one multiply-hash of two integers and one probe, where
/// building its string (UTF-8 validation) and looking up its classes (a byte-wise hash and compare) cost several
/// times that. A token of at most 16 bytes is its key, folded to lower case and packed into two integers.
/// One per `QuoteFinder`, and a `Pipeline` is one worker's: never shared between threads.
final class QuoteWordCache {
    typealias Key = PackedWord

    /// Longer tokens are looked up in `WordTagTable` every time.
    static let maxBytes = PackedWord.maxBytes
    /// Past this many words (a pathological input) new ones are no longer remembered; answers stay the same.
    static let maxEntries = 1 << 18

    @exclusivity(unchecked) private var slots: [Int32]  // entry index, or -1 for an empty slot
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var keys: [Key] = []
    @exclusivity(unchecked) private var strings: [String] = []
    @exclusivity(unchecked) private var tags: [WordTag] = []
    private let table = WordTagTable.shared

    init() {
        slots = [Int32](repeating: -1, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    /// Per word id of the entity stage's word table (`Document.asciiWordIDs`): the entry of the ASCII word it
    /// stands for, or -1 while unknown. A word met before then costs one array read instead of a hash and probe.
    @exclusivity(unchecked) private var byWordID: [Int32] = []
    @exclusivity(unchecked) private var wordTableGeneration = -1

    /// Word ids of the table of `generation` follow; those of another table mean other words.
    func useWordTable(_ generation: Int) {
        guard generation != wordTableGeneration else { return }
        byWordID.removeAll(keepingCapacity: true)
        wordTableGeneration = generation
    }

    /// The word and classes of an ASCII word token by its word id, if this cache has met the id.
    @inline(__always) func word(wordID: Int32) -> (String, WordTag)? {
        let id = Int(wordID)
        guard id < byWordID.count else { return nil }
        let entry = Int(byWordID[id])
        return entry < 0 ? nil : (strings[entry], tags[entry])
    }

    /// The word and classes of the bytes packed in `key` (little-endian, zero-padded): ASCII folded to lower case,
    /// or with a flag in `count`, a token's bytes as they are. With a word id (≥ 0; an ASCII word token's), the
    /// entry is remembered under it too.
    @inline(__always) func word(_ key: Key, wordID: Int32 = -1) -> (String, WordTag) {
        var slot = key.hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if keys[entry] == key {
                if wordID >= 0 { remember(entry, wordID) }
                return (strings[entry], tags[entry])
            }
            slot = (slot + 1) & mask
        }
        let found = miss(key, slot: slot)
        if wordID >= 0, keys.last == key { remember(keys.count - 1, wordID) }
        return found
    }

    private func remember(_ entry: Int, _ wordID: Int32) {
        let id = Int(wordID)
        if id >= byWordID.count { byWordID.append(contentsOf: repeatElement(-1, count: id + 1 - byWordID.count)) }
        byWordID[id] = Int32(entry)
    }

    private func miss(_ key: Key, slot: Int) -> (String, WordTag) {
        var packed = (key.lo.littleEndian, key.hi.littleEndian)
        let found = withUnsafeBytes(of: &packed) { raw in
            let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<(key.count & 0xFF)])
            switch key.count >> 8 {
            case 0: return table.word(bytes)
            case 1: return QuoteWordCache.nonASCIIWord(bytes)
            default: return QuoteWordCache.nonASCIISymbol(bytes)
            }
        }
        guard keys.count < QuoteWordCache.maxEntries else { return found }
        slots[slot] = Int32(keys.count)
        keys.append(key)
        strings.append(found.0)
        tags.append(found.1)
        if keys.count * 2 > slots.count { grow() }
        return found
    }

    /// Key flags: a token with a non-ASCII byte is keyed by its bytes as they are (the standard library folds
    /// it), a word apart from other tokens, which take no word classes.
    static let nonASCIIWordFlag = 1 << 8
    static let nonASCIISymbolFlag = 2 << 8

    /// A word with a non-ASCII byte: the standard library lower-cases, and the dictionary compares as `String`
    /// does.
    static func nonASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, WordTag) {
        let word = String(decoding: bytes, as: UTF8.self).lowercased()
        return (word, WordTag.words[word] ?? [])
    }

    /// Any other token with a non-ASCII byte: a curly quotation mark, a dash, "’s".
    static func nonASCIISymbol(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, WordTag) {
        let word = String(decoding: bytes, as: UTF8.self).lowercased()
        if word == "'s" || word == "’s" { return (word, .possessive) }
        if word == "…" { return (word, .ellipsis) }
        return (word, [])
    }

    /// Doubles the table, at most half full so that probes stay short.
    private func grow() {
        let size = slots.count * 2
        var slots = [Int32](repeating: -1, count: size)
        for (index, key) in keys.enumerated() {
            var slot = key.hash & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index)
        }
        self.slots = slots
        mask = size - 1
    }
}
