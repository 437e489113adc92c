/// Folds a word to the key the gazetteer is matched on: lower-case ASCII, diacritics removed, other scripts
/// romanised. "Erdoğan", "ERDOGAN" and "Erdogan" share the key "erdogan"; "Путин" folds to "putin".
///
/// Three paths, cheapest first:
/// - ASCII words: a byte loop, nothing else. An all-ASCII document pays nothing for folding.
/// - Latin words with diacritics: the `LatinFolding` table (a letter's base letter, or its `letter` rule: "ə" → "a",
///   "ß" → "ss"). No ICU transliterator; this is also all the gazetteer's own surfaces need at start-up.
/// - Words in another script: the shared `ScriptTransliterator` (ICU, opened on the first such word), then only
///   letters and digits are kept and the table runs again over what ICU left.
/// Non-ASCII words are cached per folder.
///
/// Not thread-safe (the cache): each worker owns one.
public final class KeyFolder {
    private var cache: [String: String] = [:]
    /// Distinct words this folder sent to the script transliterator.
    public private(set) var scriptWords = 0

    public init() {}

    /// The key of a word given as UTF-8 bytes.
    public func key(_ word: UnsafeBufferPointer<UInt8>) -> String {
        if let ascii = Self.asciiKey(word) { return ascii }
        let original = String(decoding: word, as: UTF8.self)
        if let cached = cache[original] { return cached }
        let (folded, usedScript) = Self.foldNonASCII(original)
        if usedScript { scriptWords += 1 }
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[original] = folded
        return folded
    }

    public func key(_ word: String) -> String {
        var word = word
        return word.withUTF8 { key($0) }
    }

    /// The key of a word with no cache of its own (the script transliterator still caches): for code that cannot
    /// own a folder, such as the shared gazetteer matcher.
    public static func fold(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            asciiKey(bytes) ?? foldNonASCII(String(decoding: bytes, as: UTF8.self)).key
        }
    }

    /// The keys of a word under its `alt` readings, each reading on or off (the plain key left out): "Xankəndi"
    /// → ["xankendi"], "Kəlbəcər" → ["kelbecer", "kalbajar", "kelbejer"], "Đoković" → ["djokovic"]. Empty when
    /// no reading applies; at most 15 keys.
    public static func alternativeFolds(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.contains(where: { $0.value >= 0x80 }) else { return [] }
        let values = Set(scalars.map(\.value))
        let readings = FoldingRules.embedded.alternatives.filter { alt in
            !alt.letters.isDisjoint(with: values) && (alt.onlyWith.map { !$0.isDisjoint(with: values) } ?? true)
        }.prefix(4)
        guard !readings.isEmpty else { return [] }
        var keys: [String] = []
        for mask in 1..<(1 << readings.count) {
            var out = ""
            for scalar in scalars {
                var replaced = false
                for (k, alt) in readings.enumerated() where mask & (1 << k) != 0 && alt.letters.contains(scalar.value) {
                    out += alt.to
                    replaced = true
                    break
                }
                if replaced { continue }
                if scalar.value < 0x80 {
                    out.unicodeScalars.append(scalar.lowercasedASCII)
                } else if let folded = LatinFolding.fold(scalar.value) {
                    out += folded
                } else {
                    return []
                }
            }
            if !keys.contains(out) { keys.append(out) }
        }
        return keys
    }

    @inline(__always)
    static func asciiKey(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        for b in word where b >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: word.count) { out in
            for (i, b) in word.enumerated() { out[i] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
            return word.count
        }
    }

    static func foldNonASCII(_ word: String) -> (key: String, usedScript: Bool) {
        var out = ""
        out.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            if scalar.value < 0x80 {
                out.unicodeScalars.append(scalar.lowercasedASCII)
            } else if let folded = LatinFolding.fold(scalar.value) {
                out += folded
            } else {
                return (romanized(word), true)
            }
        }
        return (out, false)
    }

    /// A word in another script, romanised, then reduced to lower-case letters and digits: the marks the BGN
    /// tables print for soft and hard signs (ʹ ʺ) and separators (·, ˌ) do not belong in a key.
    static func romanized(_ word: String) -> String {
        let latin = ScriptTransliterator.romanize(word)
        var out = ""
        for scalar in latin.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let lower = v | 0x20
                if (v >= 0x30 && v <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                    out.unicodeScalars.append(scalar.lowercasedASCII)
                }
            } else if let folded = LatinFolding.fold(v) {
                if folded != "'" { out += folded }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // A letter no table romanised (Ө before Kazakh rules existed, or a script ICU lacks): kept, so the
                // word still has a key of its own.
                out += String(scalar).lowercased()
            }
        }
        return out.isEmpty ? word.lowercased() : out
    }
}

extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (value >= 0x41 && value <= 0x5A) ? Unicode.Scalar(UInt8(value | 0x20)) : self
    }
}
