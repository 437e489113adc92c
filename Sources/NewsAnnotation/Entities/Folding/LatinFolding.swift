import CICU

/// How a non-ASCII Latin letter folds into the ASCII key the gazetteer is matched on.
///
/// A letter with a canonical decomposition folds to its base letter, lower-cased: exactly what stripping its
/// marks leaves ("é" → "e", "Ş" → "s", "İ" → "i", "ő" → "o", "ḩ" → "h"). So a text and its mark-stripped copy
/// (NFD, drop the marks, NFC) always get the same keys. Letters with no decomposition follow the `letter` rows of
/// `Gazetteers/folding-rules.txt` (ə → a, ı → i, ł → l, ß → ss, ø → o, đ → d, ...). Combining marks fold to
/// nothing.
///
/// The table covers Latin-1, Latin Extended-A and -B, IPA letters that have a rule, Latin Extended Additional
/// (Vietnamese), Latin Extended-C and -D. It is built once, on first use, from ICU's decomposition data (which
/// the normalizer loads anyway): no transliterator is opened, so folding the gazetteer's surfaces at start-up
/// stays cheap.
public enum LatinFolding {
    /// The key of one non-ASCII scalar: lower-case ASCII, "" for a combining mark, nil for a scalar the table does
    /// not hold (another script, a rare Latin letter, a symbol).
    @inline(__always)
    public static func fold(_ scalar: UInt32) -> String? { table[scalar] }

    /// Whether a word needs no transform beyond the table: every scalar ASCII or in the table.
    public static func coversAll(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { $0.value < 0x80 || table[$0.value] != nil }
    }

    static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        table.reserveCapacity(1_600)
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF]
        for range in ranges {
            for value in range {
                if let base = baseLetter(value) { table[value] = base }
            }
        }
        // Combining marks: nothing (the normalizer composes what it can; the rest is dropped here).
        let marks: [ClosedRange<UInt32>] = [0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF,
                                            0xFE20...0xFE2F]
        for range in marks {
            for value in range { table[value] = "" }
        }
        for (value, key) in FoldingRules.embedded.letters { table[value] = asciiLowercased(key) }
        return table
    }()

    /// The lower-case ASCII base letter of a scalar whose canonical decomposition is an ASCII letter followed by
    /// combining marks; nil otherwise.
    static func baseLetter(_ value: UInt32) -> String? {
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let units = Array(String(scalar).utf16)
        var decomposed = [UInt16](repeating: 0, count: 16)
        let written = units.withUnsafeBufferPointer { source in
            decomposed.withUnsafeMutableBufferPointer { dest in
                cicu_nfd(source.baseAddress, Int32(source.count), dest.baseAddress, Int32(dest.count))
            }
        }
        guard written >= 2, decomposed[0] < 0x80 else { return nil }
        let first = UInt8(decomposed[0]) | 0x20
        guard first >= 0x61, first <= 0x7A else { return nil }
        for unit in decomposed[1..<Int(written)] {
            guard let mark = Unicode.Scalar(unit), mark.properties.canonicalCombiningClass.rawValue != 0 else {
                return nil
            }
        }
        return String(Unicode.Scalar(first))
    }

    static func asciiLowercased(_ s: String) -> String {
        String(decoding: s.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
