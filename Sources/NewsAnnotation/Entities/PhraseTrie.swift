/// A trie over token keys: each edge is one token (by its id in a shared `Vocabulary`), each node may carry
/// payloads (indices into the owner's table). Built once, then read by every worker.
///
/// Edges live in an open-addressing table keyed by (node, token id) with a multiplicative hash, and payloads in an
/// array indexed by node: the matcher takes a step per capitalised token, and a `Dictionary` step (SipHash of the
/// key, then of the node for its payloads) cost more than the rest of the walk.
public struct PhraseTrie: Sendable {
    private var table = EdgeTable(capacity: 16)
    /// Payloads by node; empty for a node that ends no phrase. Node 0 is the root.
    private var payloadsByNode: [[Int32]] = [[]]
    public private(set) var longestPhrase = 0

    public init() {}

    /// A trie sized for about `capacity` edges: building the big entity trie then never rehashes.
    public init(capacity: Int) {
        table = EdgeTable(capacity: capacity)
        payloadsByNode.reserveCapacity(capacity + 1)
    }

    /// A trie from the parts `GazetteerImage` stored: `nodeCount` nodes, then its edges and payload lists.
    init(nodeCount: Int32, longestPhrase: Int, edgeCount: Int) {
        table = EdgeTable(capacity: edgeCount)
        payloadsByNode = Array(repeating: [], count: Int(max(nodeCount, 1)))
        self.longestPhrase = longestPhrase
    }

    /// Adds an edge read from an image. False when it names a node the trie does not have.
    mutating func addEdge(_ edge: UInt64, child: Int32) -> Bool {
        guard child > 0, Int(child) < payloadsByNode.count, Int(edge >> 32) < payloadsByNode.count,
              edge != EdgeTable.empty else { return false }
        table.insert(edge, child)
        return true
    }

    /// Sets a node's payloads, read from an image. False when the node does not exist.
    mutating func setPayloads(_ payloads: [Int32], of node: Int32) -> Bool {
        guard node >= 0, Int(node) < payloadsByNode.count else { return false }
        payloadsByNode[Int(node)] = payloads
        return true
    }

    /// What `GazetteerImage` stores: the edges and the nodes' payloads.
    var parts: (edges: [UInt64: Int32], payloads: [Int32: [Int32]], nodeCount: Int32, longestPhrase: Int) {
        var payloads: [Int32: [Int32]] = [:]
        for (node, list) in payloadsByNode.enumerated() where !list.isEmpty { payloads[Int32(node)] = list }
        return (table.all, payloads, Int32(payloadsByNode.count), longestPhrase)
    }

    public mutating func insert(_ keys: [Int32], payload: Int32) {
        var node: Int32 = 0
        for key in keys {
            let edge = Self.edge(node, key)
            let child = table.child(edge)
            if child >= 0 {
                node = child
            } else {
                node = Int32(payloadsByNode.count)
                payloadsByNode.append([])
                table.insert(edge, node)
            }
        }
        payloadsByNode[Int(node)].append(payload)
        longestPhrase = max(longestPhrase, keys.count)
    }

    @inline(__always)
    private static func edge(_ node: Int32, _ key: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
    }

    @inline(__always)
    public func child(_ node: Int32, _ key: Int32) -> Int32? {
        guard key >= 0 else { return nil }
        let child = table.child(Self.edge(node, key))
        return child >= 0 ? child : nil
    }

    @inline(__always)
    public func payloads(at node: Int32) -> [Int32]? {
        let list = payloadsByNode[Int(node)]
        return list.isEmpty ? nil : list
    }

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
            if let p = payloads(at: node) { body(i - start, p) }
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
                    if let p = payloads(at: node) { body(i - start, p, viaAlternative) }
                    continue
                }
                for alternative in alternatives(i) {
                    guard let next = child(node, alternative) else { continue }
                    if let p = payloads(at: next) { body(i + 1 - start, p, true) }
                    walk(next, i + 1, true)
                }
                return
            }
        }
        walk(0, start, false)
    }

    /// (node << 32 | token id) → child node: open addressing, linear probing, at most half full.
    struct EdgeTable: Sendable {
        /// No edge is this: node and token ids are below 2^31.
        static let empty = UInt64.max
        private var keys: [UInt64]
        private var children: [Int32]
        private var count = 0
        private var shift: UInt64

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = Array(repeating: Self.empty, count: size)
            children = Array(repeating: -1, count: size)
            shift = UInt64(64 - size.trailingZeroBitCount)
        }

        /// Fibonacci hashing: the top bits of the key times 2^64/φ, which spreads consecutive nodes and ids.
        @inline(__always)
        private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

        /// The child at `key`, or -1.
        @inline(__always)
        func child(_ key: UInt64) -> Int32 {
            keys.withUnsafeBufferPointer { keys in
                let mask = keys.count - 1
                var s = slot(key)
                while true {
                    let k = keys[s]
                    if k == key { return children[s] }
                    if k == Self.empty { return -1 }
                    s = (s + 1) & mask
                }
            }
        }

        /// Adds or replaces the child at `key`.
        mutating func insert(_ key: UInt64, _ child: Int32) {
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var s = slot(key)
            while keys[s] != Self.empty && keys[s] != key { s = (s + 1) & mask }
            if keys[s] == Self.empty { count += 1 }
            keys[s] = key
            children[s] = child
        }

        private mutating func grow() {
            let old = zip(keys, children).filter { $0.0 != Self.empty }
            self = EdgeTable(capacity: keys.count)
            for (key, child) in old { insert(key, child) }
        }

        var all: [UInt64: Int32] {
            var edges: [UInt64: Int32] = [:]
            for (key, child) in zip(keys, children) where key != Self.empty { edges[key] = child }
            return edges
        }
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
