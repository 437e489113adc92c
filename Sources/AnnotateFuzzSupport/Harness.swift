import NewsAnnotation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A broken invariant: what was expected and what the annotator did.
public struct InvariantViolation: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// The state the fuzz targets keep between inputs: the gazetteer (built once), one pipeline for the text target, and
/// a parallel and a serial annotator plus a scratch file for the JSONL target.
public final class FuzzHarness {
    /// The reader limits the JSONL target runs with: small enough that fuzzed inputs reach both caps.
    public static let limits = ReaderLimits(maxDocumentBytes: 4096, maxLineBytes: 16384)
    /// The id the text target gives its document.
    static let textID = Array("\"fuzz\"".utf8)

    let gazetteer: Gazetteer
    let pipeline: Pipeline
    let parallel: ParallelAnnotator
    let serial: ParallelAnnotator
    let scratchPath: String
    let scratchFD: Int32

    public init() throws {
        gazetteer = try Gazetteer()
        pipeline = try Pipeline(gazetteer: gazetteer)
        // Two workers and batches of three documents, so that batch boundaries and the threaded path are exercised.
        parallel = try ParallelAnnotator(gazetteer: gazetteer, jobs: 2)
        parallel.maxBatchDocuments = 3
        serial = try ParallelAnnotator(gazetteer: gazetteer, jobs: 1)
        let dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        scratchPath = "\(dir)/annotate-fuzz-\(getpid()).jsonl"
        scratchFD = open(scratchPath, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard scratchFD >= 0 else {
            throw InvariantViolation("cannot create \(scratchPath): \(String(cString: strerror(errno)))")
        }
        // The reader opens files by name (and by suffix), so the file must have one; it is removed at exit and
        // before a reported violation aborts (a sanitizer crash can leave it behind: /dev/shm/annotate-fuzz-PID.jsonl).
        FuzzHarness.scratchToRemove = scratchPath
        atexit { FuzzHarness.removeScratch() }
    }

    nonisolated(unsafe) static var scratchToRemove: String?

    static func removeScratch() {
        if let path = scratchToRemove { unlink(path) }
        scratchToRemove = nil
    }

    deinit { close(scratchFD) }

    // MARK: - Entry point 1: one text

    /// Bytes → (if valid UTF-8) a Document → Pipeline → RecordWriter, then every output invariant.
    public func checkText(_ input: UnsafeBufferPointer<UInt8>) throws {
        let bytes = Array(input)
        let stdlibValid = String(validating: bytes, as: UTF8.self) != nil
        let ours = UTF8Validation.firstInvalidOffset(input)
        guard stdlibValid == (ours == nil) else {
            throw InvariantViolation("UTF8Validation says \(ours.map { "invalid at byte \($0)" } ?? "valid"), the standard library says \(stdlibValid ? "valid" : "invalid")")
        }
        guard stdlibValid else { return }

        var out = JSONBuffer()
        pipeline.process(.document(Document(idJSON: Self.textID, original: bytes)), into: &out)
        let line = out.bytes
        guard line.last == 0x0A, line.firstIndex(of: 0x0A) == line.count - 1 else {
            throw InvariantViolation("the output is not exactly one line ending in \\n: \(show(line))")
        }
        let record = try parseLine(Array(line.dropLast()))
        guard record["id"] == .string(Array("fuzz".utf8), loneSurrogate: false) else {
            throw InvariantViolation("the id is not \"fuzz\": \(show(line))")
        }
        try checkAnnotated(record, original: bytes, expectedExtraKeys: [])

        // The same document through the same (reused) pipeline gives the same bytes: no state leaks between documents.
        var again = JSONBuffer()
        pipeline.process(.document(Document(idJSON: Self.textID, original: bytes)), into: &again)
        guard again.bytes == line else {
            throw InvariantViolation("annotating the same text twice gave different lines:\n\(show(line))\n\(show(again.bytes))")
        }
    }

    // MARK: - Entry point 2: a JSONL stream

    /// Bytes → a .jsonl file → DocumentReader → ParallelAnnotator (2 workers), then: one output line per input line,
    /// each a JSON object whose outcome (document or error code) agrees with an independent parse of the input line;
    /// output identical to a one-worker run; and LineReader with a small buffer splits lines as `split("\n")` does.
    public func checkJSONL(_ input: UnsafeBufferPointer<UInt8>) throws {
        try writeScratch(input)
        let inputLines = Self.lines(of: input)

        var reader = try DocumentReader(paths: [scratchPath], limits: Self.limits)
        var out: [UInt8] = []
        _ = try parallel.run(reader: &reader) { out.append(contentsOf: $0) }

        guard out.isEmpty || out.last == 0x0A else {
            throw InvariantViolation("the output does not end with \\n: \(show(out))")
        }
        var outLines = out.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        outLines.removeLast()  // after the final \n (or the single empty piece of an empty output)
        guard outLines.count == inputLines.count else {
            throw InvariantViolation("\(inputLines.count) input lines but \(outLines.count) output lines:\n\(show(out))")
        }
        for (n, (inLine, outLine)) in zip(inputLines, outLines).enumerated() {
            do {
                try checkJSONLRecord(input: inLine.bytes, terminated: inLine.terminated, first: n == 0, output: outLine)
            } catch let v as InvariantViolation {
                throw InvariantViolation("line \(n + 1): \(v.description)\n input: \(show(inLine.bytes))\n output: \(show(outLine))")
            }
        }

        var serialReader = try DocumentReader(paths: [scratchPath], limits: Self.limits)
        var serialOut: [UInt8] = []
        _ = try serial.run(reader: &serialReader) { serialOut.append(contentsOf: $0) }
        guard serialOut == out else {
            throw InvariantViolation("2 workers and 1 worker wrote different output:\n\(show(out))\n\(show(serialOut))")
        }

        // LineReader on its own, with the smallest buffer, so refills, moves and growth happen on short inputs too.
        lseek(scratchFD, 0, SEEK_SET)
        var lineReader = LineReader(fd: scratchFD, maxLineBytes: Self.limits.maxLineBytes, chunkSize: 4096)
        for (n, expected) in inputLines.enumerated() {
            guard let got = lineReader.next() else {
                throw InvariantViolation("LineReader ended after \(n) of \(inputLines.count) lines")
            }
            switch got {
            case let .line(bytes, terminated):
                guard expected.bytes.count <= Self.limits.maxLineBytes, bytes == expected.bytes,
                      terminated == expected.terminated else {
                    throw InvariantViolation("LineReader line \(n + 1) is \(show(bytes)) terminated=\(terminated); expected \(show(expected.bytes)) terminated=\(expected.terminated)")
                }
            case let .tooLong(length):
                guard length == expected.bytes.count, length > Self.limits.maxLineBytes else {
                    throw InvariantViolation("LineReader says line \(n + 1) is too long (\(length)); it has \(expected.bytes.count) bytes")
                }
            }
        }
        if lineReader.next() != nil { throw InvariantViolation("LineReader gave more than \(inputLines.count) lines") }
        guard lineReader.readError == 0 else { throw InvariantViolation("LineReader read error \(lineReader.readError)") }
    }

    func writeScratch(_ input: UnsafeBufferPointer<UInt8>) throws {
        guard ftruncate(scratchFD, 0) == 0 else { throw InvariantViolation("ftruncate failed") }
        var written = 0
        while written < input.count {
            let n = pwrite(scratchFD, input.baseAddress! + written, input.count - written, off_t(written))
            if n < 0 {
                if errno == EINTR { continue }
                throw InvariantViolation("pwrite failed: \(String(cString: strerror(errno)))")
            }
            written += n
        }
    }

    /// Lines as the reader counts them: `\n`-separated, and a last line without `\n` counts.
    static func lines(of input: UnsafeBufferPointer<UInt8>) -> [(bytes: [UInt8], terminated: Bool)] {
        var result: [(bytes: [UInt8], terminated: Bool)] = []
        var start = 0
        for i in 0..<input.count where input[i] == 0x0A {
            result.append((Array(input[start..<i]), true))
            start = i + 1
        }
        if start < input.count { result.append((Array(input[start...]), false)) }
        return result
    }

    /// What an input line should become, decided without the annotator's parser.
    enum Expected {
        case error(Set<String>, idMustBe: StrictJSON?)
        case document(record: StrictJSON, text: [UInt8])
        /// The oracle cannot decide (nesting near or past the parser's limit): any well-formed record will do.
        case anyError
    }

    static let reservedKeys: Set<[UInt8]> = Set(["id", "text", "entities", "quotes", "error"].map { Array($0.utf8) })
    static let errorCodes = Set(DocumentError.Code.allCases.map(\.rawValue))

    func expectation(for fullLine: [UInt8], terminated: Bool, first: Bool) -> Expected {
        if fullLine.count > Self.limits.maxLineBytes { return .error(["line_too_long"], idMustBe: .null) }
        // A byte order mark before the first record is not part of it.
        let line = first && fullLine.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(fullLine.dropFirst(3)) : fullLine
        guard String(validating: line, as: UTF8.self) != nil else {
            // A last line that ends inside a character was cut off; other bad bytes are bad encoding.
            return .error([!terminated && Self.endsInCutCharacter(line) ? "truncated_line" : "invalid_utf8"], idMustBe: nil)
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
            return .error(["empty_line"], idMustBe: nil)
        }
        let invalid: Set<String> = [terminated ? "invalid_json" : "truncated_line"]
        switch StrictJSON.parse(line, maxDepth: 2000) {
        case .failure(.tooDeep):
            return .anyError
        case .failure(.invalid):
            return .error(invalid, idMustBe: nil)
        case let .success(value):
            // The annotator caps nesting at 512 levels below the record: near that, either answer may be right.
            if value.depth > 500 { return .anyError }
            guard case .object = value else { return .error(["not_an_object"], idMustBe: nil) }
            let id = value["id"] ?? .null
            guard let text = value["text"] else { return .error(["missing_text"], idMustBe: id) }
            guard case let .string(bytes, lone) = text else { return .error(["text_not_string"], idMustBe: id) }
            if lone { return .error(["invalid_text"], idMustBe: id) }
            if bytes.count > Self.limits.maxDocumentBytes { return .error(["document_too_large"], idMustBe: id) }
            return .document(record: value, text: bytes)
        }
    }

    /// Whether `line` is valid UTF-8 up to its last 1–3 bytes, and those begin a character that could be completed.
    static func endsInCutCharacter(_ line: [UInt8]) -> Bool {
        for k in 1...3 where k <= line.count {
            guard String(validating: line.dropLast(k), as: UTF8.self) != nil else { continue }
            let head = Array(line.suffix(k))
            for length in (k + 1)...4 {
                for x in UInt8(0x80)...0xBF {
                    let candidate = head + [UInt8](repeating: x, count: length - k)
                    if let s = String(validating: candidate, as: UTF8.self), s.unicodeScalars.count == 1 { return true }
                }
            }
        }
        return false
    }

    func checkJSONLRecord(input: [UInt8], terminated: Bool, first: Bool, output: [UInt8]) throws {
        let record = try parseLine(output)
        guard case let .object(members) = record, members.first?.key == Array("id".utf8) else {
            throw InvariantViolation("the record does not start with \"id\"")
        }
        let isError = record["error"] != nil
        switch expectation(for: input, terminated: terminated, first: first) {
        case .anyError:
            if isError { try checkErrorRecord(record, codes: Self.errorCodes) }
        case let .error(codes, id):
            guard isError else { throw InvariantViolation("expected an error record (\(codes.sorted())), got a document") }
            try checkErrorRecord(record, codes: codes)
            if let id, record["id"] != id { throw InvariantViolation("the error record's id is not the input's id") }
        case let .document(inputRecord, text):
            guard !isError else { throw InvariantViolation("expected a document, got an error record") }
            guard record["id"] == (inputRecord["id"] ?? .null) else {
                throw InvariantViolation("the id is not the input's id")
            }
            // Extra fields: every non-reserved input key once, at its first position, with its last value.
            let extra = inputRecord.dictionaryKeys.filter { !Self.reservedKeys.contains($0) }
            for key in extra {
                let k = String(decoding: key, as: UTF8.self)
                guard let value = inputRecord[k], record[k] == value else {
                    throw InvariantViolation("the extra field \(show(key)) was not copied unchanged")
                }
            }
            try checkAnnotated(record, original: text, expectedExtraKeys: extra)
        }
    }

    func checkErrorRecord(_ record: StrictJSON, codes: Set<String>) throws {
        guard case let .object(members) = record, members.map(\.key) == [Array("id".utf8), Array("error".utf8)],
              let error = record["error"], case let .object(errorMembers) = error,
              errorMembers.map(\.key) == [Array("code".utf8), Array("message".utf8)],
              let code = error["code"]?.stringBytes, let message = error["message"]?.stringBytes
        else { throw InvariantViolation("malformed error record") }
        let c = String(decoding: code, as: UTF8.self)
        guard codes.contains(c) else { throw InvariantViolation("error code \(c), expected one of \(codes.sorted())") }
        guard !message.isEmpty else { throw InvariantViolation("empty error message") }
    }

    // MARK: - Shared checks

    /// One output line (without its \n): valid UTF-8 and strict JSON, an object with unique keys.
    func parseLine(_ line: [UInt8]) throws -> StrictJSON {
        guard String(validating: line, as: UTF8.self) != nil else { throw InvariantViolation("the output line is not valid UTF-8") }
        guard !line.contains(0x0A) else { throw InvariantViolation("the output line holds a raw newline") }
        switch StrictJSON.parse(line, maxDepth: 2000) {
        case let .failure(f): throw InvariantViolation("the output line is not valid JSON (\(f)): \(show(line))")
        case let .success(value):
            guard case let .object(members) = value else { throw InvariantViolation("the output line is not an object") }
            guard Set(members.map(\.key)).count == members.count else {
                throw InvariantViolation("the output object has duplicate keys: \(show(line))")
            }
            return value
        }
    }

    /// An annotated record: keys `id`, the extra fields, `entities`, `quotes`; every span inside the text with its
    /// text equal to the original slice and no white space at either end; entities sorted and not overlapping.
    func checkAnnotated(_ record: StrictJSON, original: [UInt8], expectedExtraKeys: [[UInt8]]) throws {
        guard case let .object(members) = record else { throw InvariantViolation("not an object") }
        let keys = members.map(\.key)
        let expectedKeys = [Array("id".utf8)] + expectedExtraKeys + [Array("entities".utf8), Array("quotes".utf8)]
        guard keys == expectedKeys else {
            throw InvariantViolation("keys \(keys.map { show($0) }) != \(expectedKeys.map { show($0) })")
        }
        let text = ScalarText(original)
        guard case let .array(entities)? = record["entities"], case let .array(quotes)? = record["quotes"] else {
            throw InvariantViolation("entities and quotes must be arrays")
        }
        var previousEnd = 0
        for (i, entity) in entities.enumerated() {
            let (start, end) = try checkSpan(entity, text, what: "entity \(i)")
            guard start >= previousEnd else {
                throw InvariantViolation("entity \(i) (\(start)..<\(end)) overlaps or precedes the one before (ending at \(previousEnd))")
            }
            previousEnd = end
            guard let type = entity["type"]?.stringBytes,
                  ["PERSON", "PLACE", "ORG"].contains(String(decoding: type, as: UTF8.self)) else {
                throw InvariantViolation("entity \(i) has a bad type")
            }
            guard let name = entity["name"]?.stringBytes, !name.isEmpty else {
                throw InvariantViolation("entity \(i) has no name")
            }
        }
        for (i, quote) in quotes.enumerated() {
            try checkSpan(quote, text, what: "quote \(i)")
            guard let kind = quote["kind"]?.stringBytes,
                  ["direct", "block", "turn", "indirect"].contains(String(decoding: kind, as: UTF8.self)) else {
                throw InvariantViolation("quote \(i) has a bad kind")
            }
            guard let speaker = quote["speaker"], case .object = speaker else {
                throw InvariantViolation("quote \(i) has no speaker object")
            }
            if speaker["start"] != nil || speaker["end"] != nil || speaker["text"] != nil {
                try checkSpan(speaker, text, what: "quote \(i)'s speaker")
            }
            switch speaker["name"] {
            case .null?: break
            case let .string(name, lone)? where !lone && !name.isEmpty: break
            default: throw InvariantViolation("quote \(i)'s speaker name is neither null nor a non-empty string")
            }
            switch quote["cue"] {
            case .null?: break
            case let cue? where { if case .object = cue { return true } else { return false } }():
                try checkSpan(cue, text, what: "quote \(i)'s cue")
            default: throw InvariantViolation("quote \(i)'s cue is neither null nor a span")
            }
        }
    }

    @discardableResult
    func checkSpan(_ span: StrictJSON, _ text: ScalarText, what: String) throws -> (Int, Int) {
        guard let start = span["start"]?.int, let end = span["end"]?.int, let spanText = span["text"]?.stringBytes else {
            throw InvariantViolation("\(what): start, end and text must be integers and a string")
        }
        guard 0 <= start, start < end, end <= text.count else {
            throw InvariantViolation("\(what): offsets \(start)..<\(end) are not a non-empty range inside 0..<\(text.count)")
        }
        let expected = text.slice(start, end)
        guard spanText == expected else {
            throw InvariantViolation("\(what): text \(show(spanText)) != original[\(start):\(end)] \(show(expected))")
        }
        if text.isSpace(start) || text.isSpace(end - 1) {
            throw InvariantViolation("\(what): \(show(spanText)) begins or ends with white space")
        }
        return (start, end)
    }
}

/// A UTF-8 text indexed by code point, as Python slices a `str`.
struct ScalarText {
    let bytes: [UInt8]
    /// Byte offset of each scalar, plus the end.
    let offsets: [Int]
    let scalars: [Unicode.Scalar]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let s = String(decoding: bytes, as: UTF8.self)
        var offsets: [Int] = []
        var scalars: [Unicode.Scalar] = []
        var at = 0
        for scalar in s.unicodeScalars {
            offsets.append(at)
            scalars.append(scalar)
            at += UTF8.width(scalar)
        }
        offsets.append(at)
        self.offsets = offsets
        self.scalars = scalars
    }

    var count: Int { scalars.count }
    func slice(_ start: Int, _ end: Int) -> [UInt8] { Array(bytes[offsets[start]..<offsets[end]]) }

    /// Python's `str.isspace` for one code point: White_Space, or the separators U+001C–U+001F.
    func isSpace(_ i: Int) -> Bool {
        let s = scalars[i]
        return s.properties.isWhitespace || (0x1C...0x1F).contains(s.value)
    }
}

/// Bytes for a message: printable ASCII as is, everything else escaped; long values shortened.
func show(_ bytes: [UInt8]) -> String {
    var s = "\""
    for (i, b) in bytes.enumerated() {
        if i == 400 { s += "…(\(bytes.count) bytes)"; break }
        switch b {
        case 0x20..<0x7F where b != 0x22 && b != 0x5C: s.unicodeScalars.append(Unicode.Scalar(b))
        default: s += "\\x" + String(b, radix: 16, uppercase: false).leftPad(2)
        }
    }
    return s + "\""
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
