#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error that stops an evaluation: an unreadable file, a line that is not JSON, or input on which the reference
/// scorer itself fails (unhashable ids or entity types, document ids of incomparable kinds).
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A JSON value used where score.py uses it as a dict key or compares it with `==`: numbers are equal across
/// `bool`/`int`/`float` (`1 == 1.0 == True`), strings compare by code point. Arrays and objects are unhashable.
enum PythonKey: Hashable, Sendable {
    case none
    case integer(Int)
    case float(Double)  // never integral within Int's range: those are `.integer`
    case string(ScalarString)

    init?(_ value: JSONValue) {
        switch value {
        case .null: self = .none
        case .bool(let b): self = .integer(b ? 1 : 0)
        case .int(let i): self = .integer(i)
        case .double(let d):
            if d.isFinite, d == d.rounded(.towardZero), d >= -0x1p63, d < 0x1p63 {
                self = .integer(Int(d))
            } else {
                self = .float(d)
            }
        case .string(let s): self = .string(ScalarString(s))
        case .array, .object: return nil
        }
    }

    static func text(_ s: String) -> PythonKey { .string(ScalarString(s)) }

    /// Python's `<`; throws where Python raises TypeError (`'<' not supported between instances of …`).
    static func pythonLess(_ a: PythonKey, _ b: PythonKey) throws(EvaluationError) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.integer(let x), .float(let y)):
            if y.isNaN { return false }
            if y >= 0x1p63 { return true }
            if y < -0x1p63 { return false }
            return Double(x) < y
        case (.float(let x), .integer(let y)):
            if x.isNaN { return false }
            if x >= 0x1p63 { return false }
            if x < -0x1p63 { return true }
            return x < Double(y)
        case (.string(let x), .string(let y)):
            return x.string.unicodeScalars.lexicographicallyPrecedes(y.string.unicodeScalars)
        default:
            throw EvaluationError("document ids of different kinds cannot be sorted (as in score.py: "
                + "'<' not supported between them)")
        }
    }
}

/// A string that compares and hashes by its Unicode scalars (Python's `str` semantics), not by canonical equivalence.
struct ScalarString: Hashable, Sendable {
    var string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: ScalarString, rhs: ScalarString) -> Bool {
        sameUTF8(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        for byte in string.utf8 { hasher.combine(byte) }
        hasher.combine(0xFF as UInt8)
    }
}

/// A document id: a JSON value compared as Python compares dict keys (`1`, `1.0` and `true` are the same id;
/// strings compare by code point). It keeps the value first seen, as a Python dict keeps its first key object.
public struct DocumentID: Hashable, Sendable, CustomStringConvertible {
    /// The id as it appeared in the file that first defined it.
    public let value: JSONValue
    let key: PythonKey

    /// Nil when `value` cannot be a Python dict key (an array or an object).
    public init?(_ value: JSONValue) {
        guard let key = PythonKey(value) else { return nil }
        self.value = value
        self.key = key
    }

    public init(_ string: String) {
        self.value = .string(string)
        self.key = .text(string)
    }

    public static func == (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// Python's `str(id)`, as score.py's table prints it.
    public var description: String { PythonText.str(value) }

    /// The id as `json.dumps` writes a dict key: strings as they are, `true`/`false`/`null`, numbers as Python
    /// prints them (`NaN`, `Infinity`, `-Infinity` for those floats).
    var jsonKey: String {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .double(let d) where d.isNaN: return "NaN"
        case .double(let d) where d.isInfinite: return d < 0 ? "-Infinity" : "Infinity"
        default: return description
        }
    }
}

/// The documents of one JSONL annotation file (gold or predicted), keyed by id, read as score.py's `load` reads
/// them: blank lines are skipped, lines that are not objects with an `"id"` are ignored, and a later line with the
/// same id replaces the earlier one (keeping the first id value, as a Python dict keeps its first key).
public struct AnnotationSet: Sendable {
    /// Ids in first-insertion order.
    public private(set) var ids: [DocumentID] = []
    private var records: [JSONObject] = []
    private var position: [DocumentID: Int] = [:]

    public init() {}

    public var count: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }

    /// The record of `id`, or nil.
    public subscript(id: DocumentID) -> JSONObject? {
        guard let i = position[id] else { return nil }
        return records[i]
    }

    /// Adds a record as `docs[d["id"]] = d`. Records without an `"id"` member are ignored; an id that cannot be a
    /// dict key (array or object) is an error, as in Python.
    public mutating func insert(_ record: JSONObject) throws(EvaluationError) {
        guard let idValue = record["id"] else { return }
        guard let id = DocumentID(idValue) else {
            throw EvaluationError("document id \(PythonText.repr(idValue)) is an unhashable type")
        }
        if let i = position[id] {
            records[i] = record
        } else {
            position[id] = ids.count
            ids.append(id)
            records.append(record)
        }
    }

    /// score.py's `--docs=ID,ID` filter: keeps the documents whose id is one of these strings (a numeric id never
    /// equals a string, as in Python).
    public func filtered(keepingIDs keep: Set<String>) -> AnnotationSet {
        let wanted = Set(keep.map { ScalarString($0) })
        var out = AnnotationSet()
        for (i, id) in ids.enumerated() {
            guard case .string(let s) = id.key, wanted.contains(s) else { continue }
            out.position[id] = out.ids.count
            out.ids.append(id)
            out.records.append(records[i])
        }
        return out
    }

    /// Parses JSONL text. `source` names the input in error messages.
    public init(jsonl text: String, source: String = "<text>") throws(EvaluationError) {
        var copy = text
        let result = copy.withUTF8 { (bytes) -> Result<AnnotationSet, EvaluationError> in
            do throws(EvaluationError) {
                return .success(try AnnotationSet(jsonlBytes: bytes, source: source))
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    /// Parses JSONL bytes as Python reads a text file opened with `encoding="utf-8"`: strict UTF-8, and lines end
    /// at `\n`, `\r\n` or `\r` (universal newlines).
    public init(jsonlBytes bytes: UnsafeBufferPointer<UInt8>, source: String = "<input>") throws(EvaluationError) {
        var lineStart = 0
        var lineNumber = 0
        let n = bytes.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            var next = lineEnd
            if next < n {
                next += (bytes[next] == 0x0D && next + 1 < n && bytes[next + 1] == 0x0A) ? 2 : 1
            }
            lineNumber += 1
            try addLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), number: lineNumber, source: source)
            lineStart = next
        }
    }

    private mutating func addLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, source: String)
        throws(EvaluationError)
    {
        guard let text = String(validating: line, as: UTF8.self) else {
            throw EvaluationError("\(source):\(number): invalid UTF-8")
        }
        if !PythonText.hasNonSpace(text) { return }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw EvaluationError("\(source):\(number): invalid JSON: \(error)")
        }
        guard case .object(let record) = value else { return }
        do {
            try insert(record)
        } catch {
            throw EvaluationError("\(source):\(number): \(error.message)")
        }
    }

    /// Reads a JSONL file (with plain POSIX calls, no Foundation).
    public static func load(path: String) throws(EvaluationError) -> AnnotationSet {
        let bytes = try readFile(path)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(EvaluationError) -> AnnotationSet in
            try AnnotationSet(jsonlBytes: buffer, source: path)
        }
    }

    static func readFile(_ path: String) throws(EvaluationError) -> [UInt8] {
        guard let bytes = FileBytes.read(path) else {
            throw EvaluationError("\(path): \(String(cString: strerror(errno)))")
        }
        return bytes
    }
}
