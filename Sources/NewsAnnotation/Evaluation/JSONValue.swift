#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A small JSON reader for the evaluator, producing what Python's `json.loads` produces (the reference scorer reads
// its files with it). No Foundation: the `annotate` binary must start fast.

/// A JSON value, modelled on what Python's `json.loads` returns.
///
/// - Integer literals (no fraction, no exponent) are `.int`, like Python's `int`; literals with a fraction or an
///   exponent are `.double`, like Python's `float` (so `5.0` is a `.double`, as `5.0` is a float in Python).
///   An integer literal too large for `Int` becomes `.double` (Python would keep an exact `int`).
/// - `NaN`, `Infinity` and `-Infinity` are accepted, as Python accepts them.
/// - Objects keep their key order; a duplicate key keeps the position of its first occurrence and the value of its
///   last, as a Python dict built by `json.loads` does.
/// - A `\u` escape of a lone surrogate, which Python keeps in its `str`, becomes U+FFFD (a Swift `String` cannot
///   hold a lone surrogate).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` when this is an object holding it (Python's `d.get(key)` on a dict), else nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// Parses one complete JSON text (surrounding JSON whitespace allowed), as `json.loads` would.
    public static func parse(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) throws(JSONParseError)
        -> JSONValue
    {
        var text = text
        let result = text.withUTF8 { (bytes) -> Result<JSONValue, JSONParseError> in
            do throws(JSONParseError) {
                return .success(try JSONParser.parse(bytes, maxDepth: maxDepth))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// A JSON object that keeps its members in order. Keys compare by their Unicode scalars (as Python's `str` does),
/// not by canonical equivalence.
public struct JSONObject: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
    }

    public private(set) var members: [Member] = []
    /// Key → index into `members`, built only once an object grows large, so small objects stay cheap.
    private var index: [[UInt8]: Int]? = nil
    private static let indexThreshold = 12

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`, or nil. Setting replaces the value in place (keeping the key's first position) or appends.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return members[i].value
        }
        set {
            if let i = position(of: key) {
                if let newValue {
                    members[i].value = newValue
                } else {
                    members.remove(at: i)
                    index = nil
                    if members.count > Self.indexThreshold { rebuildIndex() }
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
                if index != nil {
                    index![Array(key.utf8)] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[Array(key.utf8)] }
        return members.firstIndex { sameUTF8($0.key, key) }
    }

    private mutating func rebuildIndex() {
        var built: [[UInt8]: Int] = [:]
        for (i, member) in members.enumerated() { built[Array(member.key.utf8)] = i }
        index = built
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { sameUTF8($0.key, $1.key) && $0.value == $1.value }
    }
}

public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Byte offset into the parsed text.
    public var offset: Int

    public var description: String { "\(message) at byte \(offset)" }
}

/// An iterative JSON parser over UTF-8 bytes with Python's `json.loads` grammar: RFC 8259 plus `NaN`, `Infinity`,
/// `-Infinity`; no control characters inside strings; JSON whitespace is space, tab, LF and CR only.
/// Nesting deeper than `maxDepth` is an error (Python itself fails near 1,000 levels), so no input can exhaust the stack,
/// neither here nor when the parsed value is released.
public enum JSONParser {
    public static let defaultMaxDepth = 1000

    /// Parses `bytes`, which must be valid UTF-8 (the caller validates: invalid UTF-8 inside strings is decoded with
    /// replacement characters otherwise).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth)
        throws(JSONParseError) -> JSONValue
    {
        var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
        return try scanner.parseDocument()
    }
}

private struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// An open container. Frames are mutated in place on the stack so that appending never copies.
    struct Frame {
        var isObject: Bool
        var items: [JSONValue] = []
        var object = JSONObject()
        var key = ""
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(message: message, offset: offset ?? i)
    }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        var stack: [Frame] = []
        var value: JSONValue
        outer: while true {
            // Parse a value, descending into containers.
            skipWhitespace()
            guard i < bytes.count else { throw fail("expecting value") }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    value = .object(JSONObject())
                } else {
                    guard stack.count < maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
                    let key = try parseKey()
                    stack.append(Frame(isObject: true, key: key))
                    continue outer
                }
            case UInt8(ascii: "["):
                i += 1
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    guard stack.count < maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
                    stack.append(Frame(isObject: false))
                    continue outer
                }
            default:
                value = try parseScalar()
            }
            // Attach the value to the enclosing containers, closing those that end here.
            while true {
                guard !stack.isEmpty else {
                    skipWhitespace()
                    guard i == bytes.count else { throw fail("extra data") }
                    return value
                }
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isObject {
                    let key = stack[top].key
                    stack[top].object[key] = value
                    guard i < bytes.count else { throw fail("expecting ',' delimiter") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        stack[top].key = try parseKey()
                        continue outer
                    } else if bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        value = .object(stack.removeLast().object)
                    } else {
                        throw fail("expecting ',' delimiter")
                    }
                } else {
                    stack[top].items.append(value)
                    guard i < bytes.count else { throw fail("expecting ',' delimiter") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue outer
                    } else if bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        value = .array(stack.removeLast().items)
                    } else {
                        throw fail("expecting ',' delimiter")
                    }
                }
            }
        }
    }

    /// A member name and its colon; whitespace before the name has been skipped.
    mutating func parseKey() throws(JSONParseError) -> String {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
            throw fail("expecting property name enclosed in double quotes")
        }
        let key = try parseString()
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expecting ':' delimiter") }
        i += 1
        return key
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let w = word.utf8Start
        for k in 0..<n where bytes[i + k] != w[k] { return false }
        i += n
        return true
    }

    mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        let c = bytes[i]
        switch c {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            if literal("true") { return .bool(true) }
        case UInt8(ascii: "f"):
            if literal("false") { return .bool(false) }
        case UInt8(ascii: "n"):
            if literal("null") { return .null }
        case UInt8(ascii: "N"):
            if literal("NaN") { return .double(.nan) }
        case UInt8(ascii: "I"):
            if literal("Infinity") { return .double(.infinity) }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if c == UInt8(ascii: "-"), literal("-Infinity") { return .double(-.infinity) }
            if let number = parseNumber() { return number }
        default:
            break
        }
        throw fail("expecting value")
    }

    func isDigit(_ k: Int) -> Bool {
        k < bytes.count && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9")
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, as Python's scanner matches it: a fraction or exponent that is
    /// not complete is left unconsumed (and then fails as extra data).
    mutating func parseNumber() -> JSONValue? {
        let start = i
        var k = i
        if bytes[k] == UInt8(ascii: "-") { k += 1 }
        guard isDigit(k) else { return nil }
        if bytes[k] == UInt8(ascii: "0") {
            k += 1
        } else {
            while isDigit(k) { k += 1 }
        }
        var integral = true
        if k < bytes.count, bytes[k] == UInt8(ascii: "."), isDigit(k + 1) {
            integral = false
            k += 1
            while isDigit(k) { k += 1 }
        }
        if k < bytes.count, bytes[k] == UInt8(ascii: "e") || bytes[k] == UInt8(ascii: "E") {
            var e = k + 1
            if e < bytes.count, bytes[e] == UInt8(ascii: "+") || bytes[e] == UInt8(ascii: "-") { e += 1 }
            if isDigit(e) {
                integral = false
                k = e
                while isDigit(k) { k += 1 }
            }
        }
        i = k
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)
        if integral, let value = Int(text) { return .int(value) }
        return .double(Double(text) ?? .nan)
    }

    func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Four hex digits at `k`, or nil.
    func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for d in 0..<4 {
            guard let h = hexValue(bytes[k + d]) else { return nil }
            v = v << 4 | h
        }
        return v
    }

    /// A string starting at the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = i
        i += 1
        let contentStart = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("invalid control character") }
            i += 1
        }
        guard i < bytes.count else { throw fail("unterminated string", at: open) }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("invalid control character") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { break }
            let e = bytes[i + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4(at: i + 2) else { throw fail("invalid \\uXXXX escape") }
                i += 6
                if code >= 0xD800, code < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                    bytes[i + 1] == UInt8(ascii: "u")
                {
                    // Python reads the next escape as the second half of a pair; it must be four hex digits.
                    guard let low = hex4(at: i + 2) else { throw fail("invalid \\uXXXX escape") }
                    if low >= 0xDC00, low < 0xE000 {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"  // a lone surrogate
                appendScalarUTF8(scalar, to: &out)
                continue
            default:
                throw fail("invalid \\escape")
            }
            i += 2
        }
        throw fail("unterminated string", at: open)
    }
}

/// Whether two strings hold the same Unicode scalars (byte-equal UTF-8), unlike `==`, which is canonical equivalence.
@inline(__always)
func sameUTF8(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { pa in
        b.utf8.withContiguousStorageIfAvailable { pb in
            pa.count == pb.count && (pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0)
        }
    }
    if let fast, let fast { return fast }
    return a.utf8.elementsEqual(b.utf8)
}

fileprivate func appendScalarUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    for unit in UTF8.encode(scalar)! { out.append(unit) }
}
