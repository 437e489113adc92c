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
    /// Each entry's word, made once: a token that is a listed word takes it rather than decoding its bytes again.
    private let strings: [String]
    /// The one-byte ASCII strings, for punctuation tokens.
    static let asciiBytes: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    static let shared = WordTagTable(WordTag.words)

    init(_ words: [String: WordTag]) {
        var size = 16
        while size < words.count * 4 { size <<= 1 }  // a quarter full: probes stay short
        var slots = [Int32](repeating: -1, count: size)
        var keyBytes: [UInt8] = []
        var keyStarts: [Int32] = [0]
        var tags: [WordTag] = []
        var strings: [String] = []
        for (word, tag) in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(word.utf8)
            var slot = WordTagTable.hash(bytes) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(tags.count)
            keyBytes += bytes
            keyStarts.append(Int32(keyBytes.count))
            tags.append(tag)
            strings.append(word)
        }
        self.slots = slots
        mask = size - 1
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.tags = tags
        self.strings = strings
    }

    @inline(__always) static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 { FNV1a.hash(bytes) }

    /// The word spelled by `bytes` (lower case) and its classes: the listed word, or a new string and no class.
    func word(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, WordTag) {
        let entry = self.entry(bytes)
        return entry >= 0 ? (strings[entry], tags[entry]) : (String(decoding: bytes, as: UTF8.self), [])
    }

    private func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var slot = WordTagTable.hash(bytes) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return -1 }
            let start = Int(keyStarts[entry]), end = Int(keyStarts[entry + 1])
            if end - start == bytes.count, keyBytes.withUnsafeBufferPointer({ keys in
                bytes.indices.allSatisfy { keys[start + $0] == bytes[$0] }
            }) {
                return entry
            }
            slot = (slot + 1) & mask
        }
    }
}
