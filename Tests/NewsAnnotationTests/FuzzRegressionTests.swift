import Foundation
import Testing
@testable import NewsAnnotation

#if canImport(Glibc)
import Glibc
#endif

/// Inputs the fuzz targets (Sources/annotate-fuzz-text, Sources/annotate-fuzz-jsonl; docs/fuzzing.md) found to
/// break an output invariant, minimised. Each runs the same checks the fuzz target runs: one line ending in \n,
/// valid JSON, every span inside the text with its `text` equal to the original code-point slice and no white space
/// at either end, entities sorted and not overlapping; for JSONL, one output line per input line.
@Suite struct FuzzRegressionTests {
    /// Texts for the one-text target (annotate-fuzz-text), as bytes. Name: what the fuzzer found.
    static let textCases: [(String, [UInt8])] = [
        // An acronym's long form ("Institute F S (IFS)") was added over an entity that began before it and ended
        // inside it ("R Institute"): two entities overlapped. (Entities/NameResolver.swift)
        ("acronym long form overlapping an earlier entity", Array("R Institute F S(IFS)".utf8)),
        // A combining mark after a quotation mark ("“" + U+0308) that NFC leaves as it is: the normalizer made the
        // pair one unit, a token began at the mark inside it, and the span's offsets and text disagreed.
        // (Normalize/Normalizer.swift)
        ("combining mark after a quotation mark", [0xE2, 0x80, 0x9C, 0xCC, 0x88] + Array("Tf St".utf8)),
    ]

    @Test(arguments: textCases.indices)
    func textCase(_ index: Int) throws {
        let (name, bytes) = Self.textCases[index]
        let pipeline = try Pipeline(gazetteer: FuzzRegressionKit.gazetteer())
        var out = JSONBuffer()
        pipeline.process(.document(Document(idJSON: Array("\"fuzz\"".utf8), original: bytes)), into: &out)
        let line = out.bytes
        #expect(line.last == 0x0A && line.firstIndex(of: 0x0A) == line.count - 1, "\(name): not exactly one line")
        FuzzRegressionKit.checkAnnotated(line, original: bytes, what: name)
        // The same text again through the same pipeline: the same line.
        var again = JSONBuffer()
        pipeline.process(.document(Document(idJSON: Array("\"fuzz\"".utf8), original: bytes)), into: &again)
        #expect(again.bytes == line, "\(name): a second run gave a different line")
    }

    /// Streams for the JSONL target (annotate-fuzz-jsonl).
    static let jsonlCases: [(String, [UInt8])] = [
        ("the long-form overlap inside a JSONL record", Array(#"{"id":1,"text":"R Institute F S(IFS)"}"#.utf8)),
    ]

    @Test(arguments: jsonlCases.indices)
    func jsonlCase(_ index: Int) throws {
        let (name, bytes) = Self.jsonlCases[index]
        let output = try FuzzRegressionKit.annotateJSONL(bytes)
        var inputLines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if inputLines.last?.isEmpty == true { inputLines.removeLast() }
        #expect(output.isEmpty || output.last == 0x0A, "\(name): output does not end with \\n")
        var outputLines = output.split(separator: 0x0A, omittingEmptySubsequences: false)
        if outputLines.last?.isEmpty == true { outputLines.removeLast() }
        #expect(outputLines.count == inputLines.count, "\(name): \(inputLines.count) lines in, \(outputLines.count) out")
        for (inLine, outLine) in zip(inputLines, outputLines) {
            let record = FuzzRegressionKit.parse(Array(outLine), what: name)
            guard let record, record["error"] == nil else { continue }
            // A document: check its spans against the text the record carried.
            guard let input = try? JSONSerialization.jsonObject(with: Data(inLine)) as? [String: Any],
                  let text = input["text"] as? String else { continue }
            FuzzRegressionKit.checkAnnotated(Array(outLine) + [0x0A], original: Array(text.utf8), what: name)
        }
    }
}

/// LeakSanitizer, on the JSONL target's first input ("\n\n\n"): with more than one worker, `ParallelAnnotator`
/// deallocated the buffer of a batch's output lines without releasing the lines, so every document leaked its output
/// (at least 4 KiB). (Run/ParallelAnnotator.swift)
@Suite struct FuzzLeakRegressionTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")))
    func parallelBatchesReleaseTheirOutputLines() throws {
        let annotator = try ParallelAnnotator(gazetteer: FuzzRegressionKit.gazetteer(), jobs: 2)
        let failure = InputItem.failure(DocumentFailure(idJSON: Array("null".utf8),
                                                        error: DocumentError(.emptyLine, "line 1 is empty")))
        let batch = [InputItem](repeating: failure, count: 256)
        // Resident memory, from /proc/self/statm (pages): freed lines are reused, leaked ones are not.
        func inUse() -> Int {
            guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
            let fields = statm.split(separator: " ")
            return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
        }
        // 5,120 documents a window: leaking would hold at least 20 MiB more after each. Other tests allocate at the
        // same time, so take the smallest growth of three windows.
        var growth: [Int] = []
        _ = annotator.annotate(batch)
        for _ in 0..<3 {
            let before = inUse()
            for _ in 0..<20 { _ = annotator.annotate(batch) }
            growth.append(inUse() - before)
        }
        #expect(growth.min()! < 4 << 20, "resident memory grew by \(growth) bytes over 5,120 documents a window")
    }
}

/// The checks, written against Foundation's JSON parser (the fuzz targets use their own), so that neither the
/// annotator's reader nor its writer checks itself.
enum FuzzRegressionKit {
    private static let gazetteerResult = Result<Gazetteer, any Error> { try Gazetteer() }
    static func gazetteer() throws -> Gazetteer { try gazetteerResult.get() }

    static func annotateJSONL(_ bytes: [UInt8]) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "/fuzz-regression-\(getpid())-\(UUID().uuidString).jsonl"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try DocumentReader(paths: [path], limits: ReaderLimits(maxDocumentBytes: 4096, maxLineBytes: 16384))
        let annotator = try ParallelAnnotator(gazetteer: gazetteer(), jobs: 2)
        annotator.maxBatchDocuments = 3
        var out: [UInt8] = []
        _ = try annotator.run(reader: &reader) { out.append(contentsOf: $0) }
        return out
    }

    static func parse(_ line: [UInt8], what: String) -> [String: Any]? {
        guard String(validating: line, as: UTF8.self) != nil else {
            Issue.record("\(what): the output line is not valid UTF-8")
            return nil
        }
        guard let record = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            Issue.record("\(what): the output line is not a JSON object: \(String(decoding: line, as: UTF8.self))")
            return nil
        }
        return record
    }

    /// `line` (with its \n) must be an annotated record whose spans fit `original`.
    static func checkAnnotated(_ line: [UInt8], original: [UInt8], what: String) {
        guard let record = parse(Array(line.dropLast()), what: what) else { return }
        let text = Array(String(decoding: original, as: UTF8.self).unicodeScalars)
        guard let entities = record["entities"] as? [[String: Any]], let quotes = record["quotes"] as? [[String: Any]] else {
            Issue.record("\(what): entities and quotes must be arrays of objects")
            return
        }
        var previousEnd = 0
        for (i, entity) in entities.enumerated() {
            guard let (start, end) = checkSpan(entity, text, what: "\(what): entity \(i)") else { continue }
            #expect(start >= previousEnd, "\(what): entity \(i) \(start)..<\(end) overlaps the one before (ends \(previousEnd))")
            previousEnd = max(previousEnd, end)
            #expect(["PERSON", "PLACE", "ORG"].contains(entity["type"] as? String ?? ""), "\(what): entity \(i) type")
            #expect(!(entity["name"] as? String ?? "").isEmpty, "\(what): entity \(i) has no name")
        }
        for (i, quote) in quotes.enumerated() {
            checkSpan(quote, text, what: "\(what): quote \(i)")
            #expect(["direct", "block", "turn", "indirect"].contains(quote["kind"] as? String ?? ""), "\(what): quote \(i) kind")
            guard let speaker = quote["speaker"] as? [String: Any] else {
                Issue.record("\(what): quote \(i) has no speaker object")
                continue
            }
            if speaker["start"] != nil { checkSpan(speaker, text, what: "\(what): quote \(i) speaker") }
            if let cue = quote["cue"] as? [String: Any] { checkSpan(cue, text, what: "\(what): quote \(i) cue") }
        }
    }

    @discardableResult
    static func checkSpan(_ span: [String: Any], _ text: [Unicode.Scalar], what: String) -> (Int, Int)? {
        guard let start = span["start"] as? Int, let end = span["end"] as? Int, let spanText = span["text"] as? String else {
            Issue.record("\(what): start, end and text must be present")
            return nil
        }
        guard 0 <= start, start < end, end <= text.count else {
            Issue.record("\(what): offsets \(start)..<\(end) are not a non-empty range inside 0..<\(text.count)")
            return nil
        }
        // Scalars, not Strings: String equality is canonical equivalence.
        let expected = Array(text[start..<end])
        let got = Array(spanText.unicodeScalars)
        #expect(got == expected, "\(what): text \(got.map(\.escaped)) != original[\(start):\(end)] \(expected.map(\.escaped))")
        let isSpace = { (s: Unicode.Scalar) in s.properties.isWhitespace || (0x1C...0x1F).contains(s.value) }
        #expect(!isSpace(expected[0]) && !isSpace(expected[expected.count - 1]), "\(what): span begins or ends with white space")
        return (start, end)
    }
}

private extension Unicode.Scalar {
    var escaped: String { escaped(asASCII: true) }
}
