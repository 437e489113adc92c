import CICU

// The parts of Python's string and float semantics that the reference scorer (score.py) relies on, reproduced
// without Foundation: `str.split()`/`strip()` whitespace, `unicodedata.normalize("NFC")` (through ICU),
// `str.casefold()` (a table generated from Python), `str()`/`repr()` of JSON values, `repr(float)`,
// `round(x, n)` and `format(x, ".3f")`.

/// A name after score.py's `norm`: NFC, whitespace split and re-joined with single spaces, case-folded.
/// Compared and ordered by code points, as Python compares `str`.
struct FoldedName: Hashable, Comparable, Sendable, CustomStringConvertible {
    var scalars: [UInt32]

    static func < (lhs: FoldedName, rhs: FoldedName) -> Bool {
        lhs.scalars.lexicographicallyPrecedes(rhs.scalars)
    }

    var description: String {
        var s = String.UnicodeScalarView()
        for v in scalars { s.append(Unicode.Scalar(v) ?? "\u{FFFD}") }
        return String(s)
    }
}

enum PythonText {
    /// `str.isspace()` for one code point (Python 3.11, Unicode 14).
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Whether `s.strip()` is non-empty.
    static func hasNonSpace(_ s: String) -> Bool {
        s.unicodeScalars.contains { !isSpace($0.value) }
    }

    /// `unicodedata.normalize("NFC", s)`, through the system ICU.
    static func nfc(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        let source = Array(s.utf16)
        for factor in [3, 8] {
            let capacity = source.count * factor + 16
            var dest = [UInt16](repeating: 0, count: capacity)
            let written = source.withUnsafeBufferPointer { src in
                dest.withUnsafeMutableBufferPointer { dst in
                    cicu_nfc(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity))
                }
            }
            if written >= 0 { return String(decoding: dest[0..<Int(written)], as: UTF16.self) }
        }
        return s
    }

    /// Python's full case folding of non-ASCII code points, from `caseFoldData`.
    static let caseFoldTable: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        table.reserveCapacity(1600)
        for entry in caseFoldData.split(separator: ";") {
            let trimmed = entry.filter { !$0.isWhitespace }
            guard let colon = trimmed.firstIndex(of: ":"), let key = UInt32(trimmed[..<colon], radix: 16) else {
                continue
            }
            let values = trimmed[trimmed.index(after: colon)...].split(separator: ",").compactMap {
                UInt32($0, radix: 16)
            }
            table[key] = values
        }
        return table
    }()

    /// Appends `str.casefold()` of one code point.
    static func appendCaseFolded(_ v: UInt32, to out: inout [UInt32]) {
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
        } else if let folded = caseFoldTable[v] {
            out.append(contentsOf: folded)
        } else {
            out.append(v)
        }
    }

    /// score.py's `norm(s)`: `" ".join(unicodedata.normalize("NFC", s).split()).casefold()`.
    static func norm(_ s: String) -> FoldedName {
        var out: [UInt32] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for scalar in nfc(s).unicodeScalars {
            let v = scalar.value
            if isSpace(v) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            appendCaseFolded(v, to: &out)
        }
        return FoldedName(scalars: out)
    }

    /// Python truthiness of a JSON value.
    static func truthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0  // NaN is truthy, as in Python
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return o.count > 0
        }
    }

    /// Python's `str(value)` of what `json.loads` returned.
    static func str(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return repr(value)
    }

    /// Python's `repr(value)` of what `json.loads` returned.
    static func repr(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return floatRepr(d)
        case .string(let s): return reprString(s)
        case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.members.map { reprString($0.key) + ": " + repr($0.value) }.joined(separator: ", ")
                + "}"
        }
    }

    private static let hexDigits = Array("0123456789abcdef".unicodeScalars)

    private static func appendHex(_ v: UInt32, width: Int, to out: inout String.UnicodeScalarView) {
        for shift in stride(from: (width - 1) * 4, through: 0, by: -4) {
            out.append(hexDigits[Int((v >> UInt32(shift)) & 0xF)])
        }
    }

    /// `str.isprintable()` for one non-ASCII code point.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// Python's `repr(str)`.
    static func reprString(_ s: String) -> String {
        let scalars = s.unicodeScalars
        let quote: Unicode.Scalar = scalars.contains("'") && !scalars.contains("\"") ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for c in scalars {
            let v = c.value
            if c == quote || c == "\\" {
                out.append("\\")
                out.append(c)
            } else if c == "\t" {
                out.append(contentsOf: "\\t".unicodeScalars)
            } else if c == "\n" {
                out.append(contentsOf: "\\n".unicodeScalars)
            } else if c == "\r" {
                out.append(contentsOf: "\\r".unicodeScalars)
            } else if v < 0x20 || v == 0x7F {
                out.append(contentsOf: "\\x".unicodeScalars)
                appendHex(v, width: 2, to: &out)
            } else if v < 0x7F || isPrintable(c) {
                out.append(c)
            } else if v <= 0xFF {
                out.append(contentsOf: "\\x".unicodeScalars)
                appendHex(v, width: 2, to: &out)
            } else if v <= 0xFFFF {
                out.append(contentsOf: "\\u".unicodeScalars)
                appendHex(v, width: 4, to: &out)
            } else {
                out.append(contentsOf: "\\U".unicodeScalars)
                appendHex(v, width: 8, to: &out)
            }
        }
        out.append(quote)
        return String(out)
    }

    /// Python's `repr(float)`: the shortest round-tripping digits (taken from Swift's own shortest formatting),
    /// laid out as Python does (exponent form when the decimal point falls before -4 or after 16 digits).
    static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0.0" }
        // Swift's description: "[-]digits[.digits][e[+-]digits]"; take its digits and exponent.
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        var text = Substring(d.magnitude.description)
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        for ch in text.utf8 {
            if ch == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else {
                digits.append(ch)
            }
        }
        // value = 0.DIGITS × 10^decpt
        var decpt = (pointPosition ?? digits.count) + exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            decpt -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        let n = digits.count
        let ds = String(decoding: digits, as: UTF8.self)
        if decpt <= -4 || decpt > 16 {
            let e = decpt - 1
            let mantissa = n == 1 ? ds : String(ds.prefix(1)) + "." + String(ds.dropFirst())
            let magnitude = e.magnitude < 10 ? "0\(e.magnitude)" : "\(e.magnitude)"
            return sign + mantissa + "e" + (e < 0 ? "-" : "+") + magnitude
        }
        if decpt <= 0 { return sign + "0." + String(repeating: "0", count: -decpt) + ds }
        if decpt >= n { return sign + ds + String(repeating: "0", count: decpt - n) + ".0" }
        return sign + String(ds.prefix(decpt)) + "." + String(ds.dropFirst(decpt))
    }
}

enum PythonNumber {
    private static let powersOfTen: [UInt128] = (0...9).map { k in (0..<k).reduce(UInt128(1)) { r, _ in r * 10 } }

    /// |x| × 10^digits rounded half-to-even on the exact binary value of x, as Python's correctly rounded
    /// formatting does. Valid for |x| < 2^39 (enough for ratios); `digits` in 0...9.
    static func scaledRounded(_ x: Double, digits: Int) -> UInt128 {
        let m = x.magnitude
        if m == 0 || !m.isFinite { return 0 }
        let significand = UInt128(m.significandBitPattern | (m.isNormal ? (1 << 52) : 0))
        let binaryExponent = (m.isNormal ? Int(m.exponent) : -1022) - 52
        let n = significand * powersOfTen[digits]
        if binaryExponent >= 0 { return n << UInt128(binaryExponent) }
        let k = -binaryExponent
        if k >= 100 { return 0 }  // n < 2^84 <= 2^(k-1): below one half
        let q = n >> UInt128(k)
        let rem = n - (q << UInt128(k))
        let half = UInt128(1) << UInt128(k - 1)
        if rem > half || (rem == half && q & 1 == 1) { return q + 1 }
        return q
    }

    /// Python's `round(x, digits)` for |x| < 2^39.
    static func round(_ x: Double, _ digits: Int) -> Double {
        if !x.isFinite || x == 0 { return x }
        let q = scaledRounded(x, digits: digits)
        let r = Double(q) / Double(powersOfTen[digits])
        return x < 0 ? -r : r
    }

    /// Python's `format(x, ".{digits}f")` for |x| < 2^39.
    static func fixed(_ x: Double, _ digits: Int) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let q = scaledRounded(x, digits: digits)
        let scale = powersOfTen[digits]
        var text = String(q / scale)
        if digits > 0 {
            let frac = String(q % scale)
            text += "." + String(repeating: "0", count: digits - frac.count) + frac
        }
        return (x.sign == .minus ? "-" : "") + text
    }

    /// Python's `format(value, "N")` for an int: right-aligned in `width`.
    static func rightAligned(_ s: String, _ width: Int) -> String {
        let n = s.unicodeScalars.count
        return n >= width ? s : String(repeating: " ", count: width - n) + s
    }

    /// Python's `format(str, "N")`: left-aligned in `width`.
    static func leftAligned(_ s: String, _ width: Int) -> String {
        let n = s.unicodeScalars.count
        return n >= width ? s : s + String(repeating: " ", count: width - n)
    }
}
