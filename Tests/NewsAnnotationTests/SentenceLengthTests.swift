import Testing
@testable import NewsAnnotation

/// No sentence is longer than `SentenceSplitter.maximumBytes`: a run with no sentence end is cut at spaces, so every
/// per-sentence step of the later stages stays bounded.
@Suite struct SentenceLengthTests {
    func sentences(_ text: String) throws -> [TextRange] {
        var doc = Document(idJSON: Array("\"d\"".utf8), original: Array(text.utf8))
        doc.text = doc.original
        try SentenceSplitter().process(&doc)
        return doc.sentences
    }

    @Test("a 20 KB run without a full stop becomes pieces of at most 4,096 bytes, cut at spaces, words kept whole")
    func longRunCutAtSpaces() throws {
        let text = Array(repeating: "“We stay,” said Ana Lima and others", count: 600).joined(separator: " ")
        let bytes = Array(text.utf8)
        let found = try sentences(text)
        #expect(found.count >= 5)
        #expect(found.allSatisfy { $0.length <= SentenceSplitter.maximumBytes })
        for (a, b) in zip(found, found.dropFirst()) {
            #expect(bytes[Int(a.end)] == 0x20 && bytes[Int(b.start) - 1] == 0x20)
        }
        let rejoined = found.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }.joined(separator: " ")
        #expect(rejoined == text)
    }

    @Test("a run with no space at all is cut at the limit, moved back to a scalar boundary: é × 5,000")
    func runWithoutSpacesCutAtScalarBoundary() throws {
        let text = String(repeating: "é", count: 5_000)
        let found = try sentences(text)
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.length <= SentenceSplitter.maximumBytes && $0.length % 2 == 0 })
        #expect(found.map(\.length).reduce(0, +) == 10_000)
    }

    @Test("sentences of ordinary length are left as ICU found them")
    func ordinarySentencesUntouched() throws {
        #expect(try sentences("Mr. Aliyev spoke. He left.").count == 2)
    }
}
