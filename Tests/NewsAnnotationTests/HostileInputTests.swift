import Foundation
import Testing
@testable import NewsAnnotation

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Shared helpers for the input / normalization / output tests

/// Helpers shared by NormalizerTests, OffsetMapTests, JSONRecordParserTests, DocumentReaderTests,
/// RecordWriterTests, HostileInputTests, OutputPropertyTests and CLITests.
enum IOKit {
    /// The embedded gazetteer, loaded once for the whole test run.
    private static let gazetteerResult = Result<Gazetteer, any Error> { try Gazetteer() }

    static func gazetteer() throws -> Gazetteer { try gazetteerResult.get() }

    /// A fresh empty folder under the system temporary folder.
    static func makeFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/na-io-tests-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw IOTestFailure("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    static func removeFolder(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw IOTestFailure("cannot write \(path)")
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw IOTestFailure("cannot read \(path)") }
        return [UInt8](data)
    }

    /// Runs the library path (DocumentReader → ParallelAnnotator) and returns the output bytes.
    static func annotate(paths: [String], limits: ReaderLimits = ReaderLimits(), jobs: Int = 1,
                         maxBatchDocuments: Int? = nil) throws -> [UInt8] {
        var reader = try DocumentReader(paths: paths, limits: limits)
        let annotator = try ParallelAnnotator(gazetteer: gazetteer(), jobs: jobs)
        if let maxBatchDocuments { annotator.maxBatchDocuments = maxBatchDocuments }
        var out: [UInt8] = []
        _ = try annotator.run(reader: &reader) { out.append(contentsOf: $0) }
        return out
    }

    /// Writes `content` to a `.jsonl` file in a fresh folder and annotates it.
    static func annotateJSONL(_ content: [UInt8], limits: ReaderLimits = ReaderLimits(), jobs: Int = 1) throws -> [UInt8] {
        let folder = try makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/input.jsonl"
        try write(content, to: path)
        return try annotate(paths: [path], limits: limits, jobs: jobs)
    }

    /// Writes `content` to `name` in a fresh folder and annotates that file.
    static func annotateText(_ content: [UInt8], name: String = "doc.txt", limits: ReaderLimits = ReaderLimits()) throws -> [UInt8] {
        let folder = try makeFolder()
        defer { removeFolder(folder) }
        let path = folder + "/" + name
        try write(content, to: path)
        return try annotate(paths: [path], limits: limits)
    }

    /// The output split into lines; every line must end with a newline.
    static func lines(_ output: [UInt8]) -> [[UInt8]] {
        guard !output.isEmpty else { return [] }
        var lines = output.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        return lines
    }

    /// Each output line parsed as a JSON object (nil where a line is not one).
    static func records(_ output: [UInt8]) -> [[String: Any]?] {
        lines(output).map { parseJSON($0) as? [String: Any] }
    }

    /// A JSON value as a short comparable string: "null", the string itself, or the number's digits.
    static func describe(_ value: Any?) -> String {
        switch value {
        case nil: return "<absent>"
        case is JSONNull: return "null"
        case let s as String: return "\"" + s + "\""
        case let n as Int: return String(n)
        case let d as Double: return String(d)
        default: return String(describing: value!)
        }
    }

    struct JSONNull: Equatable {}

    /// A small strict JSON parser for the tests (Foundation's JSONSerialization on Linux drops a U+FEFF that follows
    /// an escape, so it cannot check span texts). Objects become [String: Any] (the last duplicate wins), arrays
    /// [Any], integers Int, other numbers Double, null JSONNull. Nil when the bytes are not one JSON value.
    static func parseJSON(_ bytes: [UInt8]) -> Any? {
        var p = JSONTestParser(bytes: bytes)
        guard let value = p.value(depth: 0) else { return nil }
        p.space()
        return p.i == bytes.count ? value : nil
    }

    struct JSONTestParser {
        let bytes: [UInt8]
        var i = 0

        mutating func space() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
            i += w.count
            return true
        }

        mutating func value(depth: Int) -> Any? {
            guard depth < 200 else { return nil }
            space()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var object: [String: Any] = [:]
                space()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return object }
                while true {
                    space()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
                    space()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    guard let v = value(depth: depth + 1) else { return nil }
                    object[key] = v
                    space()
                    guard i < bytes.count else { return nil }
                    i += 1
                    if bytes[i - 1] == UInt8(ascii: "}") { return object }
                    guard bytes[i - 1] == UInt8(ascii: ",") else { return nil }
                }
            case UInt8(ascii: "["):
                i += 1
                var array: [Any] = []
                space()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return array }
                while true {
                    guard let v = value(depth: depth + 1) else { return nil }
                    array.append(v)
                    space()
                    guard i < bytes.count else { return nil }
                    i += 1
                    if bytes[i - 1] == UInt8(ascii: "]") { return array }
                    guard bytes[i - 1] == UInt8(ascii: ",") else { return nil }
                }
            case UInt8(ascii: "\""):
                return string()
            case UInt8(ascii: "t"): return literal("true") ? true : nil
            case UInt8(ascii: "f"): return literal("false") ? false : nil
            case UInt8(ascii: "n"): return literal("null") ? JSONNull() : nil
            default:
                let start = i
                while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                guard !text.isEmpty else { return nil }
                if let n = Int(text) { return n }
                return Double(text)
            }
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16)
            else { return nil }
            i += 4
            return v
        }

        /// Reads a string at a `"`; lone surrogates become U+FFFD.
        mutating func string() -> String? {
            i += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while i < bytes.count {
                let c = bytes[i]
                i += 1
                if c == UInt8(ascii: "\"") { flush(); return String(scalars) }
                if c < 0x20 { return nil }
                guard c == UInt8(ascii: "\\") else { raw.append(c); continue }
                flush()
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard var unit = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(unit), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                       bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                default: return nil
                }
            }
            return nil
        }
    }

    /// The error code of a record, or nil for an annotated record.
    static func errorCode(_ record: [String: Any]) -> String? {
        (record["error"] as? [String: Any])?["code"] as? String
    }

    /// Python-style code-point slice `text[start:end]`.
    static func slice(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> [Unicode.Scalar] {
        Array(text[start..<end])
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func scalars(utf8 bytes: [UInt8]) -> [Unicode.Scalar] {
        Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    /// Checks one span object (`start`, `end`, `text`) against the original text; returns (start, end) when valid.
    @discardableResult
    static func checkSpan(_ span: [String: Any], in original: [Unicode.Scalar], what: String,
                          sourceLocation: SourceLocation = #_sourceLocation) -> (Int, Int)? {
        guard let start = span["start"] as? Int, let end = span["end"] as? Int, let text = span["text"] as? String else {
            Issue.record("\(what): start, end and text must be present: \(span)", sourceLocation: sourceLocation)
            return nil
        }
        guard 0 <= start, start <= end, end <= original.count else {
            Issue.record("\(what): offsets \(start)..<\(end) outside 0..<\(original.count)", sourceLocation: sourceLocation)
            return nil
        }
        // Compare scalars, not Strings: String equality is canonical equivalence ("é" == "e\u{301}").
        let expected = slice(original, start, end)
        if scalars(text) != expected {
            Issue.record("\(what): text \(debug(scalars(text))) != original[\(start):\(end)] \(debug(expected))",
                         sourceLocation: sourceLocation)
            return nil
        }
        // ANNOTATION.md §1: spans never include leading or trailing white space (nor, here, an invisible character
        // the normalizer deletes).
        if let first = expected.first, let last = expected.last, isBlank(first) || isBlank(last) {
            Issue.record("\(what): \(debug(expected)) at \(start)..<\(end) begins or ends with white space",
                         sourceLocation: sourceLocation)
        }
        return (start, end)
    }

    /// Checks every span of an annotated record: offsets valid, text = original slice, entities flat and sorted,
    /// quote spans inside the text.
    static func checkAnnotated(_ record: [String: Any], original: [Unicode.Scalar],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let entities = record["entities"] as? [[String: Any]], let quotes = record["quotes"] as? [[String: Any]] else {
            Issue.record("not an annotated record: \(record)", sourceLocation: sourceLocation)
            return
        }
        var previousEnd = 0
        for (i, entity) in entities.enumerated() {
            guard let (start, end) = checkSpan(entity, in: original, what: "entity \(i)", sourceLocation: sourceLocation)
            else { continue }
            if start < previousEnd {
                Issue.record("entity \(i) at \(start)..<\(end) overlaps or precedes the one before (ends \(previousEnd))",
                             sourceLocation: sourceLocation)
            }
            if start == end { Issue.record("entity \(i) is empty", sourceLocation: sourceLocation) }
            previousEnd = max(previousEnd, end)
            let type = entity["type"] as? String
            if type.flatMap({ EntityType(label: $0) }) == nil {
                Issue.record("entity \(i) has type \(describe(type))", sourceLocation: sourceLocation)
            }
        }
        for (i, quote) in quotes.enumerated() {
            checkSpan(quote, in: original, what: "quote \(i)", sourceLocation: sourceLocation)
            if let speaker = quote["speaker"] as? [String: Any], speaker["start"] != nil {
                checkSpan(speaker, in: original, what: "quote \(i) speaker", sourceLocation: sourceLocation)
            }
            if let cue = quote["cue"] as? [String: Any] {
                checkSpan(cue, in: original, what: "quote \(i) cue", sourceLocation: sourceLocation)
            }
            if let kind = quote["kind"] as? String, Quote.Kind(rawValue: kind) == nil {
                Issue.record("quote \(i) has kind \(kind)", sourceLocation: sourceLocation)
            }
        }
    }

    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || [0xFEFF, 0x200B, 0x2060, 0x00AD, 0x200E, 0x200F].contains(s.value)
            || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value) || s.value < 0x20
    }

    static func debug(_ s: [Unicode.Scalar]) -> String {
        let shown = s.count > 60 ? Array(s.prefix(60)) : s
        return "\"" + shown.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
            + (s.count > 60 ? "…(\(s.count))" : "") + "\""
    }

    /// What one input document must become.
    enum Outcome {
        /// An annotated record whose spans are checked against this original text.
        case annotated([Unicode.Scalar])
        /// An error record with this code.
        case error(DocumentError.Code)

        static func text(_ s: String) -> Outcome { .annotated(scalars(s)) }
    }

    /// Checks an output: exactly one line per expected document, in order, each with the expected id and outcome.
    static func verify(_ output: [UInt8], ids: [String], outcomes: [Outcome],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        precondition(ids.count == outcomes.count)
        if !output.isEmpty && output.last != 0x0A {
            Issue.record("the output does not end with a newline", sourceLocation: sourceLocation)
        }
        if UTF8Validation.firstInvalidOffset(output) != nil {
            Issue.record("the output is not valid UTF-8", sourceLocation: sourceLocation)
        }
        let records = records(output)
        #expect(records.count == outcomes.count, "one output line per input document", sourceLocation: sourceLocation)
        for (index, (record, outcome)) in zip(records, outcomes).enumerated() {
            guard let record else {
                Issue.record("line \(index + 1) is not a JSON object", sourceLocation: sourceLocation)
                continue
            }
            #expect(describe(record["id"]) == ids[index], "line \(index + 1): id", sourceLocation: sourceLocation)
            switch outcome {
            case let .annotated(original):
                #expect(errorCode(record) == nil, "line \(index + 1) should be annotated: \(record)",
                        sourceLocation: sourceLocation)
                checkAnnotated(record, original: original, sourceLocation: sourceLocation)
            case let .error(code):
                #expect(errorCode(record) == code.rawValue, "line \(index + 1): error code", sourceLocation: sourceLocation)
                let message = (record["error"] as? [String: Any])?["message"] as? String
                #expect(message?.isEmpty == false, "line \(index + 1): error message", sourceLocation: sourceLocation)
                #expect(record["entities"] == nil && record["quotes"] == nil, sourceLocation: sourceLocation)
            }
        }
    }

    /// A JSONL line `{"id":…,"text":…}`; controls, quotes and backslashes escaped, everything else raw UTF-8.
    static func jsonLine(id: String, text: String) -> [UInt8] {
        Array("{\"id\":".utf8) + JSONBuffer.quoted(Array(id.utf8)) + Array(",\"text\":".utf8)
            + JSONBuffer.quoted(Array(text.utf8)) + [UInt8(ascii: "}")]
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    static func joinLines(_ lines: [[UInt8]], finalNewline: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        for line in lines {
            out += line
            out.append(0x0A)
        }
        if !finalNewline && !out.isEmpty { out.removeLast() }
        return out
    }

    /// True in a debug build (assertions on): large inputs are scaled down there.
    static var isDebugBuild: Bool {
        var debug = false
        assert({ debug = true; return true }())
        return debug
    }
}

struct IOTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Hostile inputs: nothing lost, nothing corrupted

/// Each hostile input goes through DocumentReader → ParallelAnnotator: exactly one output line per input document,
/// in order; an error record where a document cannot be annotated; never a crash; every span's text is the
/// code-point slice of the original.
@Suite("Hostile inputs: nothing lost, nothing corrupted")
struct HostileInputTests {
    typealias Outcome = IOKit.Outcome

    @Test func invalidUTF8AtStartMiddleAndEndOfJSONLTextIsAnErrorRecordAndNeighboursSurvive() throws {
        let lines: [[UInt8]] = [
            IOKit.jsonLine(id: "before", text: "Angela Merkel visited Paris."),
            IOKit.bytes("{\"id\":\"start\",\"text\":\"") + [0xFF] + IOKit.bytes(" Paris\"}"),
            IOKit.bytes("{\"id\":\"middle\",\"text\":\"Paris ") + [0xC3] + IOKit.bytes(" London\"}"),
            IOKit.bytes("{\"id\":\"end\",\"text\":\"London ") + [0xE2, 0x80] + IOKit.bytes("\"}"),
            IOKit.jsonLine(id: "after", text: "Boris Johnson left London."),
        ]
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: ["\"before\"", "\"start\"", "\"middle\"", "\"end\"", "\"after\""], outcomes: [
            .text("Angela Merkel visited Paris."), .error(.invalidUTF8), .error(.invalidUTF8), .error(.invalidUTF8),
            .text("Boris Johnson left London."),
        ])
    }

    @Test(arguments: [
        ("start", [0xFF] + Array(" Paris is big.".utf8)),
        ("middle", Array("Paris ".utf8) + [0xC0, 0xAF] + Array(" London".utf8)),
        ("end", Array("London is big ".utf8) + [0xF0, 0x9F, 0x98]),
    ] as [(String, [UInt8])])
    func invalidUTF8InATextFileIsAnErrorRecordNamedAfterTheFile(where name: String, content: [UInt8]) throws {
        let output = try IOKit.annotateText(content, name: "\(name).txt")
        IOKit.verify(output, ids: ["\"\(name)\""], outcomes: [.error(.invalidUTF8)])
    }

    @Test func overlongEncodingsEncodedSurrogatesAndOutOfRangeBytesAreInvalidUTF8() throws {
        let bad: [(String, [UInt8])] = [
            ("overlong-slash", [0xC0, 0xAF]),
            ("overlong-nul", [0xC0, 0x80]),
            ("overlong-3", [0xE0, 0x80, 0xAF]),
            ("overlong-4", [0xF0, 0x80, 0x80, 0xAF]),
            ("surrogate-high", [0xED, 0xA0, 0x80]),
            ("surrogate-low", [0xED, 0xBF, 0xBF]),
            ("above-10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("f5", [0xF5, 0x80, 0x80, 0x80]),
            ("lone-continuation", [0x80]),
            ("cesu-pair", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]),
        ]
        var lines: [[UInt8]] = []
        for (id, sequence) in bad {
            lines.append(IOKit.bytes("{\"id\":\"\(id)\",\"text\":\"Paris ") + sequence + IOKit.bytes(" London\"}"))
        }
        lines.append(IOKit.jsonLine(id: "fine", text: "Paris \u{10FFFF} London"))
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: bad.map { "\"\($0.0)\"" } + ["\"fine\""],
                     outcomes: bad.map { _ in .error(.invalidUTF8) } + [.text("Paris \u{10FFFF} London")])
    }

    @Test func loneSurrogateEscapesInJSONTextAreInvalidTextButPairsDecode() throws {
        let lines: [[UInt8]] = [
            IOKit.bytes(#"{"id":"high","text":"Paris \ud800 London"}"#),
            IOKit.bytes(#"{"id":"low","text":"Paris \udc00 London"}"#),
            IOKit.bytes(#"{"id":"high-at-end","text":"Paris \ud83d"}"#),
            IOKit.bytes(#"{"id":"reversed","text":"\udc00\ud800"}"#),
            IOKit.bytes(#"{"id":"high-then-letter","text":"\ud83dx"}"#),
            IOKit.bytes(#"{"id":"pair","text":"Smile \ud83d\ude00 in Paris"}"#),
        ]
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: ["\"high\"", "\"low\"", "\"high-at-end\"", "\"reversed\"", "\"high-then-letter\"", "\"pair\""],
                     outcomes: [.error(.invalidText), .error(.invalidText), .error(.invalidText), .error(.invalidText),
                                .error(.invalidText), .text("Smile \u{1F600} in Paris")])
    }

    @Test func nulBytesInTextFilesAndEscapedNulInJSONAreAnnotatedWithExactOffsets() throws {
        let text = "Paris\u{0}London\u{0} and \u{0}Angela Merkel said \u{0}\"Yes.\""
        let fileOutput = try IOKit.annotateText(IOKit.bytes(text), name: "nul.txt")
        IOKit.verify(fileOutput, ids: ["\"nul\""], outcomes: [.text(text)])

        let jsonOutput = try IOKit.annotateJSONL(IOKit.joinLines([IOKit.jsonLine(id: "nul", text: text)]))
        IOKit.verify(jsonOutput, ids: ["\"nul\""], outcomes: [.text(text)])
        // A raw NUL byte inside a JSON string is a control character: not JSON (Python's json.loads agrees).
        let raw = IOKit.bytes("{\"id\":\"raw\",\"text\":\"a") + [0] + IOKit.bytes("b\"}")
        IOKit.verify(try IOKit.annotateJSONL(IOKit.joinLines([raw])), ids: ["\"raw\""], outcomes: [.error(.invalidJSON)])
    }

    @Test func byteOrderMarkIsKeptInTheOriginalAndOffsetsCountIt() throws {
        let text = "\u{FEFF}Angela Merkel met Emmanuel Macron in Paris on Monday."
        let output = try IOKit.annotateText(IOKit.bytes(text), name: "bom.txt")
        IOKit.verify(output, ids: ["\"bom\""], outcomes: [.text(text)])
        let jsonOutput = try IOKit.annotateJSONL(IOKit.joinLines([IOKit.jsonLine(id: "bom", text: text)]))
        IOKit.verify(jsonOutput, ids: ["\"bom\""], outcomes: [.text(text)])
        // A BOM before the first JSONL record (a file saved by some Windows editors) is skipped, not an error;
        // on a later line it is not JSON white space.
        let bomLine = [0xEF, 0xBB, 0xBF] + IOKit.jsonLine(id: "x", text: "Paris")
        let bomOutput = try IOKit.annotateJSONL(IOKit.joinLines([bomLine, IOKit.jsonLine(id: "y", text: "Paris"), bomLine]))
        IOKit.verify(bomOutput, ids: ["\"x\"", "\"y\"", "null"], outcomes: [.text("Paris"), .text("Paris"), .error(.invalidJSON)])
    }

    @Test func crOnlyAndCRLFLineEndsKeepOffsetsInTheOriginalText() throws {
        let crOnly = "Ghana\rPresident John Mahama said: \"We will win.\"\r\rAccra, Ghana\r"
        let crlf = "Ghana\r\nPresident John Mahama said: \"We will win.\"\r\n\r\nAccra, Ghana\r\n"
        for (name, text) in [("cr", crOnly), ("crlf", crlf)] {
            let output = try IOKit.annotateText(IOKit.bytes(text), name: "\(name).txt")
            IOKit.verify(output, ids: ["\"\(name)\""], outcomes: [.text(text)])
        }
        // A JSONL file with CRLF line ends: the CR is JSON white space after each record.
        let lines = [IOKit.jsonLine(id: "a", text: crlf) + [0x0D], IOKit.jsonLine(id: "b", text: crOnly) + [0x0D]]
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: ["\"a\"", "\"b\""], outcomes: [.text(crlf), .text(crOnly)])
    }

    @Test func emptyFileAndWhiteSpaceOnlyTextGiveEmptyAnnotations() throws {
        let empty = try IOKit.annotateText([], name: "empty.txt")
        IOKit.verify(empty, ids: ["\"empty\""], outcomes: [.text("")])
        let records = IOKit.records(empty)
        #expect((records.first??["entities"] as? [Any])?.isEmpty == true)

        let blank = " \t\n\r\n\u{00A0}\u{2028}\u{3000} "
        let blankOutput = try IOKit.annotateText(IOKit.bytes(blank), name: "blank.txt")
        IOKit.verify(blankOutput, ids: ["\"blank\""], outcomes: [.text(blank)])

        let jsonOutput = try IOKit.annotateJSONL(IOKit.joinLines([
            IOKit.jsonLine(id: "e", text: ""), IOKit.jsonLine(id: "w", text: "   \n\n\t"),
        ]))
        IOKit.verify(jsonOutput, ids: ["\"e\"", "\"w\""], outcomes: [.text(""), .text("   \n\n\t")])
    }

    @Test func anEmptyJSONLFileGivesNoLines() throws {
        let output = try IOKit.annotateJSONL([])
        #expect(output.isEmpty)
    }

    /// A long text with no newline: one paragraph, one line. 10 MB in release builds; 1 MB in debug builds,
    /// where the pipeline runs ~30× slower.
    @Test(.timeLimit(.minutes(2)))
    func aVeryLongTextWithNoNewlineIsAnnotatedWithValidOffsets() throws {
        let target = IOKit.isDebugBuild ? 1_000_000 : 10_000_000
        let sentences = [
            "The committee met in Geneva on Tuesday to discuss the budget. ",
            "Officials from Kenya and Brazil attended the meeting. ",
            "Prices rose by 3.5% in the third quarter, the ministry said. ",
            "Shares of Volkswagen fell in Frankfurt trading. ",
            "Rain is expected across the region later this week. ",
        ]
        var text = ""
        text.reserveCapacity(target + 100)
        var i = 0
        while text.utf8.count < target {
            text += sentences[i % sentences.count]
            i += 1
        }
        let output = try IOKit.annotateText(IOKit.bytes(text), name: "long.txt")
        IOKit.verify(output, ids: ["\"long\""], outcomes: [.text(text)])
    }

    /// 6,000 marks in release builds, 2,000 in debug builds (the quote finder's cost grows faster than linearly with
    /// the number of marks in one sentence: 6,000 take ~30 s in a debug build).
    @Test(.timeLimit(.minutes(1)))
    func thousandsOfUnbalancedQuotationMarksDoNotCrashOrCorruptSpans() throws {
        var parts: [String] = []
        let marks = ["\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "'", "\u{2018}", "\u{2019}", "\u{201E}"]
        for i in 0..<(IOKit.isDebugBuild ? 2000 : 6000) {
            parts.append(marks[i % marks.count] + (i % 7 == 0 ? "Mr. Smith said" : "word\(i % 13)"))
        }
        let text = parts.joined(separator: " ")
        let openOnly = String(repeating: "\u{201C}Paris ", count: 3000)
        let straight = String(repeating: "\" ", count: 5000) + "Kenya"
        let output = try IOKit.annotateJSONL(IOKit.joinLines([
            IOKit.jsonLine(id: "mixed", text: text), IOKit.jsonLine(id: "open", text: openOnly),
            IOKit.jsonLine(id: "straight", text: straight),
        ]))
        IOKit.verify(output, ids: ["\"mixed\"", "\"open\"", "\"straight\""],
                     outcomes: [.text(text), .text(openOnly), .text(straight)])
    }

    @Test(.timeLimit(.minutes(1)))
    func oneHundredThousandCapitalisedWordsAreHandled() throws {
        let names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett"]
        var words: [String] = []
        words.reserveCapacity(100_000)
        for i in 0..<100_000 { words.append(names[(i * 7 + i / 10) % names.count]) }
        let text = words.joined(separator: " ")
        let output = try IOKit.annotateText(IOKit.bytes(text), name: "caps.txt")
        IOKit.verify(output, ids: ["\"caps\""], outcomes: [.text(text)])
    }

    @Test(.timeLimit(.minutes(1)))
    func misterRepeatedFiftyThousandTimesIsHandled() throws {
        let text = String(repeating: "Mr. ", count: 50_000)
        let output = try IOKit.annotateText(IOKit.bytes(text), name: "mr.txt")
        IOKit.verify(output, ids: ["\"mr\""], outcomes: [.text(text)])
    }

    @Test func deeplyNestedJSONIsInvalidJSONWithoutOverflowingTheStack() throws {
        let depth = 100_000
        let nestedArray = IOKit.bytes(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let nestedObject = IOKit.bytes(String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth))
        let lines: [[UInt8]] = [
            IOKit.bytes("{\"id\":\"in-field\",\"meta\":") + nestedArray + IOKit.bytes(",\"text\":\"Paris\"}"),
            IOKit.bytes("{\"id\":\"in-text\",\"text\":") + nestedObject + IOKit.bytes("}"),
            nestedArray,
            IOKit.bytes(String(repeating: "[", count: depth)),
            IOKit.bytes("{\"id\":\"ok\",\"meta\":[[[[1]]]],\"text\":\"Paris\"}"),
        ]
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: ["\"in-field\"", "\"in-text\"", "null", "null", "\"ok\""], outcomes: [
            .error(.invalidJSON), .error(.invalidJSON), .error(.invalidJSON), .error(.invalidJSON), .text("Paris"),
        ])
        #expect(IOKit.lines(output).last.map { String(decoding: $0, as: UTF8.self).contains("\"meta\":[[[[1]]]]") } == true)
    }

    @Test func duplicateKeysTakeTheLastValueLikePython() throws {
        let line = IOKit.bytes(#"{"id":"first","text":"Old text","source":"a","text":"Angela Merkel in Berlin","source":"b","id":"second"}"#)
        let output = try IOKit.annotateJSONL(IOKit.joinLines([line]))
        IOKit.verify(output, ids: ["\"second\""], outcomes: [.text("Angela Merkel in Berlin")])
        let record = IOKit.records(output).first!!
        #expect(record["source"] as? String == "b")
        let raw = String(decoding: IOKit.lines(output)[0], as: UTF8.self)
        #expect(raw.hasPrefix(#"{"id":"second","source":"b","entities":"#))
    }

    @Test func textThatIsNullANumberAListOrAnObjectIsTextNotString() throws {
        let lines = ["null", "42", "-1.5e3", "[\"Paris\"]", "{\"a\":\"Paris\"}", "true"].enumerated().map { i, value in
            IOKit.bytes("{\"id\":\(i),\"text\":\(value)}")
        }
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: (0..<6).map(String.init), outcomes: Array(repeating: .error(.textNotString), count: 6))
    }

    @Test func missingNumericDuplicateAndOddIDsAreCopiedAsTheyAre() throws {
        let lines: [[UInt8]] = [
            IOKit.bytes(#"{"text":"No id in Paris"}"#),
            IOKit.bytes(#"{"id":17,"text":"Numeric id in Paris"}"#),
            IOKit.bytes(#"{"id":17,"text":"Same id again in Paris"}"#),
            IOKit.bytes(#"{"id":"dup","text":"One"}"#),
            IOKit.bytes(#"{"id":"dup","text":"Two"}"#),
            IOKit.bytes(#"{"id":null,"text":"Null id"}"#),
            IOKit.bytes(#"{"id":"tab\there \"quoted\" \u00e9","text":"Escaped id"}"#),
            IOKit.bytes(#"{"id":-0.5e2,"text":"Float id"}"#),
        ]
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: ["null", "17", "17", "\"dup\"", "\"dup\"", "null", "\"tab\there \"quoted\" é\"", "-50.0"],
                     outcomes: [.text("No id in Paris"), .text("Numeric id in Paris"), .text("Same id again in Paris"),
                                .text("One"), .text("Two"), .text("Null id"), .text("Escaped id"), .text("Float id")])
        // The id's JSON is written back verbatim.
        let raw = IOKit.lines(output).map { String(decoding: $0, as: UTF8.self) }
        #expect(raw[6].hasPrefix(#"{"id":"tab\there \"quoted\" \u00e9","#))
        #expect(raw[7].hasPrefix(#"{"id":-0.5e2,"#))
    }

    @Test func aTruncatedLastLineIsATruncatedLineRecord() throws {
        let complete = IOKit.jsonLine(id: "whole", text: "Angela Merkel visited Paris.")
        let cut = Array(IOKit.jsonLine(id: "cut", text: "Boris Johnson left London.").prefix(30))
        let output = try IOKit.annotateJSONL(IOKit.joinLines([complete, cut], finalNewline: false))
        IOKit.verify(output, ids: ["\"whole\"", "\"cut\""],
                     outcomes: [.text("Angela Merkel visited Paris."), .error(.truncatedLine)])
    }

    @Test func aLastLineCutInsideAMultiByteCharacterIsTruncatedNotInvalidUTF8() throws {
        let line = IOKit.bytes("{\"id\":\"cut\",\"text\":\"Caf\u{E9} in Z\u{FC}rich \u{1F600}\"}")
        let cutInsideEmoji = Array(line.prefix(line.count - 4))  // drops 2 of the emoji's 4 bytes, and `"}`
        let output = try IOKit.annotateJSONL(cutInsideEmoji)
        IOKit.verify(output, ids: ["\"cut\""], outcomes: [.error(.truncatedLine)])
    }

    @Test func aLastLineThatIsCompleteJSONWithoutANewlineIsAnnotated() throws {
        let output = try IOKit.annotateJSONL(IOKit.jsonLine(id: "last", text: "Nairobi, Kenya"))
        IOKit.verify(output, ids: ["\"last\""], outcomes: [.text("Nairobi, Kenya")])
    }

    @Test func emojiZWJCombiningMarksRTLAndCJKTextKeepCodePointOffsets() throws {
        let texts = [
            "The family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} visited Paris with Angela Merkel. \u{1F44D}\u{1F3FD} \u{1F1EB}\u{1F1F7}",
            "Jose\u{301} Marti\u{301} was born in Havana, Cuba. Franc\u{327}ois Hollande said \u{201C}Cafe\u{301}\u{201D}.",
            "\u{5D1}\u{5E8}\u{5D5}\u{5DA} \u{5D4}\u{5D1}\u{5D0} Benjamin Netanyahu \u{200F}said\u{200E} in Jerusalem \u{627}\u{644}\u{642}\u{62F}\u{633}.",
            "\u{6771}\u{4EAC}\u{FF08}Tokyo\u{FF09}\u{3067}Shinzo Abe\u{304C}\u{300C}\u{306F}\u{3044}\u{300D}\u{3068}said. \u{5317}\u{4EAC} Beijing",
            "Paris\u{2028}London\u{2029}Berlin\u{85}Madrid Angela Merkel said\u{2028}\u{201C}Yes.\u{201D}",
            "A\u{0301}\u{0327}\u{0308} \u{1100}\u{1161}\u{11A8} Za\u{0308}\u{0301}hringen \u{0915}\u{094D}\u{0937} q\u{0307}\u{0323} end",
        ]
        let lines = texts.enumerated().map { IOKit.jsonLine(id: "t\($0.offset)", text: $0.element) }
        let output = try IOKit.annotateJSONL(IOKit.joinLines(lines))
        IOKit.verify(output, ids: texts.indices.map { "\"t\($0)\"" }, outcomes: texts.map { .text($0) })
        // The same texts as .txt files.
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        for (i, text) in texts.enumerated() { try IOKit.write(IOKit.bytes(text), to: folder + "/t\(i).txt") }
        let fileOutput = try IOKit.annotate(paths: [folder])
        IOKit.verify(fileOutput, ids: texts.indices.map { "\"t\($0)\"" }, outcomes: texts.map { .text($0) })
    }

    @Test func everyKindOfFailureInOneStreamKeepsOneLinePerDocumentInOrderForAnyJobs() throws {
        var lines: [[UInt8]] = []
        var ids: [String] = []
        var outcomes: [Outcome] = []
        for i in 0..<300 {
            switch i % 6 {
            case 0:
                lines.append(IOKit.jsonLine(id: "d\(i)", text: "Emmanuel Macron said in Paris: \u{201C}We agree.\u{201D} \(i)"))
                outcomes.append(.text("Emmanuel Macron said in Paris: \u{201C}We agree.\u{201D} \(i)"))
            case 1:
                lines.append(IOKit.bytes("{\"id\":\"d\(i)\",\"text\":\"bad ") + [0xFE] + IOKit.bytes("\"}"))
                outcomes.append(.error(.invalidUTF8))
            case 2:
                lines.append(IOKit.bytes("{\"id\":\"d\(i)\",\"text\":}"))
                outcomes.append(.error(.invalidJSON))
            case 3:
                lines.append(IOKit.bytes("{\"id\":\"d\(i)\"}"))
                outcomes.append(.error(.missingText))
            case 4:
                lines.append(IOKit.bytes("{\"id\":\"d\(i)\",\"text\":\"\\udfff\"}"))
                outcomes.append(.error(.invalidText))
            default:
                lines.append(IOKit.jsonLine(id: "d\(i)", text: "Kenya\u{2019}s president William Ruto spoke. \(i)"))
                outcomes.append(.text("Kenya\u{2019}s president William Ruto spoke. \(i)"))
            }
            ids.append("\"d\(i)\"")
        }
        let input = IOKit.joinLines(lines)
        let one = try IOKit.annotateJSONL(input, jobs: 1)
        IOKit.verify(one, ids: ids, outcomes: outcomes)
        let two = try IOKit.annotateJSONL(input, jobs: 2)
        let three = try IOKit.annotateJSONL(input, jobs: 3)
        #expect(one == two)
        #expect(one == three)
        // Any batch size, including batches smaller than the number of workers, gives the same bytes.
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        try IOKit.write(input, to: folder + "/in.jsonl")
        for (jobs, batch) in [(2, 1), (3, 2), (2, 7), (4, 1000)] {
            #expect(try IOKit.annotate(paths: [folder + "/in.jsonl"], jobs: jobs, maxBatchDocuments: batch) == one,
                    "jobs \(jobs), batches of \(batch)")
        }
    }
}
