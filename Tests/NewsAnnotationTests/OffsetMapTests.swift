import Testing
@testable import NewsAnnotation

@Suite("OffsetMap")
struct OffsetMapTests {
    typealias Position = OffsetMap.Position

    @Test func anEmptyMapIsTheIdentity() {
        let map = OffsetMap()
        #expect(map.isIdentity)
        for offset in [0, 1, 17, 1_000_000] {
            #expect(map.start(offset) == Position(scalar: offset, byte: offset))
            #expect(map.end(offset) == Position(scalar: offset, byte: offset))
        }
    }

    @Test func offsetsBeforeTheFirstAnchorAndBetweenAnchorsAreLinear() {
        // "ab" + "é" (2 bytes, 1 code point) + "cd": anchors around é.
        var map = OffsetMap()
        map.anchor(normalized: 2, scalar: 2, byte: 2)
        map.anchor(normalized: 4, scalar: 3, byte: 4)
        #expect(!map.isIdentity)
        #expect(map.start(1) == Position(scalar: 1, byte: 1))
        #expect(map.end(1) == Position(scalar: 1, byte: 1))
        #expect(map.start(2) == Position(scalar: 2, byte: 2))
        #expect(map.end(4) == Position(scalar: 3, byte: 4))
        #expect(map.start(4) == Position(scalar: 3, byte: 4))
        #expect(map.start(6) == Position(scalar: 5, byte: 6))
        #expect(map.end(6) == Position(scalar: 5, byte: 6))
    }

    @Test func aDeletionGivesStartsAfterItAndEndsBeforeIt() {
        // "ab" + soft hyphen (1 code point, 2 bytes, deleted) + "cd".
        var map = OffsetMap()
        map.anchor(normalized: 2, scalar: 2, byte: 2)
        map.anchor(normalized: 2, scalar: 3, byte: 4)
        #expect(map.start(2) == Position(scalar: 3, byte: 4))
        #expect(map.end(2) == Position(scalar: 2, byte: 2))
        #expect(map.start(3) == Position(scalar: 4, byte: 5))
        #expect(map.end(4) == Position(scalar: 5, byte: 6))
        #expect(map.end(1) == Position(scalar: 1, byte: 1))
    }

    @Test func aDeletionAtOffsetZeroIsSkippedByAStartingSpan() {
        var map = OffsetMap()
        map.anchor(normalized: 0, scalar: 0, byte: 0)
        map.anchor(normalized: 0, scalar: 1, byte: 3)  // BOM
        #expect(map.start(0) == Position(scalar: 1, byte: 3))
        #expect(map.end(0) == Position(scalar: 0, byte: 0))
        #expect(map.end(5) == Position(scalar: 6, byte: 8))
    }

    @Test func repeatedIdenticalAnchorsAreStoredOnce() {
        var map = OffsetMap()
        map.anchor(normalized: 3, scalar: 3, byte: 3)
        map.anchor(normalized: 3, scalar: 3, byte: 3)
        map.anchor(normalized: 5, scalar: 4, byte: 5)
        map.anchor(normalized: 5, scalar: 4, byte: 5)
        #expect(map.anchors.count == 2)
    }

    @Test func truncateDropsOnlyAnchorsAfterTheOffset() {
        var map = OffsetMap()
        map.anchor(normalized: 1, scalar: 1, byte: 1)
        map.anchor(normalized: 3, scalar: 2, byte: 3)
        map.anchor(normalized: 3, scalar: 3, byte: 5)
        map.anchor(normalized: 6, scalar: 5, byte: 8)
        map.truncate(after: 3)
        #expect(map.anchors.map(\.normalized) == [1, 3, 3])
        map.truncate(after: 2)
        #expect(map.anchors.map(\.normalized) == [1])
        map.truncate(after: 0)
        #expect(map.isIdentity)
    }

    @Test func manyDeletionsInARowAreAllSkipped() {
        // "a" + three deleted characters + "b".
        var map = OffsetMap()
        map.anchor(normalized: 1, scalar: 1, byte: 1)
        map.anchor(normalized: 1, scalar: 2, byte: 3)
        map.anchor(normalized: 1, scalar: 3, byte: 6)
        map.anchor(normalized: 1, scalar: 4, byte: 9)
        #expect(map.start(1) == Position(scalar: 4, byte: 9))
        #expect(map.end(1) == Position(scalar: 1, byte: 1))
        #expect(map.end(2) == Position(scalar: 5, byte: 10))
    }

    @Test func aMapFromTheNormalizerAgreesWithADenseRecomputation() {
        // For every normalized byte offset that starts a code point, start() must equal the position of the first
        // original code point that is not deleted, counted from scratch.
        let original = "A\u{AD}b\u{A0}c\u{2014}d\u{FEFF}\u{FEFF}e\r\nf\u{1F600}g"
        var doc = Document(idJSON: [], original: Array(original.utf8))
        Normalizer().process(&doc)
        #expect(String(decoding: doc.text, as: UTF8.self) == "Ab c-de\nf\u{1F600}g")
        let scalars = Array(original.unicodeScalars)
        // Original code-point index of each normalized character's first source code point.
        let expectedStarts = [0, 2, 3, 4, 5, 6, 9, 11, 12, 13, 14]
        var offset = 0
        for (k, s) in String(decoding: doc.text, as: UTF8.self).unicodeScalars.enumerated() {
            let p = doc.offsets.start(offset)
            #expect(p.scalar == expectedStarts[k], "start of normalized character \(k)")
            #expect(p.byte == String(String.UnicodeScalarView(scalars[0..<p.scalar])).utf8.count)
            offset += String(s).utf8.count
        }
        #expect(doc.offsets.end(offset).scalar == scalars.count)
    }
}
