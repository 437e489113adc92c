/// Finds who a speech cue belongs to: the subject before the verb ("Aliyev said"), the name after it ("said
/// Smith"), or the subject of the sentence when the verb hangs off it ("…, noting that"; "In this regard, the
/// minister …, stressed").
struct SpeakerFinder {
    let c: QuoteContext
    let parser: MentionParser

    init(_ c: QuoteContext) {
        self.c = c
        parser = MentionParser(c: c)
    }

    private func isComma(_ i: Int) -> Bool { c.tokens[i].kind == .punct && c.words[i] == "," }

    /// The subject of the verb at `v`. Skips auxiliaries and adverbs ("has also said") and asides set off by
    /// commas ("Smith, who …, said"; "the President of France, in a telephone conversation, promised").
    func subject(before v: Int, from sentenceStart: Int) -> Mention? {
        var e = v
        while e - 1 >= sentenceStart, c.isWord(e - 1),
              c.has(e - 1, .adverb) || c.has(e - 1, .auxiliary) {
            e -= 1
        }
        var appositive: Mention?
        for _ in 0..<3 {
            if var m = parser.parse(endingAt: e, lowerBound: sentenceStart) {
                // "An official in Washington": the place is a modifier; the speaker is the phrase it hangs on.
                let before = m.phraseFirst - 1
                if before > sentenceStart, c.isWord(before), ["in", "of", "at", "from", "for", "with"].contains(c.words[before]),
                   let head = parser.parse(endingAt: before, lowerBound: sentenceStart), !head.isPlace {
                    m = head
                }
                if let appositive, m.isPlace || (appositive.kind.isName && !m.kind.isName) { return appositive }
                return m
            }
            guard e - 1 > sentenceStart, isComma(e - 1) else { break }
            var p = e - 2
            while p >= sentenceStart, !isComma(p) {
                if c.tokens[p].kind == .punct, QuoteMarks.isMark(p, c) || c.words[p] == ":" || c.words[p] == ";" {
                    return appositive
                }
                p -= 1
            }
            guard p > sentenceStart else { break }
            let asideStart = p + 1
            let aside = c.words[asideStart]
            if let m = parser.parse(from: asideStart, limit: e - 1), m.phraseEnd == e - 1, !m.isPronoun {
                appositive = appositive ?? m
            } else if !(c.has(asideStart, .aside) || c.tokens[asideStart].kind == .number
                        || aside.hasSuffix("ing") || aside.hasSuffix("ly") || e - 1 - asideStart <= 4) {
                // A short aside ("R-Ohio", "45", "a Democrat") is almost always about the subject before it.
                break
            }
            e = p
        }
        return appositive
    }

    /// The speaker named right after the verb: "said Smith", "added the minister".
    func speaker(after verbEnd: Int, limit: Int) -> Mention? {
        guard verbEnd < limit else { return nil }
        return parser.parse(from: verbEnd, limit: limit)
    }

    /// The subject of a sentence, past an opening adverbial or dateline ("In this regard,", "On April 14, 2023,",
    /// "LONDON, March 3 (Reuters) -"): the first speaker phrase, at the start or after a comma, dash or bracket,
    /// that a verb follows.
    func sentenceSubject(_ sentence: Range<Int>, before limit: Int) -> Mention? {
        var s = sentence.lowerBound
        // A quotation that opens the sentence is not its subject ("‘It was a miracle’: survivors recall …").
        if let open = QuoteMarks.mark(s, c), open != .closeDouble, open != .closeSingle,
           let close = (s + 1..<limit).first(where: { k in
               guard let m = QuoteMarks.mark(k, c) else { return false }
               return m == .closeDouble || m == .closeSingle || m == open
           }) {
            s = close + 1
        }
        while s < limit, c.tokens[s].kind == .punct { s += 1 }
        var tries = 0
        while s < limit, tries < 6 {
            if let m = parser.parse(from: s, limit: limit), !m.isPlace, m.phraseEnd < limit {
                var k = m.phraseEnd
                while k < limit, c.has(k, .adverb) || c.has(k, .auxiliary) {
                    k += 1
                }
                if c.isLower(k) || c.isPunct(k, [.comma]) || k == limit { return m }
            }
            tries += 1
            var p = s + 1
            while p < limit, !(c.isPunct(p, [.comma, .closeParen]) || (c.isPunct(p, [.dash]) && !c.glued(p))) { p += 1 }
            s = p + 1
            while s < limit, c.tokens[s].kind == .punct { s += 1 }
        }
        return nil
    }

    /// Who says what the cue reports: before the verb, else after it, else (participles) the sentence's subject.
    func speaker(of cue: SpeechVerbs.Cue, sentence: Range<Int>, limit: Int) -> Mention? {
        if cue.according {
            return parser.parse(from: cue.end, limit: limit)
        }
        if cue.form == .gerund {
            return sentenceSubject(sentence, before: cue.first)
        }
        // "was described as", "has been praised for": the subject is who was spoken of; the speaker, if any, is
        // the agent after "by".
        if c.has(cue.first - 1, .auxiliary), ["was", "were", "is", "are", "been", "being", "be"].contains(c.words[cue.first - 1]),
           c.words[cue.first].hasSuffix("ed") {
            var k = cue.end
            while k < min(limit, cue.end + 4), !c.is(k, "by") { k += 1 }
            return c.is(k, "by") ? parser.parse(from: k + 1, limit: limit) : nil
        }
        if let m = subject(before: cue.first, from: sentence.lowerBound) { return m }
        // "…, said Smith." — only a phrase that ends the clause; "said Smith would go" has Smith in the report.
        if let m = speaker(after: cue.end, limit: limit), !m.isPronoun, !m.isPlace,
           m.phraseEnd >= limit || c.tokens[m.phraseEnd].kind == .punct {
            return m
        }
        return sentenceSubject(sentence, before: cue.first)
    }
}
