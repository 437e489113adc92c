import CICU

/// Normalize stage. Takes a `Document` with its original text; gives the normalized text and the `OffsetMap` back.
///
/// What changes, so the matchers see one form of each thing:
/// - line ends: CRLF and CR become LF; U+2028, U+2029 and NEL become LF;
/// - spaces: NBSP and the other Unicode space separators become a space; other C0 controls but tab and LF too;
/// - removed: BOM / ZWNBSP, zero-width space, word joiner, soft hyphen, bidi marks and embeddings;
/// - quotation marks: opening double marks („ ‟ «) become “, closing ones (») ”, the fullwidth " becomes ";
///   single ones likewise ‘ and ’ (‚ ‛ ‹ → ‘; › ʼ → ’); straight quotes stay straight, because only context tells
///   whether they open or close;
/// - dashes and hyphens (‐ ‑ ‒ – — ― − and their small and fullwidth forms) become "-";
/// - a base letter followed by combining marks is composed (NFC): "e\u{301}" becomes "é".
///
/// Everything else is copied as is. ASCII is copied byte for byte without an anchor, so an ASCII document costs one
/// pass and an empty map.
public struct Normalizer: Sendable {
    public init() {}

    public func process(_ doc: inout Document) {
        let (text, map) = doc.original.withUnsafeBufferPointer { normalize($0) }
        doc.text = text
        doc.offsets = map
    }

    /// What the normalizer does with one non-ASCII scalar.
    enum Action {
        case keep
        case delete
        case replace(UInt32)
    }

    @inline(__always)
    static func action(for scalar: UInt32) -> Action {
        switch scalar {
        case 0xFEFF, 0x200B, 0x2060, 0x00AD, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return .delete
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .replace(0x20)
        case 0x0085, 0x2028, 0x2029:
            return .replace(0x0A)
        case 0x201E, 0x201F, 0x00AB, 0x301D:
            return .replace(0x201C)
        case 0x00BB, 0x301E:
            return .replace(0x201D)
        case 0xFF02:
            return .replace(0x22)
        case 0x201A, 0x201B, 0x2039:
            return .replace(0x2018)
        case 0x203A, 0x02BC:
            return .replace(0x2019)
        case 0xFF07:
            return .replace(0x27)
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return .replace(0x2D)
        default:
            return .keep
        }
    }

    @inline(__always)
    static func isCombining(_ scalar: UInt32) -> Bool {
        guard scalar >= 0x0300, let s = Unicode.Scalar(scalar) else { return false }
        return s.properties.canonicalCombiningClass.rawValue != 0
    }

    public func normalize(_ input: UnsafeBufferPointer<UInt8>) -> (text: [UInt8], map: OffsetMap) {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var map = OffsetMap()
        let n = input.count
        var i = 0          // original byte
        var scalarIndex = 0  // original scalar
        // The last starter (a scalar that combining marks attach to): where it begins on both sides.
        var starterNorm = -1, starterScalar = 0, starterByte = 0

        while i < n {
            // A run of printable ASCII is copied as is, with no anchor: only its last byte matters, as the starter.
            let run = Self.printableASCIIRun(input, from: i)
            if run > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<run]))
                starterNorm = out.count - 1
                starterScalar = scalarIndex + (run - 1 - i)
                starterByte = run - 1
                scalarIndex += run - i
                i = run
                if i == n { break }
            }
            let b = input[i]
            if b < 0x80 {
                if b == 0x0D {
                    if i + 1 < n && input[i + 1] == 0x0A {
                        // CRLF: drop the CR.
                        map.anchor(normalized: out.count, scalar: scalarIndex, byte: i)
                        map.anchor(normalized: out.count, scalar: scalarIndex + 1, byte: i + 1)
                    } else {
                        out.append(0x0A)
                    }
                    starterNorm = -1
                } else if b < 0x20 {
                    out.append(b == 0x09 || b == 0x0A ? b : 0x20)
                    starterNorm = -1
                } else {
                    starterNorm = out.count
                    starterScalar = scalarIndex
                    starterByte = i
                    out.append(b)
                }
                i += 1
                scalarIndex += 1
                continue
            }
            let (scalar, length) = decode(input, at: i)
            if Self.isCombining(scalar) && starterNorm >= 0 {
                // Gather the run of marks and compose it with its starter.
                var j = i + length
                var marks = 1
                while j < n, input[j] >= 0x80 {
                    let (next, nextLength) = decode(input, at: j)
                    guard Self.isCombining(next) else { break }
                    j += nextLength
                    marks += 1
                }
                let cluster = Array(out[starterNorm...]) + Array(input[i..<j])
                let composed = compose(cluster)
                // Where NFC leaves the starter as it is ("“" + U+0308, "a" + a mark that does not compose), the
                // starter keeps its anchors and the marks NFC leaves unchanged are copied one by one with their own:
                // a token may begin at such a mark, and a span boundary must never fall inside a unit.
                let starterLength = out.count - starterNorm
                let same = Self.commonScalarPrefix(cluster, composed)
                if same >= starterLength {
                    let unchangedEnd = i + (same - starterLength)
                    var k = i
                    while k < unchangedEnd {
                        let (_, markLength) = decode(input, at: k)
                        map.anchor(normalized: out.count, scalar: scalarIndex, byte: k)
                        out.append(contentsOf: input[k..<(k + markLength)])
                        k += markLength
                        scalarIndex += 1
                        map.anchor(normalized: out.count, scalar: scalarIndex, byte: k)
                    }
                    if k < j || same < composed.count {
                        // The marks NFC reordered or merged: one unit.
                        var rest = 0
                        var m = k
                        while m < j { m += decode(input, at: m).1; rest += 1 }
                        map.anchor(normalized: out.count, scalar: scalarIndex, byte: k)
                        out.append(contentsOf: composed[same...])
                        scalarIndex += rest
                        map.anchor(normalized: out.count, scalar: scalarIndex, byte: j)
                    }
                    i = j
                    continue
                }
                out.removeSubrange(starterNorm...)
                map.truncate(after: starterNorm)
                map.anchor(normalized: starterNorm, scalar: starterScalar, byte: starterByte)
                // NFC may leave more than one scalar ("=" U+0338 U+0301 → "≠" U+0301), and a token may end between
                // them: anchor each inner boundary so no offset inside the cluster is interpolated as if it were ASCII.
                Self.anchorInnerBoundaries(of: composed, at: starterNorm, source: input, from: starterByte, to: j,
                                           scalar: starterScalar, scalarEnd: scalarIndex + marks, into: &map)
                out.append(contentsOf: composed)
                scalarIndex += marks
                i = j
                map.anchor(normalized: out.count, scalar: scalarIndex, byte: i)
                continue
            }
            map.anchor(normalized: out.count, scalar: scalarIndex, byte: i)
            switch Self.action(for: scalar) {
            case .keep:
                starterNorm = out.count
                starterScalar = scalarIndex
                starterByte = i
                out.append(contentsOf: input[i..<(i + length)])
            case .delete:
                starterNorm = -1
            case let .replace(with):
                if with >= 0x20 {
                    starterNorm = out.count
                    starterScalar = scalarIndex
                    starterByte = i
                } else {
                    starterNorm = -1
                }
                appendUTF8(with, to: &out)
            }
            i += length
            scalarIndex += 1
            map.anchor(normalized: out.count, scalar: scalarIndex, byte: i)
        }
        return (out, map)
    }

    /// Anchors the scalar boundaries inside a composed cluster written at normalized offset `start`: the boundary
    /// after its k-th scalar maps to the boundary after the k-th scalar of the source cluster `source[from..<to]`
    /// (exact where NFC changed nothing, a close code-point boundary where it merged or reordered), or to the
    /// cluster's end when the source has fewer scalars. Offsets, bytes and code points stay in step.
    static func anchorInnerBoundaries(of composed: [UInt8], at start: Int, source: UnsafeBufferPointer<UInt8>,
                                      from: Int, to: Int, scalar: Int, scalarEnd: Int, into map: inout OffsetMap) {
        var o = utf8Length(composed[0])
        var b = from, s = scalar
        while o < composed.count {
            if b < to {
                b = min(to, b + utf8Length(source[b]))
                s += 1
            }
            map.anchor(normalized: start + o, scalar: b < to ? s : scalarEnd, byte: b)
            o += utf8Length(composed[o])
        }
    }

    /// The end of the run of bytes in 0x20...0x7F that starts at `start`, eight bytes per step where it can.
    @inline(__always)
    static func printableASCIIRun(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = input.count
        var i = start
        guard let base = input.baseAddress else { return i }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            // A byte >= 0x80, or a byte < 0x20 (w - 0x20 per byte borrows into its high bit only then).
            if (w | ((w &- ones &* 0x20) & ~w)) & highs != 0 { break }
            i += 8
        }
        while i < n {
            let b = base[i]
            if b < 0x20 || b >= 0x80 { break }
            i += 1
        }
        return i
    }

    @inline(__always)
    static func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The length in bytes of the longest common prefix of two UTF-8 strings that ends on a scalar boundary of both.
    static func commonScalarPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var p = 0
        let n = min(a.count, b.count)
        while p < n && a[p] == b[p] { p += 1 }
        if p == a.count && p == b.count { return p }
        // Back to the start of the scalar that differs (continuation bytes are 10xxxxxx).
        while p > 0 && p < a.count && a[p] & 0xC0 == 0x80 { p -= 1 }
        while p > 0 && p < b.count && b[p] & 0xC0 == 0x80 { p -= 1 }
        return p
    }

    @inline(__always)
    func decode(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(input[i])
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12 | UInt32(input[i + 2] & 0x3F) << 6
                | UInt32(input[i + 3] & 0x3F), 4)
    }

    /// NFC of a short UTF-8 cluster, through ICU; the cluster unchanged if ICU fails.
    func compose(_ utf8: [UInt8]) -> [UInt8] {
        let units = Array(String(decoding: utf8, as: UTF8.self).utf16)
        var dest = [UInt16](repeating: 0, count: units.count * 3 + 8)
        let written = units.withUnsafeBufferPointer { src in
            dest.withUnsafeMutableBufferPointer { dst in
                cicu_nfc(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count))
            }
        }
        guard written >= 0 else { return utf8 }
        return Array(String(decoding: dest[0..<Int(written)], as: UTF16.self).utf8)
    }
}
