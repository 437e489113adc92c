/// Parses one JSONL line into the parts the annotator needs: the `id` value (raw JSON), the decoded `text`, and every
/// other member as raw JSON to copy through.
///
/// It validates the whole line against the JSON grammar (RFC 8259, strict: no control characters inside strings,
/// no trailing commas), iteratively, so a deeply nested value cannot overflow the stack. Duplicate keys behave as in
/// Python's `json.loads`: the last value wins, at the position of the first.
public struct JSONRecordParser: Sendable {
    /// The deepest nesting accepted inside a record; deeper lines are `invalid_json`.
    public var maxDepth: Int

    public init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
    }

    public struct Record: Sendable {
        /// The raw JSON of `id`, or nil when there is none.
        public var idJSON: [UInt8]?
        /// The decoded `text`, or the error that makes the record unusable.
        public var text: Result<[UInt8], DocumentError>
        /// `"key":value` members other than id and text (and the output's own keys), raw.
        public var passthrough: [[UInt8]]
    }

    /// Keys the output record writes itself; an input member of that name is not copied.
    static let reservedKeys: Set<[UInt8]> = [Array("id".utf8), Array("text".utf8), Array("entities".utf8),
                                             Array("quotes".utf8), Array("error".utf8)]

    /// Whether a decoded key is `literal`, without making an array of the literal.
    @inline(__always) static func equals(_ key: [UInt8], _ literal: StaticString) -> Bool {
        guard key.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for i in 0..<key.count where key[i] != expected[i] { return false }
        return true
    }

    struct Failure: Error {
        var message: String
    }

    /// Parses a line that is already known to be valid UTF-8.
    public func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<Record, DocumentError> {
        var scanner = Scanner(bytes: line, maxDepth: maxDepth)
        do {
            scanner.skipWhitespace()
            guard scanner.index < line.count else { return .failure(DocumentError(.emptyLine, "the line is empty")) }
            guard line[scanner.index] == UInt8(ascii: "{") else {
                try scanner.skipValue()
                scanner.skipWhitespace()
                guard scanner.index == line.count else { throw Failure(message: "text after the JSON value") }
                return .failure(DocumentError(.notAnObject, "the line is valid JSON but not an object"))
            }
            scanner.index += 1
            var members: [(key: [UInt8], raw: [UInt8])] = []
            var positionOfKey: [[UInt8]: Int] = [:]
            var idJSON: [UInt8]?
            var text: (decoded: [UInt8], loneSurrogate: Bool)?
            var hasText = false
            var textIsString = false
            scanner.skipWhitespace()
            if scanner.peek() == UInt8(ascii: "}") {
                scanner.index += 1
            } else {
                while true {
                    scanner.skipWhitespace()
                    let keyStart = scanner.index
                    guard scanner.peek() == UInt8(ascii: "\"") else { throw Failure(message: "expected a key") }
                    let key = try scanner.string()
                    let keyEnd = scanner.index
                    scanner.skipWhitespace()
                    guard scanner.peek() == UInt8(ascii: ":") else { throw Failure(message: "expected ':'") }
                    scanner.index += 1
                    scanner.skipWhitespace()
                    let valueStart = scanner.index
                    let isString = scanner.peek() == UInt8(ascii: "\"")
                    let isText = Self.equals(key.decoded, "text")
                    if isText && isString {
                        // Decoded in the one pass that checks it, not skipped and then scanned again.
                        text = try scanner.stringReportingLikeSkip()
                    } else {
                        try scanner.skipValue()
                    }
                    let valueEnd = scanner.index
                    if Self.equals(key.decoded, "id") {
                        idJSON = Array(line[valueStart..<valueEnd])
                    } else if isText {
                        hasText = true
                        textIsString = isString
                    } else if !Self.reservedKeys.contains(key.decoded) {
                        var raw = Array(line[keyStart..<keyEnd])
                        raw.append(UInt8(ascii: ":"))
                        raw.append(contentsOf: line[valueStart..<valueEnd])
                        if let at = positionOfKey[key.decoded] {
                            members[at].raw = raw
                        } else {
                            positionOfKey[key.decoded] = members.count
                            members.append((key.decoded, raw))
                        }
                    }
                    scanner.skipWhitespace()
                    guard let c = scanner.peek() else { throw Failure(message: "the object is not closed") }
                    scanner.index += 1
                    if c == UInt8(ascii: ",") { continue }
                    if c == UInt8(ascii: "}") { break }
                    throw Failure(message: "expected ',' or '}'")
                }
            }
            scanner.skipWhitespace()
            guard scanner.index == line.count else { throw Failure(message: "text after the JSON object") }

            let result: Result<[UInt8], DocumentError>
            if hasText {
                if textIsString, let decoded = text {
                    result = decoded.loneSurrogate
                        ? .failure(DocumentError(.invalidText, "`text` holds a lone surrogate escape, which is not a Unicode scalar"))
                        : .success(decoded.decoded)
                } else {
                    result = .failure(DocumentError(.textNotString, "`text` must be a JSON string"))
                }
            } else {
                result = .failure(DocumentError(.missingText, "the record has no `text` field"))
            }
            return .success(Record(idJSON: idJSON, text: result, passthrough: members.map(\.raw)))
        } catch let failure as Failure {
            return .failure(DocumentError(.invalidJSON, "not valid JSON at byte \(scanner.index): \(failure.message)"))
        } catch {
            return .failure(DocumentError(.invalidJSON, "not valid JSON"))
        }
    }

    /// The id of a line that failed to parse, when one can still be read cheaply: `{"id": "…"` at the start.
    /// Lets an error record name its document when only a later part of the line is broken.
    public func salvageID(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var scanner = Scanner(bytes: line, maxDepth: maxDepth)
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "{") else { return nil }
        scanner.index += 1
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "\""), let key = try? scanner.string(),
              Self.equals(key.decoded, "id") else { return nil }
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: ":") else { return nil }
        scanner.index += 1
        scanner.skipWhitespace()
        let start = scanner.index
        guard let c = scanner.peek(), c == UInt8(ascii: "\"") || c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39)
        else { return nil }
        guard (try? scanner.skipValue()) != nil else { return nil }
        return Array(line[start..<scanner.index])
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        @inline(__always) func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        @inline(__always) mutating func skipWhitespace() {
            while index < bytes.count {
                let c = bytes[index]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
                index += 1
            }
        }

        /// Reads a string at `index` (which holds the opening quote) and decodes it.
        mutating func string() throws -> (decoded: [UInt8], loneSurrogate: Bool) {
            index += 1
            var out: [UInt8] = []
            var lone = false
            var runStart = index
            while true {
                skipPlainBytes()
                guard index < bytes.count else { throw Failure(message: "the string is not closed") }
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    index += 1
                    return (out, lone)
                }
                if c < 0x20 { throw Failure(message: "a control character inside a string") }
                if c != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                guard index < bytes.count else { throw Failure(message: "the string is not closed") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    appendUTF8(try unicodeEscape(lone: &lone), to: &out)
                default:
                    throw Failure(message: "an unknown escape")
                }
                runStart = index
            }
        }

        /// The scalar of a `\u` escape whose four hex digits start at `index`: a high surrogate joined with the
        /// escaped low surrogate right after it; a lone or misordered surrogate is U+FFFD and sets `lone` (the text
        /// then differs from what was sent, which the record says). Shared by `string()` and `decodedText()`.
        mutating func unicodeEscape(lone: inout Bool) throws -> UInt32 {
            let unit = try hex4()
            if unit >= 0xD800 && unit < 0xDC00 {
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    lone = true
                    return 0xFFFD
                }
                let save = index
                index += 2
                let low = try hex4()
                if low >= 0xDC00 && low < 0xE000 { return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00) }
                index = save
                lone = true
                return 0xFFFD
            }
            if unit >= 0xDC00 && unit < 0xE000 {
                lone = true
                return 0xFFFD
            }
            return unit
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw Failure(message: "a short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[index]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                default: throw Failure(message: "a bad \\u escape")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        /// Skips one JSON value of any depth without recursion.
        mutating func skipValue() throws {
            var stack: [UInt8] = []  // '{' or '['
            var expectValue = true
            while true {
                skipWhitespace()
                guard let c = peek() else { throw Failure(message: "the line ends inside a value") }
                if expectValue {
                    switch c {
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        guard stack.count < maxDepth else { throw Failure(message: "nesting deeper than \(maxDepth)") }
                        stack.append(c)
                        index += 1
                        skipWhitespace()
                        let close: UInt8 = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                        if peek() == close {
                            index += 1
                            stack.removeLast()
                            expectValue = false
                        } else if c == UInt8(ascii: "{") {
                            try memberKey()
                        }
                        if stack.isEmpty && !expectValue { return }
                        continue
                    case UInt8(ascii: "\""):
                        _ = try skipString()
                    case UInt8(ascii: "t"): try literal("true")
                    case UInt8(ascii: "f"): try literal("false")
                    case UInt8(ascii: "n"): try literal("null")
                    case UInt8(ascii: "-"), 0x30...0x39: try number()
                    default: throw Failure(message: "an unexpected character")
                    }
                    expectValue = false
                    if stack.isEmpty { return }
                } else {
                    guard let top = stack.last else { return }
                    index += 1
                    if c == UInt8(ascii: ",") {
                        if top == UInt8(ascii: "{") { try memberKey() }
                        expectValue = true
                    } else if (c == UInt8(ascii: "}") && top == UInt8(ascii: "{")) || (c == UInt8(ascii: "]") && top == UInt8(ascii: "[")) {
                        stack.removeLast()
                        if stack.isEmpty { return }
                    } else {
                        throw Failure(message: "expected ',' or a closing bracket")
                    }
                }
            }
        }

        /// Inside an object: reads `"key" :` and leaves the scanner before the value.
        mutating func memberKey() throws {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw Failure(message: "expected a key") }
            try skipString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw Failure(message: "expected ':'") }
            index += 1
        }

        /// Moves `index` over bytes that need no attention inside a string, sixteen and eight at a time, to the first
        /// quote, backslash or control character (or to the last few bytes of the line).
        @inline(__always) mutating func skipPlainBytes() {
            guard let base = bytes.baseAddress else { return }
            while index + 16 <= bytes.count && !JSONStopBytes.contains(JSONStopBytes.load(base + index)) {
                index += 16
            }
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let mask = JSONBuffer.escapeMask(word)
                if mask != 0 {
                    index += mask.trailingZeroBitCount >> 3
                    return
                }
                index += 8
            }
        }

        /// `string()` for a value that the line's validation would otherwise skip: a malformed string fails with
        /// the position and message `skipValue()` gives, so the error record is the same either way.
        mutating func stringReportingLikeSkip() throws -> (decoded: [UInt8], loneSurrogate: Bool) {
            let start = index
            do {
                return try decodedText()
            } catch {
                index = start
                try skipValue()
                throw error
            }
        }

        mutating func skipString() throws {
            index += 1
            while index < bytes.count {
                skipPlainBytes()
                guard index < bytes.count else { break }
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    index += 1
                    return
                }
                if c < 0x20 { throw Failure(message: "a control character inside a string") }
                if c == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        index += 1
                        _ = try hex4()
                    default:
                        throw Failure(message: "an unknown escape")
                    }
                    continue
                }
                index += 1
            }
            throw Failure(message: "the string is not closed")
        }

        mutating func literal(_ word: StaticString) throws {
            let n = word.utf8CodeUnitCount
            guard index + n <= bytes.count else { throw Failure(message: "a bad literal") }
            let p = word.utf8Start
            for k in 0..<n where bytes[index + k] != p[k] { throw Failure(message: "a bad literal") }
            index += n
        }

        mutating func number() throws {
            if peek() == UInt8(ascii: "-") { index += 1 }
            guard let first = peek(), first >= 0x30 && first <= 0x39 else { throw Failure(message: "a bad number") }
            index += 1
            if first != 0x30 { digits() }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard let d = peek(), d >= 0x30 && d <= 0x39 else { throw Failure(message: "a bad number") }
                digits()
            }
            if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                index += 1
                if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
                guard let d = peek(), d >= 0x30 && d <= 0x39 else { throw Failure(message: "a bad number") }
                digits()
            }
        }

        mutating func digits() {
            while let d = peek(), d >= 0x30 && d <= 0x39 { index += 1 }
        }
    }
}

@inline(__always)
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}
