import Foundation
import Testing
@testable import NewsAnnotation

@Suite("RecordWriter and JSONBuffer")
struct RecordWriterTests {
    func normalized(_ text: String, id: String = #""d""#) -> Document {
        var doc = Document(idJSON: Array(id.utf8), original: Array(text.utf8))
        Normalizer().process(&doc)
        return doc
    }

    /// The normalized byte range of `needle`.
    func range(_ doc: Document, _ needle: String, occurrence: Int = 0) -> TextRange {
        let n = Array(needle.utf8)
        var found = 0
        for i in 0...(doc.text.count - n.count) where doc.text[i..<(i + n.count)].elementsEqual(n) {
            if found == occurrence { return TextRange(i, i + n.count) }
            found += 1
        }
        fatalError("\(needle) not in \(String(decoding: doc.text, as: UTF8.self))")
    }

    func written(_ doc: Document) -> String {
        var out = JSONBuffer()
        RecordWriter().write(doc, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test func aDocumentWithNothingFoundHasEmptyListsInTheFixedKeyOrder() {
        #expect(written(normalized("Nothing here.")) == #"{"id":"d","entities":[],"quotes":[]}"# + "\n")
    }

    @Test func passthroughMembersComeAfterTheIdInInputOrder() {
        var doc = normalized("x", id: "7")
        doc.passthroughJSON = [Array(#""source":"AP""#.utf8), Array(#""n":[1,2]"#.utf8)]
        #expect(written(doc) == #"{"id":7,"source":"AP","n":[1,2],"entities":[],"quotes":[]}"# + "\n")
    }

    @Test func entitiesAndQuotesAreWrittenWithOriginalCodePointOffsetsAndOriginalText() {
        let text = "\u{FEFF}\u{201E}Wir schaffen das\u{201C}, sagte Angela\u{A0}Merkel in Ber\u{AD}lin.\r\nEnde"
        var doc = normalized(text)
        doc.entities = [
            Entity(range: range(doc, "Angela Merkel"), type: .person, name: "Angela Merkel", firstToken: 0, endToken: 2),
            Entity(range: range(doc, "Berlin"), type: .place, name: "Berlin", firstToken: 3, endToken: 4),
        ]
        doc.quotes = [
            Quote(range: range(doc, "Wir schaffen das"), kind: .direct,
                  speaker: Quote.Speaker(range: range(doc, "Angela Merkel"), name: "Angela Merkel"), cue: range(doc, "sagte")),
            Quote(range: range(doc, "Ende"), kind: .block, speaker: Quote.Speaker(range: nil, name: nil), cue: nil),
        ]
        let merkel = "Angela\u{A0}Merkel"
        let expected = "{\"id\":\"d\",\"entities\":["
            + "{\"start\":27,\"end\":40,\"text\":\"\(merkel)\",\"type\":\"PERSON\",\"name\":\"Angela Merkel\"},"
            + "{\"start\":44,\"end\":51,\"text\":\"Ber\u{AD}lin\",\"type\":\"PLACE\",\"name\":\"Berlin\"}],"
            + "\"quotes\":[{\"start\":2,\"end\":18,\"text\":\"Wir schaffen das\",\"kind\":\"direct\","
            + "\"speaker\":{\"start\":27,\"end\":40,\"text\":\"\(merkel)\",\"name\":\"Angela Merkel\"},"
            + "\"cue\":{\"start\":21,\"end\":26,\"text\":\"sagte\"}},"
            + "{\"start\":54,\"end\":58,\"text\":\"Ende\",\"kind\":\"block\",\"speaker\":{\"name\":null},\"cue\":null}]}\n"
        let got = written(doc)
        #expect(Array(got.unicodeScalars) == Array(expected.unicodeScalars))
        // Python's text[start:end] is each span's text.
        let original = Array(text.unicodeScalars)
        let record = IOKit.parseJSON(Array(got.utf8)) as? [String: Any]
        #expect(record != nil)
        if let record { IOKit.checkAnnotated(record, original: original) }
    }

    @Test func aFailureRecordHasIdAndErrorCodeAndMessage() {
        var out = JSONBuffer()
        RecordWriter().write(DocumentFailure(idJSON: Array("null".utf8),
                                             error: DocumentError(.invalidJSON, "bad \"quote\" \\ and\nnewline")), into: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self)
                == #"{"id":null,"error":{"code":"invalid_json","message":"bad \"quote\" \\ and\nnewline"}}"# + "\n")
    }

    @Test func everyErrorCodeWritesAParsableRecord() throws {
        for code in DocumentError.Code.allCases {
            var out = JSONBuffer()
            RecordWriter().write(DocumentFailure(idJSON: JSONBuffer.quoted(Array("a\u{0}b".utf8)),
                                                 error: DocumentError(code, "m\u{1}")), into: &out)
            let record = IOKit.parseJSON(out.bytes) as? [String: Any]
            #expect(record?["id"] as? String == "a\u{0}b")
            #expect(IOKit.errorCode(record ?? [:]) == code.rawValue)
            #expect(out.bytes.last == 0x0A && out.bytes.dropLast().contains(0x0A) == false)
        }
    }

    @Test func spanTextWithQuotesBackslashesAndControlsIsEscapedAndRoundTrips() throws {
        let text = "a\"b\\c\u{1}d\u{1F}e\u{7F}f\u{2028}g\u{2029}h\u{8}i\u{C}j\tk"
        var doc = Document(idJSON: Array("1".utf8), original: Array(text.utf8))
        Normalizer().process(&doc)
        // A span over the whole normalized text.
        doc.entities = [Entity(range: TextRange(0, doc.text.count), type: .org, name: text, firstToken: 0, endToken: 1)]
        let line = written(doc)
        #expect(line.contains(#""text":"a\"b\\c\u0001d\u001fe"#))
        #expect(line.contains("\u{7F}f\u{2028}g\u{2029}h\\bi\\fj\\tk\""))
        #expect(line.filter { $0 == "\n" }.count == 1)
        let record = IOKit.parseJSON(Array(line.utf8)) as? [String: Any]
        let entity = (record?["entities"] as? [[String: Any]])?.first
        #expect((entity?["text"] as? String).map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
        #expect((entity?["name"] as? String).map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
        #expect(entity?["end"] as? Int == text.unicodeScalars.count)
    }

    @Test func jsonBufferWritesIntegersLikeJSON() {
        for value in [0, 7, 9, 10, 99, 100, 12345, -1, -10, Int(Int32.max), Int.max, -Int(Int32.max)] {
            var out = JSONBuffer()
            out.int(value)
            #expect(String(decoding: out.bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func jsonBufferQuotesEveryASCIIControlAndKeepsOtherBytes() throws {
        var all: [UInt8] = Array(0..<0x80)
        all += Array("\u{E9}\u{1F600}\u{FEFF}".utf8)
        let quoted = JSONBuffer.quoted(all)
        #expect(!quoted.dropFirst().dropLast().contains(where: { $0 < 0x20 }))
        let decoded = IOKit.parseJSON(quoted) as? String
        #expect(decoded.map { Array($0.utf8) } == all)
    }
}
