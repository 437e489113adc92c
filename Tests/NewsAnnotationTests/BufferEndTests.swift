import Foundation
import Testing
@testable import NewsAnnotation

/// The eight-bytes-at-a-time paths (JSONBuffer.string, JSONRecordParser's string skip, the normalizer's ASCII runs,
/// QuoteContext's packed keys) at the ends of their buffers: every length from 0 to 24, with the byte that stops a
/// word scan (a quote, a backslash, a control, a non-ASCII scalar) at every position, the last one included.
@Suite struct BufferEndTests {
    /// Texts of every length up to 24 with one special scalar at every position (and none).
    static func texts() -> [[UInt8]] {
        let specials: [[UInt8]] = [[0x22], [0x5C], [0x01], [0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80]]
        var result: [[UInt8]] = []
        for n in 0...24 {
            let plain = (0..<n).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            result.append(plain)
            for special in specials {
                for p in 0...n {
                    result.append(Array(plain[..<p]) + special + Array(plain[p...]))
                }
            }
        }
        return result
    }

    @Test("JSONBuffer.string writes every length and escape position as Foundation reads it back")
    func jsonStringAtBufferEnds() throws {
        for bytes in Self.texts() {
            var buffer = JSONBuffer(capacity: 0)
            buffer.string(bytes)
            let decoded = try JSONSerialization.jsonObject(with: Data(buffer.bytes), options: .fragmentsAllowed) as? String
            #expect(decoded == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test("JSONRecordParser decodes a text of every length and escape position, closed or cut off at the line's end")
    func parserAtLineEnds() throws {
        let parser = JSONRecordParser()
        for bytes in Self.texts() {
            let quoted = JSONBuffer.quoted(bytes)
            let line = Array(#"{"text":"#.utf8) + quoted + [UInt8(ascii: "}")]
            let record = line.withUnsafeBufferPointer { parser.parse($0) }
            guard case let .success(r) = record, case let .success(text) = r.text else {
                Issue.record("\(bytes): \(record)")
                continue
            }
            #expect(text == bytes)
            // The same line cut anywhere inside the string: never a document, never a read past the end.
            for cut in 9..<(line.count - 1) {
                let short = Array(line[..<cut])
                let result = short.withUnsafeBufferPointer { parser.parse($0) }
                if case let .failure(error) = result { #expect(error.code == .invalidJSON) } else {
                    Issue.record("cut \(short) parsed")
                }
            }
        }
    }

    @Test("the pipeline annotates every short text and every text ending inside an ASCII run or a scalar")
    func pipelineAtTextEnds() throws {
        let pipeline = try Pipeline(gazetteer: FuzzRegressionKit.gazetteer())
        let words: [[UInt8]] = [Array("Said Ilham Aliyev".utf8), Array("“Yes,” said Smith’s".utf8),
                                Array("Gen. O'Brien".utf8), Array("e\u{301}\u{308}Ab".utf8)]
        var inputs = Self.texts().filter { String(validating: $0, as: UTF8.self) != nil }
        for word in words { for n in 1...word.count where String(validating: word[..<n], as: UTF8.self) != nil {
            inputs.append(Array(word[..<n]))
        } }
        for bytes in inputs {
            var out = JSONBuffer()
            pipeline.process(.document(Document(idJSON: Array("\"edge\"".utf8), original: bytes)), into: &out)
            FuzzRegressionKit.checkAnnotated(out.bytes, original: bytes, what: "\(bytes)")
        }
    }
}
