import CICU

/// Sentences stage. Takes the normalized text; gives paragraphs and sentences.
///
/// Sentence boundaries are ICU's for `en@ss=standard` (which keeps "Mr. Aliyev" whole), computed by our own
/// breaker in CICU (cicu_sentence_breaker.h), which scans the UTF-8 in place at a fraction of the cost of ICU's
/// iterator and gives the same boundaries (SentenceBreakerEquivalenceTests). Every line break also ends a sentence
/// there, so a headline line without final punctuation is a sentence of its own. On top, a
/// break right after a title abbreviation that ICU's list lacks ("Gen.", "Sen.", "Gov.") is undone when a
/// capitalised word follows on the same line.
///
/// A sentence is at most `maximumBytes` long: a longer run with no sentence end (a table, a list without full
/// stops, text that is no prose) is cut at the last space before the limit. News sentences are a fraction of it;
/// the cap keeps every later stage's per-sentence work bounded, so time stays linear in any document's size.
///
/// Owns a breaker with a per-instance cache, so it is not thread-safe: each worker makes its own.
public final class SentenceSplitter {
    public static let maximumBytes = 4_096

    private let breaker: OpaquePointer

    public static let locale = "en@ss=standard"

    /// Abbreviations, without their final period, after which a capitalised word continues the sentence.
    /// Each is packed into a UInt64 (`packed`) and the list sorted, so a look-up is a binary search over integers
    /// with no array or hash made per candidate.
    static let titleAbbreviations: [UInt64] = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cpt", "Maj", "Sgt", "Cmdr", "Adm", "Brig",
        "Gov", "Sen", "Rep", "Rev", "Hon", "Amb", "Pres", "Supt", "Insp", "St", "Mt", "Ft", "No", "Nos", "Art",
        "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mme", "Mlle", "Messrs", "Fr",
        "Jr", "Sr", "vs", "Vs", "approx", "Inc", "Corp", "Co", "Ltd", "Bros",
    ].map { (word: String) in Array(word.utf8).withUnsafeBufferPointer { packed($0[...]) } }.sorted()

    /// Up to eight bytes as one integer, first byte lowest; distinct for distinct byte strings of 1–8 letters.
    @inline(__always)
    static func packed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for b in bytes {
            key |= UInt64(b) << shift
            shift += 8
        }
        return key
    }

    static func isTitleAbbreviation(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard bytes.count <= 8 else { return false }
        let key = packed(bytes)
        return titleAbbreviations.withUnsafeBufferPointer { list in
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if list[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < list.count && list[lo] == key
        }
    }

    public init() throws {
        var status: Int32 = 0
        guard let b = cicu_sentence_breaker_open(Self.locale, &status) else {
            throw InputError("could not open a sentence breaker for \(Self.locale) (ICU error \(status)); is libicu installed?")
        }
        breaker = b
    }

    deinit {
        cicu_sentence_breaker_close(breaker)
    }

    public func process(_ doc: inout Document) {
        doc.text.withUnsafeBufferPointer { text in
            doc.paragraphs = ParagraphSplitter.paragraphs(text)
            doc.sentences = Self.bounded(sentences(text), text)
        }
    }

    /// The sentences with every one longer than `maximumBytes` cut into pieces at spaces (at the limit itself when a
    /// piece has no space, moved back to a UTF-8 scalar boundary).
    static func bounded(_ sentences: [TextRange], _ text: UnsafeBufferPointer<UInt8>) -> [TextRange] {
        guard sentences.contains(where: { $0.length > maximumBytes }) else { return sentences }
        var result: [TextRange] = []
        result.reserveCapacity(sentences.count + 8)
        for sentence in sentences {
            var start = Int(sentence.start)
            let end = Int(sentence.end)
            while end - start > maximumBytes {
                var cut = start + maximumBytes
                while cut > start, text[cut] != 0x20 { cut -= 1 }
                if cut == start {
                    cut = start + maximumBytes
                    while text[cut] & 0xC0 == 0x80 { cut -= 1 }
                }
                var pieceEnd = cut
                while pieceEnd > start, text[pieceEnd - 1] == 0x20 { pieceEnd -= 1 }
                if pieceEnd > start { result.append(TextRange(start, pieceEnd)) }
                start = cut
                while start < end, text[start] == 0x20 { start += 1 }
            }
            if start < end { result.append(TextRange(start, end)) }
        }
        return result
    }

    func sentences(_ text: UnsafeBufferPointer<UInt8>) -> [TextRange] {
        var result: [TextRange] = []
        guard text.count > 0 else { return result }
        guard cicu_sentence_breaker_set_text(breaker, text.baseAddress, Int64(text.count)) == 0 else {
            // The breaker refused the text: fall back to lines, which still bound every sentence.
            return lines(text)
        }
        var start = 0
        var pendingStart = -1  // a sentence held back because it may continue (title abbreviation)
        while true {
            let next = cicu_sentence_breaker_next(breaker)
            if next < 0 { break }
            let end = Int(next)
            var range = trim(text, start, end)
            start = end
            guard !range.isEmpty else { continue }
            if pendingStart >= 0 {
                range = TextRange(Int32(pendingStart), range.end)
                pendingStart = -1
            }
            if endsWithTitleAbbreviation(text, range), end < text.count, continuesOnSameLine(text, end) {
                pendingStart = Int(range.start)
                continue
            }
            result.append(range)
        }
        if pendingStart >= 0 {
            let range = trim(text, pendingStart, text.count)
            if !range.isEmpty { result.append(range) }
        }
        return result
    }

    private func lines(_ text: UnsafeBufferPointer<UInt8>) -> [TextRange] {
        var result: [TextRange] = []
        var start = 0
        for i in 0...text.count where i == text.count || text[i] == 0x0A {
            let range = trim(text, start, i)
            if !range.isEmpty { result.append(range) }
            start = i + 1
        }
        return result
    }

    private func trim(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TextRange {
        var s = start, e = end
        while s < e, isSpace(text[s]) { s += 1 }
        while e > s, isSpace(text[e - 1]) { e -= 1 }
        return TextRange(s, e)
    }

    @inline(__always) private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 }

    private func endsWithTitleAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        let e = Int(range.end)
        guard e >= 2, text[e - 1] == UInt8(ascii: ".") else { return false }
        var s = e - 1
        while s > Int(range.start), isASCIILetter(text[s - 1]) { s -= 1 }
        guard s < e - 1 else { return false }
        if s > Int(range.start) {
            let before = text[s - 1]
            // A chain of initials ("J.D.") ends in an initial too.
            let chainedInitial = before == UInt8(ascii: ".") && e - 1 - s == 1
            guard before == 0x20 || before == UInt8(ascii: "(") || before == 0x0A || chainedInitial else { return false }
        }
        // A one-letter initial ("Joseph R. Biden") or a title abbreviation.
        if e - 1 - s == 1 && text[s] >= 0x41 && text[s] <= 0x5A { return true }
        return Self.isTitleAbbreviation(text[s..<(e - 1)])
    }

    /// Whether the text after `offset` goes on, on the same line, with a capitalised word or a number.
    private func continuesOnSameLine(_ text: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        var i = offset
        while i < text.count, text[i] == 0x20 { i += 1 }
        guard i < text.count, i > offset || offset > 0 && text[offset - 1] == 0x20 else { return false }
        let c = text[i]
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
    }

    @inline(__always) private func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
}
