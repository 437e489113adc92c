import Testing
@testable import NewsAnnotation

/// The writer's remembering look-up against a plain binary search over the anchors, for random maps (with deletions:
/// several anchors at one offset) and look-ups in every order the writer can produce, and in random order.
@Suite("OffsetCursor")
struct OffsetCursorTests {
    typealias Position = OffsetMap.Position

    /// `OffsetMap.start` as first written: the last anchor at or before the offset, by binary search.
    static func referenceStart(_ anchors: [OffsetMap.Anchor], _ offset: Int) -> Position {
        var lo = 0, hi = anchors.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(anchors[mid].normalized) <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return Position(scalar: offset, byte: offset) }
        let a = anchors[lo - 1]
        return Position(scalar: Int(a.originalScalar) + offset - Int(a.normalized),
                        byte: Int(a.originalByte) + offset - Int(a.normalized))
    }

    /// `OffsetMap.end` as first written: an anchor exactly at the offset (the first), else linear from the one before.
    static func referenceEnd(_ anchors: [OffsetMap.Anchor], _ offset: Int) -> Position {
        var lo = 0, hi = anchors.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(anchors[mid].normalized) < offset { lo = mid + 1 } else { hi = mid }
        }
        if lo < anchors.count, Int(anchors[lo].normalized) == offset {
            return Position(scalar: Int(anchors[lo].originalScalar), byte: Int(anchors[lo].originalByte))
        }
        guard lo > 0 else { return Position(scalar: offset, byte: offset) }
        let a = anchors[lo - 1]
        return Position(scalar: Int(a.originalScalar) + offset - Int(a.normalized),
                        byte: Int(a.originalByte) + offset - Int(a.normalized))
    }

    /// A map like the normalizer's: runs of linear text between non-linear units, some of them deletions.
    static func randomMap(_ rng: inout SeededGenerator) -> (OffsetMap, length: Int) {
        var map = OffsetMap()
        var normalized = 0, scalar = 0, byte = 0
        for _ in 0..<Int.random(in: 0...60, using: &rng) {
            let run = [0, 0, 1, 2, 5, 30].randomElement(using: &rng)!
            normalized += run; scalar += run; byte += run
            map.anchor(normalized: normalized, scalar: scalar, byte: byte)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:  // deleted: the original moves on, the normalized text does not
                scalar += 1; byte += Int.random(in: 1...3, using: &rng)
            case 1:  // a multi-byte character kept
                normalized += 2; scalar += 1; byte += 2
            default:  // a character replaced by a longer one
                normalized += 3; scalar += 1; byte += 1
            }
            map.anchor(normalized: normalized, scalar: scalar, byte: byte)
        }
        return (map, normalized + Int.random(in: 0...10, using: &rng))
    }

    /// Boundaries in the orders the writer asks for them: increasing entity spans, quote spans going back to a
    /// speaker and a cue, and some at random.
    static func randomOffsets(length: Int, _ rng: inout SeededGenerator) -> [(Int, isStart: Bool)] {
        var out: [(Int, isStart: Bool)] = []
        var at = 0
        for _ in 0..<Int.random(in: 0...80, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0, 1:
                at = min(length, at + Int.random(in: 0...12, using: &rng))
                let end = min(length, at + Int.random(in: 0...20, using: &rng))
                out += [(at, true), (end, false)]
            case 2:
                let s = Int.random(in: 0...length, using: &rng)
                out += [(s, true), (min(length, s + Int.random(in: 0...5, using: &rng)), false)]
            default:
                out.append((Int.random(in: 0...length + 3, using: &rng), Bool.random(using: &rng)))
            }
        }
        return out
    }

    @Test func theReferenceAgreesWithOffsetMap() {
        var rng = SeededGenerator(seed: 0x0FF5E7)
        for _ in 0..<2_000 {
            let (map, length) = Self.randomMap(&rng)
            for offset in 0...length {
                #expect(map.start(offset) == Self.referenceStart(map.anchors, offset))
                #expect(map.end(offset) == Self.referenceEnd(map.anchors, offset))
            }
        }
    }

    @Test func lookUpsInAnyOrderGiveTheBinarySearchAnswers() {
        var rng = SeededGenerator(seed: 0xC0A5E)
        for _ in 0..<5_000 {
            let (map, length) = Self.randomMap(&rng)
            let queries = Self.randomOffsets(length: length, &rng)
            map.anchors.withUnsafeBufferPointer { anchors in
                var cursor = OffsetCursor(anchors)
                for (offset, isStart) in queries {
                    let got = isStart ? cursor.start(offset) : cursor.end(offset)
                    let expected = isStart ? Self.referenceStart(map.anchors, offset) : Self.referenceEnd(map.anchors, offset)
                    guard got == expected else {
                        Issue.record("\(isStart ? "start" : "end")(\(offset)) of \(map.anchors): \(got) ≠ \(expected)")
                        return
                    }
                }
            }
        }
    }

    @Test func everyOffsetForwardsAndBackwardsGivesTheBinarySearchAnswers() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<1_000 {
            let (map, length) = Self.randomMap(&rng)
            map.anchors.withUnsafeBufferPointer { anchors in
                var cursor = OffsetCursor(anchors)
                for offset in Array(0...length) + (0...length).reversed() {
                    #expect(cursor.end(offset) == Self.referenceEnd(map.anchors, offset))
                    #expect(cursor.start(offset) == Self.referenceStart(map.anchors, offset))
                }
            }
        }
    }

    @Test func anEmptyMapIsTheIdentityForTheCursorToo() {
        [OffsetMap.Anchor]().withUnsafeBufferPointer { anchors in
            var cursor = OffsetCursor(anchors)
            for offset in [5, 0, 1_000, 3] {
                #expect(cursor.start(offset) == Position(scalar: offset, byte: offset))
                #expect(cursor.end(offset) == Position(scalar: offset, byte: offset))
            }
        }
    }
}
