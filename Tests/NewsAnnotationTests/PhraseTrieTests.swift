import Testing
@testable import NewsAnnotation

/// PhraseTrie keeps its edges in its own open-addressing table. These tests hold it to a plain model (a dictionary
/// of phrases) over enough phrases to make the table grow many times, and check that a trie rebuilt from its
/// `parts`, as `GazetteerImage` rebuilds one, answers alike.
struct PhraseTrieTests {
    /// Phrases of 1–4 token ids from a small alphabet, so that they share prefixes; payload = index.
    static func phrases(count: Int, seed: UInt64) -> [[Int32]] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        return (0..<count).map { _ in (0...Int(next() % 4)).map { _ in Int32(next() % 300) } }
    }

    /// What `matches` must report from `start`: every phrase that is a prefix of keys[start...], shortest first,
    /// with the payloads of all phrases spelled alike, in insertion order.
    static func expected(_ phrases: [[Int32]], _ keys: [Int32], from start: Int) -> [(Int, [Int32])] {
        var result: [(Int, [Int32])] = []
        for length in 1...4 where start + length <= keys.count {
            let prefix = Array(keys[start..<(start + length)])
            let payloads = phrases.indices.filter { phrases[$0] == prefix }.map { Int32($0) }
            if !payloads.isEmpty { result.append((length, payloads)) }
        }
        return result
    }

    static func found(_ trie: PhraseTrie, _ keys: [Int32], from start: Int) -> [(Int, [Int32])] {
        var result: [(Int, [Int32])] = []
        keys.withUnsafeBufferPointer { keys in trie.matches(keys, from: start) { result.append(($0, $1)) } }
        return result
    }

    static func same(_ a: [(Int, [Int32])], _ b: [(Int, [Int32])]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    @Test("matches every inserted phrase, shortest first, payloads in insertion order, across table growth")
    func matchesAgreeWithAPlainModel() {
        let phrases = Self.phrases(count: 3_000, seed: 7)
        var trie = PhraseTrie()  // starts small: inserting grows the edge table many times
        for (index, phrase) in phrases.enumerated() { trie.insert(phrase, payload: Int32(index)) }
        let text = Self.phrases(count: 400, seed: 11).flatMap { $0 }
        for start in text.indices {
            #expect(Self.same(Self.found(trie, text, from: start), Self.expected(phrases, text, from: start)),
                    "from \(start)")
        }
        #expect(trie.longestPhrase == 4)
    }

    @Test("a trie rebuilt from its parts, as the gazetteer image rebuilds it, answers as the original")
    func partsRebuildTheSameTrie() {
        let phrases = Self.phrases(count: 2_000, seed: 3)
        var trie = PhraseTrie(capacity: 10)
        for (index, phrase) in phrases.enumerated() { trie.insert(phrase, payload: Int32(index)) }
        let parts = trie.parts
        var rebuilt = PhraseTrie(nodeCount: parts.nodeCount, longestPhrase: parts.longestPhrase,
                                 edgeCount: parts.edges.count)
        for (edge, child) in parts.edges {
            let added = rebuilt.addEdge(edge, child: child)
            #expect(added)
        }
        for (node, payloads) in parts.payloads {
            let set = rebuilt.setPayloads(payloads, of: node)
            #expect(set)
        }
        let text = Self.phrases(count: 300, seed: 5).flatMap { $0 }
        for start in text.indices {
            #expect(Self.same(Self.found(rebuilt, text, from: start), Self.found(trie, text, from: start)))
        }
        #expect(rebuilt.parts.edges == parts.edges && rebuilt.parts.payloads == parts.payloads)
    }

    @Test("an image's edge to a node the trie does not have is refused")
    func edgesOutsideTheTrieAreRefused() {
        var trie = PhraseTrie(nodeCount: 3, longestPhrase: 2, edgeCount: 2)
        let answers = [trie.addEdge(0 << 32 | 5, child: 1), trie.addEdge(0 << 32 | 6, child: 3),
                       trie.addEdge(7 << 32 | 6, child: 2), trie.setPayloads([1], of: 3)]
        #expect(answers == [true, false, false, false])
    }

    @Test("unknown keys (negative) end a walk; a key no phrase continues with stops it there")
    func walkStopsAtUnknownKeys() {
        var trie = PhraseTrie()
        trie.insert([1, 2, 3], payload: 0)
        trie.insert([1], payload: 1)
        let stops = [[1, 2, 3, 4], [1, -1, 3], [1, 2, 9], [5]].map { keys -> Int in
            keys.map(Int32.init).withUnsafeBufferPointer { trie.walk($0, from: 0) { _, _ in } }
        }
        #expect(stops == [3, 1, 2, 0])
    }
}
