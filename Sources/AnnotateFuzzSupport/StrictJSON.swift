/// An independent, strict JSON reader (RFC 8259: no NaN, no trailing commas, no control characters in strings;
/// whitespace is space, tab, LF, CR) used by the fuzz targets as the oracle for the annotator's input parser and
/// output writer. It is deliberately separate from `JSONRecordParser` and `JSONValue`, so that a bug in one of them
/// cannot hide itself.
public indirect enum StrictJSON: Equatable {
    case null
    case bool(Bool)
    /// The literal as written: the annotator copies ids and extra fields verbatim, so raw text is what must match.
    case number([UInt8])
    /// The decoded UTF-8 bytes; `loneSurrogate` when a `\u` escape is half of a surrogate pair.
    case string([UInt8], loneSurrogate: Bool)
    case array([StrictJSON])
    /// Members in input order, duplicates kept.
    case object([Member])

    public struct Member: Equatable {
        public var key: [UInt8]
        public var value: StrictJSON
    }

    public enum Failure: Error, Equatable {
        /// Not JSON.
        case invalid(at: Int)
        /// Nested deeper than the parser's limit: the caller cannot tell what the annotator should do.
        case tooDeep
    }

    /// Parses one complete JSON text (surrounding whitespace allowed). `maxDepth` bounds the recursion.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 1000) -> Result<StrictJSON, Failure> {
        var p = Parser(bytes: bytes, maxDepth: maxDepth)
        do {
            p.whitespace()
            let value = try p.value(depth: 0)
            p.whitespace()
            guard p.i == bytes.count else { throw Failure.invalid(at: p.i) }
            return .success(value)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.invalid(at: p.i))
        }
    }

    public static func parse(_ bytes: [UInt8], maxDepth: Int = 1000) -> Result<StrictJSON, Failure> {
        bytes.withUnsafeBufferPointer { parse($0, maxDepth: maxDepth) }
    }

    /// The deepest array/object nesting inside this value (a scalar is 0, `[]` is 1).
    public var depth: Int {
        switch self {
        case let .array(items): return 1 + (items.map(\.depth).max() ?? 0)
        case let .object(members): return 1 + (members.map(\.value.depth).max() ?? 0)
        default: return 0
        }
    }

    /// For an object: the value of `key` as Python's `json.loads` keeps it (the last duplicate wins).
    public subscript(key: String) -> StrictJSON? {
        guard case let .object(members) = self else { return nil }
        let k = Array(key.utf8)
        return members.last(where: { $0.key == k })?.value
    }

    /// For an object: its keys in the order a Python dict built by `json.loads` has them (first position of each).
    public var dictionaryKeys: [[UInt8]] {
        guard case let .object(members) = self else { return [] }
        var seen = Set<[UInt8]>()
        var keys: [[UInt8]] = []
        for m in members where seen.insert(m.key).inserted { keys.append(m.key) }
        return keys
    }

    public var int: Int? {
        guard case let .number(raw) = self, !raw.isEmpty,
              raw.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }) else { return nil }
        return Int(String(decoding: raw, as: UTF8.self))
    }

    public var stringBytes: [UInt8]? {
        guard case let .string(bytes, lone) = self, !lone else { return nil }
        return bytes
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func whitespace() {
            while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
        }

        mutating func expect(_ c: UInt8) throws {
            guard peek() == c else { throw Failure.invalid(at: i) }
            i += 1
        }

        mutating func value(depth: Int) throws -> StrictJSON {
            guard let c = peek() else { throw Failure.invalid(at: i) }
            switch c {
            case UInt8(ascii: "{"):
                guard depth < maxDepth else { throw Failure.tooDeep }
                i += 1
                whitespace()
                var members: [Member] = []
                if peek() == UInt8(ascii: "}") { i += 1; return .object(members) }
                while true {
                    whitespace()
                    guard peek() == UInt8(ascii: "\"") else { throw Failure.invalid(at: i) }
                    let (key, _) = try string()
                    whitespace()
                    try expect(UInt8(ascii: ":"))
                    whitespace()
                    let v = try value(depth: depth + 1)
                    members.append(Member(key: key, value: v))
                    whitespace()
                    guard let d = peek() else { throw Failure.invalid(at: i) }
                    i += 1
                    if d == UInt8(ascii: ",") { continue }
                    if d == UInt8(ascii: "}") { return .object(members) }
                    throw Failure.invalid(at: i - 1)
                }
            case UInt8(ascii: "["):
                guard depth < maxDepth else { throw Failure.tooDeep }
                i += 1
                whitespace()
                var items: [StrictJSON] = []
                if peek() == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    whitespace()
                    items.append(try value(depth: depth + 1))
                    whitespace()
                    guard let d = peek() else { throw Failure.invalid(at: i) }
                    i += 1
                    if d == UInt8(ascii: ",") { continue }
                    if d == UInt8(ascii: "]") { return .array(items) }
                    throw Failure.invalid(at: i - 1)
                }
            case UInt8(ascii: "\""):
                let (s, lone) = try string()
                return .string(s, loneSurrogate: lone)
            case UInt8(ascii: "t"): try word("true"); return .bool(true)
            case UInt8(ascii: "f"): try word("false"); return .bool(false)
            case UInt8(ascii: "n"): try word("null"); return .null
            default:
                return .number(try number())
            }
        }

        mutating func word(_ w: String) throws {
            for b in w.utf8 { try expect(b) }
        }

        func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

        mutating func number() throws -> [UInt8] {
            let start = i
            if peek() == UInt8(ascii: "-") { i += 1 }
            guard isDigit(peek()) else { throw Failure.invalid(at: i) }
            if peek() == 0x30 {
                i += 1
            } else {
                while isDigit(peek()) { i += 1 }
            }
            if peek() == UInt8(ascii: ".") {
                i += 1
                guard isDigit(peek()) else { throw Failure.invalid(at: i) }
                while isDigit(peek()) { i += 1 }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                i += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
                guard isDigit(peek()) else { throw Failure.invalid(at: i) }
                while isDigit(peek()) { i += 1 }
            }
            return Array(bytes[start..<i])
        }

        mutating func hex4() throws -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard let c = peek() else { throw Failure.invalid(at: i) }
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c) - 0x30
                case 0x41...0x46: d = UInt32(c) - 0x41 + 10
                case 0x61...0x66: d = UInt32(c) - 0x61 + 10
                default: throw Failure.invalid(at: i)
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        /// A string at `i` (the opening quote). The input must be valid UTF-8 (checked by the caller).
        mutating func string() throws -> ([UInt8], Bool) {
            i += 1
            var out: [UInt8] = []
            var lone = false
            while true {
                guard let c = peek() else { throw Failure.invalid(at: i) }
                i += 1
                if c == UInt8(ascii: "\"") { return (out, lone) }
                if c < 0x20 { throw Failure.invalid(at: i - 1) }
                if c != UInt8(ascii: "\\") { out.append(c); continue }
                guard let e = peek() else { throw Failure.invalid(at: i) }
                i += 1
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
                    var u = try hex4()
                    if (0xD800..<0xDC00).contains(u) {
                        // A pair only when the very next thing is `\u` + a low surrogate.
                        var lookahead = self
                        if lookahead.peek() == UInt8(ascii: "\\") {
                            lookahead.i += 1
                            if lookahead.peek() == UInt8(ascii: "u") {
                                lookahead.i += 1
                                if let low = try? lookahead.hex4(), (0xDC00..<0xE000).contains(low) {
                                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                                    i = lookahead.i
                                }
                            }
                        }
                        if u < 0x10000 { lone = true; u = 0xFFFD }
                    } else if (0xDC00..<0xE000).contains(u) {
                        lone = true
                        u = 0xFFFD
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(u)!)).utf8))
                default:
                    throw Failure.invalid(at: i - 1)
                }
            }
        }
    }
}
