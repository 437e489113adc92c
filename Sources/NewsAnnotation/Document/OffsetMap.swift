/// Maps byte offsets in the normalized text back to code-point (and byte) offsets in the original text.
///
/// The normalizer copies most of a text unchanged, and an unchanged ASCII byte is one code point on both sides, so
/// the map stores only *anchors*: places where that one-to-one run is broken (a non-ASCII character, a character
/// replaced, composed or deleted). Between two anchors the mapping is linear. Every non-linear unit gets an anchor
/// at its start and one at its end, so a span boundary always lands on an anchor or inside a linear run.
///
/// Deletions (a BOM, a soft hyphen, the CR of CRLF) leave two anchors at the same normalized offset: one before the
/// deleted characters and one after. A span's **start** takes the last of them (so the span does not begin with
/// a deleted character) and its **end** takes the first (so it does not end with one).
public struct OffsetMap: Sendable {
    public struct Anchor: Equatable, Sendable {
        public var normalized: Int32
        public var originalScalar: Int32
        public var originalByte: Int32
    }

    /// A position in the original text.
    public struct Position: Equatable, Sendable {
        public var scalar: Int
        public var byte: Int
    }

    public private(set) var anchors: [Anchor] = []

    public init() {}

    /// Records that normalized offset `normalized` corresponds to original `scalar`/`byte`. Calls must come in
    /// non-decreasing order of all three.
    
    public mutating func anchor(normalized: Int, scalar: Int, byte: Int) {
        let a = Anchor(normalized: Int32(normalized), originalScalar: Int32(scalar), originalByte: Int32(byte))
        if let last = anchors.last, last == a { return }
        anchors.append(a)
    }

    /// Drops the anchors that lie after normalized offset `offset` (the normalizer rewrites a tail it has emitted).
    public mutating func truncate(after offset: Int) {
        while let last = anchors.last, Int(last.normalized) > offset { anchors.removeLast() }
    }

    /// Whether every normalized offset is the same original offset (an ASCII text; its bytes may still differ where a
    /// control character was replaced one for one: a lone CR became LF, a NUL a space).
    public var isIdentity: Bool { anchors.isEmpty }

    /// The original position where a span starting at normalized offset `offset` starts. One look-up of
    /// `OffsetCursor`, which the writer keeps for a whole record's spans: the position arithmetic lives there once.
    public func start(_ offset: Int) -> Position {
        anchors.withUnsafeBufferPointer { anchors in
            var cursor = OffsetCursor(anchors)
            return cursor.start(offset)
        }
    }

    /// The original position where a span ending (exclusively) at normalized offset `offset` ends (`OffsetCursor`).
    public func end(_ offset: Int) -> Position {
        anchors.withUnsafeBufferPointer { anchors in
            var cursor = OffsetCursor(anchors)
            return cursor.end(offset)
        }
    }
}
