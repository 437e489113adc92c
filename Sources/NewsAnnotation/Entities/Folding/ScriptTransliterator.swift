import CICU
import Synchronization

/// Romanises words in other scripts (Cyrillic, Greek, Armenian, Georgian, and whatever ICU's "Any-Latin" knows)
/// with the ICU transforms of the `script` rows of `Gazetteers/folding-rules.txt`.
///
/// One per process, behind a lock: ICU transliterators are not thread-safe, and opening one costs milliseconds,
/// so each is opened on the first word that needs it and never for an all-Latin text. Results are cached; the
/// workers' `KeyFolder`s cache again, so the lock is taken once per new word.
enum ScriptTransliterator {
    private struct State: ~Copyable {
        /// One slot per `script` row: nil until its first word.
        var transliterators: [OpaquePointer?]
        var failed: [Bool]
        var cache: [String: String] = [:]
        var opened = 0
        var words = 0

        init(count: Int) {
            transliterators = Array(repeating: nil, count: count)
            failed = Array(repeating: false, count: count)
        }
    }

    private static let state = Mutex(State(count: FoldingRules.embedded.scripts.count))

    /// How many transliterators this process has opened, and how many words it has romanised (for tests and
    /// start-up checks).
    static var counts: (opened: Int, words: Int) { state.withLock { ($0.opened, $0.words) } }

    /// The word in Latin letters, as ICU's transform leaves it (marks and apostrophes included); the word itself
    /// when no transform opens.
    static func romanize(_ word: String) -> String {
        let scripts = FoldingRules.embedded.scripts
        let scalars = word.unicodeScalars.map(\.value)
        guard let row = scripts.firstIndex(where: { script in
            guard let letters = script.letters else { return true }
            return scalars.contains(where: letters.contains)
        }) else { return word }
        return state.withLock { state -> String in
            if let cached = state.cache[word] { return cached }
            if state.transliterators[row] == nil && !state.failed[row] {
                var status: Int32 = 0
                let rules = Array(scripts[row].rules.utf16)
                state.transliterators[row] = rules.withUnsafeBufferPointer {
                    cicu_transliterator_open_rules($0.baseAddress, Int32($0.count), &status)
                }
                if state.transliterators[row] == nil { state.failed[row] = true } else { state.opened += 1 }
            }
            guard let t = state.transliterators[row] else { return word }
            let result = transliterate(t, word) ?? word
            state.words += 1
            if state.cache.count >= 50_000 { state.cache.removeAll(keepingCapacity: true) }
            state.cache[word] = result
            return result
        }
    }

    private static func transliterate(_ t: OpaquePointer, _ word: String) -> String? {
        let source = Array(word.utf16)
        var capacity = source.count * 6 + 16
        for _ in 0..<3 {
            var units = source + [UInt16](repeating: 0, count: capacity - source.count)
            var length = Int32(source.count)
            let status = units.withUnsafeMutableBufferPointer {
                cicu_transliterate(t, $0.baseAddress, &length, Int32(capacity))
            }
            if status == 0 { return String(decoding: units[0..<Int(length)], as: UTF16.self) }
            capacity *= 4
        }
        return nil
    }
}
