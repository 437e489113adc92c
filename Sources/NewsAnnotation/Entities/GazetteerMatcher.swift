/// Finds gazetteer phrases in a document's tokens: leftmost-longest, on token boundaries, with case rules.
///
/// Match semantics (each line is a test in `GazetteerMatcherTests`):
/// - Leftmost-longest: scanning left to right, the longest phrase starting at a token wins, and matching resumes
///   after it. "Republic of Azerbaijan" is one match, not "Azerbaijan" inside it.
/// - Token boundaries only: "Iran" does not match inside "Iranian"; "Chadian" is not "Chad".
/// - Case: a capitalised surface word needs a capitalised or all-caps text word ("YEREVAN" in a dateline matches
///   "Yerevan"; "turkey" does not match "Turkey"); an acronym needs all caps ("WHO", never "Who"); lower-case surface
///   words ("of", "and") match any case.
/// - Diacritics and script do not matter: keys are folded ("Erdogan" matches "Erdoğan").
/// - Ambiguous entries (also common words or names: "Chad", "Jordan", "Georgia", "Victoria") match only where a
///   name of that kind is likely: not at the start of a sentence and not right beside another capitalised word
///   that is not part of the match ("Jordan Henderson", "Michael Jordan" are not the country).
public struct GazetteerMatcher: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public struct Match: Sendable {
        public var firstToken: Int
        public var endToken: Int
        public var entry: Int32
    }

    /// Every match, left to right, non-overlapping.
    public func matches(_ doc: Document, keys: [Int32]) -> [Match] {
        var result: [Match] = []
        let tokens = doc.tokens
        let titleCase = Self.titleCaseSentences(tokens, sentenceCount: doc.sentences.count)
        keys.withUnsafeBufferPointer { keyBuffer in
            var i = 0
            while i < tokens.count {
                guard tokens[i].kind != .punct, tokens[i].isCapitalized || tokens[i].kind == .number else {
                    i += 1
                    continue
                }
                var best: Match?
                gazetteer.entities.matches(keyBuffer, from: i) { length, payloads in
                    for p in payloads where accepts(gazetteer.entries[Int(p)], tokens: tokens, from: i, length: length,
                                                    titleCase: titleCase) {
                        best = Match(firstToken: i, endToken: i + length, entry: p)
                        break
                    }
                }
                if let m = best {
                    result.append(m)
                    i = m.endToken
                } else {
                    i += 1
                }
            }
        }
        return result
    }

    /// Sentences (headlines, mostly) whose words are nearly all capitalised: there, capitals say nothing about
    /// names, so an ambiguous entry is judged by itself.
    static func titleCaseSentences(_ tokens: [Token], sentenceCount: Int) -> [Bool] {
        var words = [Int](repeating: 0, count: max(sentenceCount, 1))
        var capitalised = words
        for token in tokens where token.kind == .word && Int(token.sentence) < words.count {
            words[Int(token.sentence)] += 1
            if token.isCapitalized { capitalised[Int(token.sentence)] += 1 }
        }
        return zip(words, capitalised).map { $0 >= 4 && $1 * 10 >= $0 * 7 }
    }

    func accepts(_ entry: Gazetteer.Entry, tokens: [Token], from start: Int, length: Int, titleCase: [Bool] = []) -> Bool {
        for k in 0..<length {
            let token = tokens[start + k]
            switch entry.caseRules[k] {
            case .any, .exact:
                continue
            case .capitalized:
                if !token.isCapitalized { return false }
            case .upper:
                if !token.flags.contains(.allCaps) { return false }
            }
        }
        if entry.ambiguous {
            let first = tokens[start]
            if Int(first.sentence) < titleCase.count, titleCase[Int(first.sentence)], !first.flags.contains(.sentenceStart) {
                return true
            }
            // At a sentence's start capitals say nothing: a word-like place or person stays out; an organisation
            // that is also a word ("Congress leaders must …", "Shell said") is still most likely the organisation.
            if first.flags.contains(.sentenceStart) && entry.type != .org { return false }
            if entry.type != .org, start > 0, tokens[start - 1].isCapitalized, tokens[start - 1].kind == .word,
               !tokens[start - 1].flags.contains(.sentenceStart) || tokens[start - 1].end + 1 >= first.start {
                return false
            }
            // Beside-a-name only matters for names that could be people's ("Jordan Henderson"); an organisation
            // that is also a word ("Labour", "Shell") may stand before capitalised words ("Labour MPs").
            let end = start + length
            if entry.type != .org, end < tokens.count, tokens[end].isCapitalized, tokens[end].kind == .word,
               !tokens[end].flags.contains(.allCaps), tokens[end].sentence == first.sentence {
                return false
            }
        }
        return true
    }
}
