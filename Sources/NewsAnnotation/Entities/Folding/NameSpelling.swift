/// The canonical spelling of a name no gazetteer knows: its letters folded to ASCII, case kept.
///
/// A gazetteer name has one spelling whatever the text printed ("Erdogan" → "Recep Tayyip Erdoğan"). A name the
/// rules found has only the text's spelling, and one article prints "Castañeda" where another prints "Castaneda".
/// Users count mentions by `name`, so the spelling every variant shares is the canonical one: "Dilek İmamoğlu" and
/// "Dilek Imamoglu" both become "Dilek Imamoglu", "Łódź" becomes "Lodz", "Kılıçdaroğlu" "Kilicdaroglu". Letters
/// fold as `LatinFolding` folds them for keys (so a text and its mark-stripped copy agree); an upper-case letter
/// stays upper-case ("Ø" → "O", "ẞ" → "SS"). A word in another script is romanised first ("Путин" → "Putin").
public enum NameSpelling {
    /// The name itself when it is all ASCII, which is nearly always.
    public static func ascii(_ name: String) -> String { fold(name, romanised: false) }

    /// Whether a string is all ASCII, read from its bytes in place (the UTF-8 view's iterator costs several times
    /// more, and every entity of every document is asked).
    public static func isASCII(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in !bytes.contains(where: { $0 >= 0x80 }) }
    }

    private static func fold(_ name: String, romanised: Bool) -> String {
        guard !isASCII(name) else { return name }
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar.value < 0x80 {
                out.append(scalar)
            } else if let folded = LatinFolding.fold(scalar.value) {
                // The table holds keys, lower-case: an upper-case letter gets its case back.
                let upper = scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
                let letters = upper ? (folded.count == 1 ? folded.uppercased() : capitalizedKey(folded, whole: name))
                                    : folded
                out.append(contentsOf: letters.unicodeScalars)
            } else if scalar.properties.generalCategory == .spaceSeparator {
                out.append(" ")
            } else if scalar.properties.isAlphabetic && !romanised {
                // Another script: romanise the whole name once and fold what ICU left.
                return fold(ScriptTransliterator.romanize(name), romanised: true)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A multi-letter fold of an upper-case letter: all capitals inside an all-capitals name ("STRASSE"), else only
    /// the first ("Æsir" → "Aesir").
    private static func capitalizedKey(_ folded: String, whole name: String) -> String {
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count > 1, letters.allSatisfy({ $0.properties.isUppercase }) { return folded.uppercased() }
        return folded.prefix(1).uppercased() + folded.dropFirst()
    }
}
