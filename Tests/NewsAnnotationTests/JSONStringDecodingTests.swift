import Testing
@testable import NewsAnnotation

/// The decoding of `text` (and keys) against a plain one-byte-at-a-time decoder: random strings of plain ASCII,
/// multi-byte UTF-8, every escape, surrogate pairs, lone and misordered surrogates, and broken strings, at lengths
/// around the 8-byte steps of the scanner.
@Suite("JSON string decoding")
struct JSONStringDecodingTests {
    enum Outcome: Equatable {
        case decoded([UInt8], loneSurrogate: Bool)
        case invalid(at: Int, String)
    }

    /// Decodes the string whose opening quote is at `start`, one byte at a time; errors give the byte and message
    /// that validating the line reports.
    static func referenceDecode(_ line: [UInt8], from start: Int) -> (Outcome, end: Int) {
        var i = start + 1
        var out: [UInt8] = []
        var lone = false
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= line.count else { return nil }
            var value: UInt32 = 0
            for c in line[at..<at + 4] {
                guard let digit = Int(String(UnicodeScalar(c)), radix: 16) else { return nil }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        func hexError(_ at: Int) -> Outcome {
            guard at + 4 <= line.count else { return .invalid(at: at, "a short \\u escape") }
            let bad = (at..<at + 4).first { Int(String(UnicodeScalar(line[$0])), radix: 16) == nil }!
            return .invalid(at: bad, "a bad \\u escape")
        }
        while i < line.count {
            let c = line[i]
            if c == 0x22 { return (.decoded(out, loneSurrogate: lone), i + 1) }
            if c < 0x20 { return (.invalid(at: i, "a control character inside a string"), i) }
            if c != 0x5C {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < line.count else { break }
            let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A,
                                          0x72: 0x0D, 0x74: 0x09]
            if let byte = simple[line[i]] {
                out.append(byte)
                i += 1
                continue
            }
            guard line[i] == 0x75 else { return (.invalid(at: i, "an unknown escape"), i) }
            guard var unit = hex(i + 1) else { return (hexError(i + 1), i) }
            i += 5
            if (0xD800..<0xDC00).contains(unit), i + 1 < line.count, line[i] == 0x5C, line[i + 1] == 0x75 {
                guard let low = hex(i + 2) else { return (hexError(i + 2), i) }
                if (0xDC00..<0xE000).contains(low) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else {
                    unit = 0xFFFD
                    lone = true
                }
            } else if (0xD800..<0xE000).contains(unit) {
                unit = 0xFFFD
                lone = true
            }
            out += Array(String(UnicodeScalar(unit)!).utf8)
        }
        return (.invalid(at: line.count, "the string is not closed"), line.count)
    }

    /// What the parser makes of `{"text":<literal>}` (or of `{<literal>:1}` with `asKey`).
    static func parsed(_ line: [UInt8]) -> Outcome? {
        let result = line.withUnsafeBufferPointer { JSONRecordParser().parse($0) }
        switch result {
        case let .success(record):
            switch record.text {
            case let .success(text): return .decoded(text, loneSurrogate: false)
            case let .failure(error) where error.code == .invalidText: return .decoded([], loneSurrogate: true)
            case .failure: return nil
            }
        case let .failure(error):
            guard error.code == .invalidJSON, let range = error.message.range(of: ": ") else { return nil }
            let head = error.message[..<range.lowerBound]
            guard let at = Int(head.split(separator: " ").last!) else { return nil }
            return .invalid(at: at, String(error.message[range.upperBound...]))
        }
    }

    static let pieces: [String] = [
        "a", "b", "Z", " ", "0", "é", "—", "“", "€", "😀", "\u{2028}", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n",
        "\\r", "\\t", "\\u0041", "\\u00e9", "\\u00E9", "\\u20AC", "\\u0000", "\\u001f", "\\ud83d\\ude00", "\\uD83D\\uDE00",
        "\\ud83d", "\\ude00", "\\ud83d\\u0041", "\\udbff\\udfff", "\\ud800\\ud800", "\\uFFFF", "\\uDBFF",
    ]
    static let breakers: [String] = ["\\x", "\\u12", "\\u12G4", "\\uD83D\\u12", "\\uD83D\\uZZZZ", "\u{1}", "\t", "\\", "\\u"]

    static func line(_ literal: String) -> [UInt8] { Array("{\"text\":\"\(literal)".utf8) }

    @Test func randomTextStringsDecodeLikeTheReference() {
        var rng = SeededGenerator(seed: 0xDEC0DE)
        for _ in 0..<40_000 {
            let count = Int.random(in: 0...24, using: &rng)
            var literal = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            let broken = Int.random(in: 0..<5, using: &rng) == 0
            if broken { literal += Self.breakers.randomElement(using: &rng)! }
            var bytes = Self.line(literal)
            let closed = Int.random(in: 0..<8, using: &rng) != 0
            if closed { bytes += Array("\"}".utf8) }
            let (expected, end) = Self.referenceDecode(bytes, from: 8)
            var want = expected
            if case let .decoded(_, lone) = expected, lone { want = .decoded([], loneSurrogate: true) }
            if case .decoded = expected, end != bytes.count - 1 { continue }  // a broken piece closed the string early
            #expect(Self.parsed(bytes) == want, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func plainRunsOfEveryLengthAroundTheWordStepsDecodeLikeTheReference() {
        for length in 0...40 {
            for tail in ["", "\\n", "\\u00e9", "é", "\\ud83d", "\\ud83d\\ude00", "\u{1}", "\\q"] {
                for head in ["", "\\t", "€"] {
                    let literal = head + String(repeating: "x", count: length) + tail
                    for closed in [true, false] {
                        let bytes = Self.line(literal) + (closed ? Array("\"}".utf8) : [])
                        var (want, _) = Self.referenceDecode(bytes, from: 8)
                        if case let .decoded(_, lone) = want, lone { want = .decoded([], loneSurrogate: true) }
                        #expect(Self.parsed(bytes) == want, "\(String(decoding: bytes, as: UTF8.self))")
                    }
                }
            }
        }
    }

    @Test func keysWithEscapesAreDecodedBeforeTheyAreCompared() {
        for key in ["te\\u0078t", "\\u0074ext", "t\\u0065xt"] {
            let bytes = Array("{\"\(key)\":\"ab\\nc\"}".utf8)
            #expect(Self.parsed(bytes) == .decoded(Array("ab\nc".utf8), loneSurrogate: false))
        }
        let passthrough = Array("{\"k\\u00e9y\":1,\"k\\u00e9y\":2,\"text\":\"t\"}".utf8)
        let record = try? passthrough.withUnsafeBufferPointer { JSONRecordParser().parse($0) }.get()
        #expect(record?.passthrough.map { String(decoding: $0, as: UTF8.self) } == ["\"k\\u00e9y\":2"])
    }
}

/// The line check that runs before decoding (its ASCII path now 16 bytes at a time) against a plain validator written
/// from the Unicode table of well-formed byte sequences.
@Suite("UTF-8 validation equivalence")
struct UTF8ValidationEquivalenceTests {
    static func referenceFirstInvalid(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let length: Int, second: ClosedRange<UInt8>
            switch b[i] {
            case 0x00...0x7F:
                i += 1
                continue
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            default: return i
            }
            guard i + length <= b.count, second.contains(b[i + 1]) else { return i }
            for k in 2..<length where !(0x80...0xBF).contains(b[i + k]) { return i }
            i += length
        }
        return nil
    }

    @Test func randomMixesOfASCIIRunsAndOtherBytesGiveTheReferenceOffset() {
        var rng = SeededGenerator(seed: 0x07F8)
        let pieces: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0x9F, 0xBF],
                                 [0xED, 0xA0, 0x80], [0xE0, 0x9F, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80],
                                 [0x80], [0xFF], [0xE2, 0x80], [0xF0, 0x9F, 0x98]]
        for _ in 0..<60_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                bytes += [UInt8](repeating: 0x61, count: Int.random(in: 0...40, using: &rng))
                if Int.random(in: 0..<3, using: &rng) > 0 { bytes += pieces.randomElement(using: &rng)! }
            }
            #expect(UTF8Validation.firstInvalidOffset(bytes) == Self.referenceFirstInvalid(bytes), "\(bytes)")
        }
    }
}
