/// A trie over token keys: each edge is one token (by its id in a shared `Vocabulary`), each node may carry
/// payloads (indices into the owner's table). Built once, then read by every worker.
public struct PhraseTrie: Sendable {
    /// (node << 32 | token id) → child node. Node 0 is the root.
    private var edges: [UInt64: Int32] = [:]
    private var payloads: [Int32: [Int32]] = [:]
    private var nodeCount: Int32 = 1
    public private(set) var longestPhrase = 0

    public init() {}

    /// A trie sized for about `capacity` edges: building the big entity trie then never rehashes.
    public init(capacity: Int) {
        edges.reserveCapacity(capacity)
        payloads.reserveCapacity(capacity / 2)
    }

    /// A trie from the parts `GazetteerImage` stored.
    init(edges: [UInt64: Int32], payloads: [Int32: [Int32]], nodeCount: Int32, longestPhrase: Int) {
        self.edges = edges
        self.payloads = payloads
        self.nodeCount = nodeCount
        self.longestPhrase = longestPhrase
    }

    /// What `GazetteerImage` stores: the tables, as they are.
    var parts: (edges: [UInt64: Int32], payloads: [Int32: [Int32]], nodeCount: Int32, longestPhrase: Int) {
        (edges, payloads, nodeCount, longestPhrase)
    }

    public mutating func insert(_ keys: [Int32], payload: Int32) {
        var node: Int32 = 0
        for key in keys {
            let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
            if let child = edges[edge] {
                node = child
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        payloads[node, default: []].append(payload)
        longestPhrase = max(longestPhrase, keys.count)
    }

    @inline(__always)
    public func child(_ node: Int32, _ key: Int32) -> Int32? {
        guard key >= 0 else { return nil }
        return edges[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))]
    }

    @inline(__always)
    public func payloads(at node: Int32) -> [Int32]? { payloads[node] }

    /// Every phrase that starts at `keys[start]`, shortest first, as (token count, payloads).
    public func matches(_ keys: UnsafeBufferPointer<Int32>, from start: Int, maxTokens: Int = .max,
                        _ body: (Int, [Int32]) -> Void) {
        _ = walk(keys, from: start, maxTokens: maxTokens, body)
    }

    /// `matches`, returning the index of the token the walk stopped at (the first one no phrase continues with).
    @inline(__always)
    public func walk(_ keys: UnsafeBufferPointer<Int32>, from start: Int, maxTokens: Int = .max,
                     _ body: (Int, [Int32]) -> Void) -> Int {
        var node: Int32 = 0
        var i = start
        while i < keys.count, i - start < maxTokens, let next = child(node, keys[i]) {
            node = next
            i += 1
            if let p = payloads[node] { body(i - start, p) }
        }
        return i
    }

    /// Like `matches`, but where a token's key is unknown (negative), the token may stand for any of the keys
    /// `alternatives(index)` gives (its romanisation variants); every path is followed. `body` gets (token count,
    /// payloads, whether the path took an alternative), shortest first along each path.
    public func matches(_ keys: UnsafeBufferPointer<Int32>, from start: Int, maxTokens: Int = .max,
                        alternatives: (Int) -> [Int32], _ body: (Int, [Int32], Bool) -> Void) {
        func walk(_ node: Int32, _ i: Int, _ viaAlternative: Bool) {
            var node = node
            var i = i
            while i < keys.count, i - start < maxTokens {
                let key = keys[i]
                if key >= 0 {
                    guard let next = child(node, key) else { return }
                    node = next
                    i += 1
                    if let p = payloads[node] { body(i - start, p, viaAlternative) }
                    continue
                }
                for alternative in alternatives(i) {
                    guard let next = child(node, alternative) else { continue }
                    if let p = payloads[next] { body(i + 1 - start, p, true) }
                    walk(next, i + 1, true)
                }
                return
            }
        }
        walk(0, start, false)
    }
}

/// Token keys to dense ids, shared by the tries of one gazetteer.
public struct Vocabulary: Sendable {
    private var ids: [String: Int32] = [:]

    public init() {}

    public init(capacity: Int) {
        ids.reserveCapacity(capacity)
    }

    /// A vocabulary from `GazetteerImage`'s table (key → id).
    init(ids: [String: Int32]) {
        self.ids = ids
    }

    /// Every key, at its id.
    var keysByID: [String] {
        var keys = [String](repeating: "", count: ids.count)
        for (key, id) in ids { keys[Int(id)] = key }
        return keys
    }

    public mutating func intern(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }

    /// The id of a key, or -1 when no phrase holds it.
    @inline(__always)
    public func id(_ key: String) -> Int32 { ids[key] ?? -1 }

    public var count: Int { ids.count }
}
