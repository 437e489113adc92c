import CGazetteerData
import Dispatch

/// Common lower-case English words (the lexicon's class `word`: SCOWL-50 words with wordfreq Zipf ≥ 3.0). A
/// capitalised word that is not one of them reads as a name ("Bundaberg", "Jadeja"); one that is ("Read", "Bird")
/// needs other evidence.
enum EnglishWords {
    static let all: Set<String> = {
        if let image = GazetteerImage.embedded, let words = image.strings(.englishWords) {
            return Set(words)
        }
        return words(inLexicon: UnsafeBufferPointer(start: gazetteer_lexicon_bytes(), count: gazetteer_lexicon_length()))
    }()

    /// The `word` rows of a lexicon table.
    static func words(inLexicon bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var words = Set<String>()
        words.reserveCapacity(24_000)
        var lineStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            defer { lineStart = i + 1 }
            // "word\tword\t": the word, then the class.
            guard i - lineStart > 6, bytes[i - 1] == 0x09 else { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<i])
            guard let tab = line.firstIndex(of: 0x09), line.count - tab == 6,
                  line[tab + 1] == UInt8(ascii: "w"), line[tab + 2] == UInt8(ascii: "o"),
                  line[tab + 3] == UInt8(ascii: "r"), line[tab + 4] == UInt8(ascii: "d") else { continue }
            words.insert(String(decoding: UnsafeBufferPointer(rebasing: line[line.startIndex..<tab]), as: UTF8.self))
        }
        return words
    }

    static func contains(_ key: String) -> Bool { all.contains(key) }

    /// Builds the set on another core while the gazetteer is built: start-up is wall-clock time.
    static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { _ = all.count }
    }
}
