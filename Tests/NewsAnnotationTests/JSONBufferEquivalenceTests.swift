import Testing
@testable import NewsAnnotation

/// The word-at-a-time escaper and the digit writer against plain references written for clarity: every byte value,
/// every length around the 8-byte steps, random UTF-8, and integers at every digit count.
@Suite("JSONBuffer equivalence")
struct JSONBufferEquivalenceTests {
    /// One byte at a time: quote, backslash and C0 controls escaped (short forms where JSON has them), the rest copied.
    static func referenceString(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for c in bytes {
            switch c {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(c >> 4)], hex[Int(c & 0xF)]]
            default: out.append(c)
            }
        }
        out.append(0x22)
        return out
    }

    static func written(_ body: (inout JSONBuffer) -> Void) -> [UInt8] {
        var buffer = JSONBuffer(capacity: 1)
        body(&buffer)
        return buffer.bytes
    }

    /// Bytes that exercise every branch: plain ASCII, the escaped ones, and lead and continuation bytes.
    static let interesting: [UInt8] = [0x41, 0x7A, 0x20, 0x22, 0x5C, 0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xFF]

    @Test func everyByteValueAtEveryPositionOfStringsUpTo40BytesIsEscapedLikeTheReference() {
        for length in 0...40 {
            for position in 0..<max(length, 1) {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    if length > 0 { bytes[position] = UInt8(value) }
                    let got = Self.written { $0.string(bytes) }
                    guard got == Self.referenceString(bytes) else {
                        Issue.record("length \(length), byte \(value) at \(position)")
                        return
                    }
                }
            }
        }
    }

    @Test func randomMixesOfEscapedAndPlainBytesAreEscapedLikeTheReference() {
        var rng = SeededGenerator(seed: 0xE5CA9E)
        for _ in 0..<50_000 {
            let length = Int.random(in: 0...40, using: &rng)
            let bytes = (0..<length).map { _ in Self.interesting.randomElement(using: &rng)! }
            #expect(Self.written { $0.string(bytes) } == Self.referenceString(bytes), "\(bytes)")
        }
    }

    @Test func randomUTF8StringsAreEscapedLikeTheReferenceAtEveryOffsetOfTheirStorage() {
        var rng = SeededGenerator(seed: 0x5EED)
        let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "é", "—", "“", "”", "€", "😀", "\u{2028}", "\u{7F}"]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...20, using: &rng)
            let bytes = Array((0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            // Slices of a larger array, so loads start at every alignment and end anywhere in a word.
            let shift = Int.random(in: 0...8, using: &rng)
            let padded = [UInt8](repeating: 0x22, count: shift) + bytes + [UInt8](repeating: 0x5C, count: 9)
            let got = padded.withUnsafeBufferPointer { all in
                Self.written { $0.string(UnsafeBufferPointer(rebasing: all[shift..<(shift + bytes.count)])) }
            }
            #expect(got == Self.referenceString(bytes))
            #expect(Self.written { $0.string(String(decoding: bytes, as: UTF8.self)) } == Self.referenceString(bytes))
        }
    }

    @Test func stringsAppendedAfterOtherOutputKeepTheBytesBeforeThem() {
        var rng = SeededGenerator(seed: 42)
        var buffer = JSONBuffer(capacity: 1)
        var expected: [UInt8] = []
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &rng)).map { _ in Self.interesting.randomElement(using: &rng)! }
            buffer.string(bytes)
            expected += Self.referenceString(bytes)
            let value = Int.random(in: -1_000_000...1_000_000, using: &rng)
            buffer.int(value)
            expected += Array(String(value).utf8)
        }
        #expect(buffer.bytes == expected)
    }

    @Test func integersOfEveryDigitCountAreWrittenLikeString() {
        var values: [Int] = [0, 1, 9, 10, 99, 100, .max, .min, .min + 1, -1, -10]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let bits = Int.random(in: 0...63, using: &rng)
            values.append(Int.random(in: 0...(Int.max >> bits), using: &rng) * (Bool.random(using: &rng) ? 1 : -1))
        }
        for value in values {
            #expect(Self.written { $0.int(value) } == Array(String(value).utf8), "\(value)")
        }
    }
}

/// SplitMix64: the same sequence on every run, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
