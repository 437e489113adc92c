import CICU

/// Folds a word to the key the gazetteer is matched on: lower-case ASCII, diacritics removed, other scripts
/// romanised. "Erdoğan", "ERDOGAN" and "Erdogan" share the key "erdogan"; "Путин" folds to "putin".
///
/// ASCII words take a byte loop. Latin letters with diacritics take a table (`LatinFolding`), which follows the
/// spelling English news uses ("ə" → "e", "ß" → "ss"). Only words in other scripts reach ICU's
/// "Any-Latin; Latin-ASCII", opened on the first such word (opening costs tens of milliseconds) and cached per word.
///
/// Holds an ICU transliterator, so it is not thread-safe: each worker owns one.
public final class KeyFolder {
    private var transliterator: OpaquePointer?
    private var transliteratorFailed = false
    private var cache: [String: String] = [:]

    public static let transliteratorID = "Any-Latin; Latin-ASCII"

    public init() {}

    deinit {
        if let t = transliterator { cicu_transliterator_close(t) }
    }

    /// The key of a word given as UTF-8 bytes.
    public func key(_ word: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for b in word where b >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: word.count) { out in
                for (i, b) in word.enumerated() { out[i] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
                return word.count
            }
        }
        let original = String(decoding: word, as: UTF8.self)
        if let cached = cache[original] { return cached }
        let folded = foldNonASCII(original)
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[original] = folded
        return folded
    }

    public func key(_ word: String) -> String {
        var word = word
        return word.withUTF8 { key($0) }
    }

    private func foldNonASCII(_ word: String) -> String {
        var out = ""
        out.reserveCapacity(word.utf8.count)
        var needsICU = false
        for scalar in word.unicodeScalars {
            if scalar.value < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).lowercasedASCII)
            } else if let folded = LatinFolding.fold(scalar.value) {
                out += folded
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                needsICU = true
                break
            }
        }
        if !needsICU { return out }
        return transliterate(word).lowercased()
    }

    private func transliterate(_ word: String) -> String {
        if transliterator == nil && !transliteratorFailed {
            var status: Int32 = 0
            let rules = Array(LatinFolding.icuRules.utf16)
            transliterator = rules.withUnsafeBufferPointer {
                cicu_transliterator_open(Self.transliteratorID, $0.baseAddress, Int32($0.count), &status)
            }
            if transliterator == nil { transliteratorFailed = true }
        }
        guard let t = transliterator else { return word }
        var units = Array(word.utf16)
        let capacity = units.count * 4 + 16
        units.append(contentsOf: repeatElement(0, count: capacity - units.count))
        var length = Int32(word.utf16.count)
        let status = units.withUnsafeMutableBufferPointer {
            cicu_transliterate(t, $0.baseAddress, &length, Int32(capacity))
        }
        guard status == 0 else { return word }
        // Letters ICU left alone (e.g. ə) still go through the table.
        let romanised = String(decoding: units[0..<Int(length)], as: UTF16.self)
        var out = ""
        for scalar in romanised.unicodeScalars {
            if scalar.value < 0x80 {
                out.unicodeScalars.append(scalar)
            } else if let folded = LatinFolding.fold(scalar.value) {
                out += folded
            } else if scalar.properties.generalCategory != .nonspacingMark {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (value >= 0x41 && value <= 0x5A) ? Unicode.Scalar(UInt8(value | 0x20)) : self
    }
}
