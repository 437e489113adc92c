/// What a reported clause is and where it ends: a finite verb of its own (an auxiliary, a known verb form, an
/// -ed word after a noun), "that" after the verb's listener and adverbials, and the end at the sentence's close
/// unless another report takes over.
struct ClauseReader {
    let c: QuoteContext

    private static let clauseStarters: Set<String> = [
        "he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those", "the", "a", "an",
        "its", "his", "her", "their", "our", "my", "your", "some", "no", "all", "both", "any", "every", "each",
        "many", "more", "most", "such", "none", "nothing", "everyone", "everything", "nobody", "someone",
        "something", "one", "only", "when", "once",
    ]
    /// "said whether …", "did not say how …": an embedded question reports nothing.
    private static let questionWords: Set<String> = ["whether", "if", "how", "what", "why", "when", "where", "who", "which"]
    private static let notClauseAfterThat: Set<String> = [
        "day", "time", "week", "month", "year", "morning", "afternoon", "evening", "night", "point", "moment",
        "way", "one", ".", ",",
    ]

    func sentenceEnd(_ sentence: Range<Int>) -> Int {
        var end = sentence.upperBound
        while end > sentence.lowerBound, c.isPunct(end - 1, [.period, .exclamation, .question, .colon, .semicolon, .ellipsis]) { end -= 1 }
        return end
    }

    /// "that" after the verb's listener and adverbials ("stated in his speech that", "said, however, that").
    func findThat(from j: Int, limit: Int, afterObject: Bool) -> Int? {
        // Without a listener in between, what stands before "that" must be adverbial ("in his speech", "on
        // Monday", ", however,"); after a noun ("voiced readiness … that") "that" starts a relative clause.
        if !afterObject, j < limit, !c.is(j, "that"), !c.isPunct(j, [.comma]),
           !(c.isWord(j) && (c.has(j, .preposition) || c.has(j, .adverb)
                             || c.words[j].hasSuffix("ly"))) {
            return nil
        }
        var k = j
        while k < limit, k - j <= 12 {
            if c.is(k, "that") {
                guard k + 2 < limit || k + 1 < limit && c.isWord(k + 1),
                      !ClauseReader.notClauseAfterThat.contains(c.word(k + 1)) else { return nil }
                return k
            }
            if QuoteMarks.isMark(k, c) || c.isPunct(k, [.period, .semicolon, .colon, .exclamation, .question]) { return nil }
            if c.isWord(k), isFinite(k) || SpeechVerbs.cue(at: k, in: c) != nil { return nil }
            k += 1
        }
        return nil
    }

    /// A clause right after the verb, without "that": "said the talks failed", "said markets were pricing in".
    func bareClause(at j: Int, end: Int) -> Bool {
        if startsClause(j) { return hasFiniteVerb(j..<min(end, j + 16)) }
        // A bare plural subject: its verb must come within a few words, with no comma before it.
        guard c.isLower(j), !c.has(j, .preposition), !c.has(j, .adverb),
              !ClauseReader.questionWords.contains(c.words[j]),
              !c.words[j].hasSuffix("ly"), c.words[j] != "to" else { return false }
        var k = j + 1
        while k < min(end, j + 5), c.isWord(k) {
            if isFinite(k) { return true }
            k += 1
        }
        return false
    }

    func startsClause(_ j: Int) -> Bool {
        guard j < c.count, c.tokens[j].kind != .punct || QuoteMarks.isMark(j, c) else { return false }
        let w = c.words[j]
        if c.has(j, .preposition) || w == "to" { return false }
        return ClauseReader.clauseStarters.contains(w) || c.tokens[j].isCapitalized || c.tokens[j].kind == .number
            || QuoteMarks.isMark(j, c)
    }

    /// Whether a word is (very likely) a finite verb: an auxiliary, a known verb form, or an -ed word after a
    /// noun-like word ("the Group failed") rather than after a determiner ("its failed mediation").
    func isFinite(_ k: Int) -> Bool {
        if c.has(k, [.irregularVerb, .auxiliary]) && !c.isApostropheS(k) {
            return true
        }
        // Cheap tests first: most words are not lower-case words ending in "d".
        guard c.tokens[k].flags.contains(.lowercase), c.mayEnd(k, UInt8(ascii: "d")) else { return false }
        let w = c.words[k]
        guard w.count > 4, w.hasSuffix("ed"), k > 0, c.isWord(k - 1) else {
            return false
        }
        let before = c.words[k - 1]
        if c.has(k - 1, [.definite, .indefinite, .preposition]) || before == "and" || before == "or" || before == "-"
            || before.hasSuffix("ly") || before == "newly" || before == "so" {
            return false
        }
        return true
    }

    func hasFiniteVerb(_ range: Range<Int>) -> Bool {
        range.contains { c.isWord($0) && isFinite($0) }
    }

    func isVerbAfter(_ k: Int, limit: Int) -> Bool {
        var k = k
        while k < limit, c.has(k, .adverb) { k += 1 }
        guard k < limit, c.isWord(k) else { return false }
        return isFinite(k) || SpeechVerbs.cue(at: k, in: c) != nil
            || (c.tokens[k].flags.contains(.lowercase) && (c.words[k].hasSuffix("ed") || c.words[k].hasSuffix("s")))
    }

    /// The reported clause runs to the sentence's end, unless another report of the same speaker takes over
    /// (", adding that …", "and added that …") or a quotation follows a colon.
    func clauseEnd(from first: Int, end: Int) -> Int {
        var k = first + 1
        var seenVerb = false
        while k < end {
            if c.isWord(k) && isFinite(k) { seenVerb = true }
            // A contrast or another actor's clause closes the report: "… in Japan though he dismissed …",
            // "… the next president, yet another …", "… Budget, as Labour MPs warned …".
            if seenVerb, c.mayStart(k, UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "w")),
               c.is(k, "though") || c.is(k, "although") || c.is(k, "whereas") {
                return k
            }
            if seenVerb, c.isPunct(k, [.comma]), k + 1 < end,
               ["while", "yet", "whereas", "although", "though", "but", "amid"].contains(where: { c.is(k + 1, $0) }) {
                return k
            }
            // ", as Labour MPs warned": "as" with a subject of its own; not ", as well as" or ", as acknowledged by".
            if seenVerb, c.isPunct(k, [.comma]), k + 2 < end, c.is(k + 1, "as"),
               c.tokens[k + 2].isCapitalized && c.isWord(k + 2)
                || ["the", "a", "an", "his", "her", "their", "its", "some", "many", "other", "several"].contains(where: { c.is(k + 2, $0) }) {
                return k
            }
            if c.isPunct(k, [.comma, .dash])
                || c.mayStart(k, UInt8(ascii: "a"), UInt8(ascii: "w")) && (c.is(k, "and") || c.is(k, "while")) {
                var v = k + 1
                if c.is(v, "and") || c.is(v, "while") { v += 1 }
                if let cue = SpeechVerbs.cue(at: v, in: c), cue.verb.reports, c.is(cue.end, "that") { return k }
            }
            if c.isPunct(k, [.colon]), k + 1 < end, QuoteMarks.isMark(k + 1, c) { return k }
            k += 1
        }
        return end
    }

    /// For "As X said, CLAUSE, …": the clause ends at the first comma once it has its verb.
    func firstClauseEnd(from first: Int, end: Int) -> Int {
        var seenVerb = false
        for k in first..<end {
            if c.isWord(k) && isFinite(k) { seenVerb = true }
            if seenVerb && c.isPunct(k, [.comma]) { return k }
        }
        return end
    }
}
