/// The word classes of `WordTag.words`, looked up by a word's lower-case UTF-8 bytes. Every word token of every
/// document is looked up once: hashing its bytes with a cheap hash in an open-addressing table costs a fraction of
/// hashing a `String` (SipHash) in a `Dictionary`. It holds the ASCII words only: a non-ASCII token is looked up
/// in the dictionary itself, which compares as `String` does.
struct WordTagTable {
    private let slots: [Int32]  // entry index, or -1 for an empty slot
    private let mask: Int
    private let keyBytes: [UInt8]
    private let keyStarts: [Int32]  // entry i's key is keyBytes[keyStarts[i]..<keyStarts[i + 1]]
    private let tags: [WordTag]

    static let shared = WordTagTable(WordTag.words)

    init(_ words: [String: WordTag]) {
        var size = 16
        while size < words.count * 4 { size <<= 1 }  // a quarter full: probes stay short
        var slots = [Int32](repeating: -1, count: size)
        var keyBytes: [UInt8] = []
        var keyStarts: [Int32] = [0]
        var tags: [WordTag] = []
        for (word, tag) in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(word.utf8)
            var slot = WordTagTable.hash(bytes) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(tags.count)
            keyBytes += bytes
            keyStarts.append(Int32(keyBytes.count))
            tags.append(tag)
        }
        self.slots = slots
        mask = size - 1
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.tags = tags
    }

    /// FNV-1a: a few instructions a byte, and words are short.
    @inline(__always) static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The classes of the word spelled by `bytes` (lower case), or none.
    func tag(_ bytes: UnsafeBufferPointer<UInt8>) -> WordTag {
        var slot = WordTagTable.hash(bytes) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return [] }
            let start = Int(keyStarts[entry]), end = Int(keyStarts[entry + 1])
            if end - start == bytes.count, keyBytes.withUnsafeBufferPointer({ keys in
                bytes.indices.allSatisfy { keys[start + $0] == bytes[$0] }
            }) {
                return tags[entry]
            }
            slot = (slot + 1) & mask
        }
    }
}
