/// Reported speech without quotation marks. The span is the reported clause, which must have a finite verb of its
/// own ("urged them to leave" reports no clause):
///
///     X said / stated / told Y (that) CLAUSE.        CLAUSE, X said.        CLAUSE, said X.
///     According to X, CLAUSE.     CLAUSE, according to X.     As X said, CLAUSE, …
///     Stating that CLAUSE, X …    X …, noting that CLAUSE.    It was stated that CLAUSE.
///     Headline CLAUSE: UN          Headline CLAUSE, study says
struct IndirectQuoteFinder {
    let c: QuoteContext
    let finder: SpeakerFinder
    let clauses: ClauseReader

    init(c: QuoteContext, finder: SpeakerFinder) {
        self.c = c
        self.finder = finder
        clauses = ClauseReader(c: c)
    }

    private static let objects: Set<String> = ["me", "him", "her", "us", "them", "you", "it", "everyone", "reporters",
                                               "journalists", "lawmakers", "parliament", "listeners", "viewers"]

    func find(into quotes: inout [FoundQuote]) {
        let directs = quotes.filter { $0.kind == .direct }.sorted { $0.first < $1.first }
        var found: [FoundQuote] = []
        // The furthest end among found[0...k]: a search back for an overlap stops where nothing earlier reaches.
        var reach: [Int] = []
        func keep(_ q: FoundQuote) {
            found.append(q)
            reach.append(max(reach.last ?? Int.min, q.end))
        }
        for sentence in c.sentences {
            // Reports found before this sentence have their cues before it: a participle's search for the report
            // of its own sentence starts here.
            let sentenceFound = found.count
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                guard c.isWord(i), let cue = SpeechVerbs.cue(at: i, in: c) else {
                    i += 1
                    continue
                }
                if var q = report(cue, in: sentence, found: found[sentenceFound...]) {
                    trim(&q)
                    // Reports are found in text order: only the last few can overlap this one.
                    if q.first < q.end, !found.suffix(16).contains(where: { overlap($0, q) >= 0.5 }),
                       coverage(q, by: directs) < 0.8 {
                        keep(q)
                    }
                }
                i = cue.end
            }
            if let q = headlineSource(sentence), !overlapsFound(q, found, reach: reach) {
                keep(q)
            }
        }
        quotes += found
    }

    // MARK: - Patterns

    /// Whether a report found already covers half of `q` or more (by their union).
    private func overlapsFound(_ q: FoundQuote, _ found: [FoundQuote], reach: [Int]) -> Bool {
        var k = found.count - 1
        while k >= 0, reach[k] > q.first {
            if overlap(found[k], q) >= 0.5 { return true }
            k -= 1
        }
        return false
    }

    private func report(_ cue: SpeechVerbs.Cue, in sentence: Range<Int>, found: ArraySlice<FoundQuote>) -> FoundQuote? {
        let cueRange = cue.first..<cue.end
        // "Having said that, …": "that" is the verb's object and the comma closes it; nothing is reported.
        // ("Stating that, given …, the rival …" does report: only the "having said that" idiom is excluded.)
        if c.is(cue.first - 1, "having"), c.is(cue.end, "that"), c.isPunct(cue.end + 1, [.comma, .period]) { return nil }
        let end = clauses.sentenceEnd(sentence)
        if cue.according {
            return according(cue, sentence: sentence, end: end)
        }
        if let passive = SpeechVerbs.passive(at: cue.first, in: c) {
            guard let that = clauses.findThat(from: passive.end, limit: end, afterObject: true) else { return nil }
            var q = FoundQuote(first: that + 1, end: clauses.clauseEnd(from: that + 1, end: end), kind: .indirect,
                               cue: cueRange)
            q.passive = true
            return q
        }
        guard cue.verb.reports else { return nil }
        // Asked once: attributing a quotation and reporting a clause both want the verb's subject.
        let subject = finder.subject(before: cue.first, from: sentence.lowerBound)
        // "“…,” said Smith" / "“…,” Smith said": the verb attributes the quotation before it.
        if attributesQuote(cue, subject: subject, sentence: sentence) { return nil }
        // "has not said whether", "never claimed that": no report.
        if isNegated(cue.first, sentence: sentence) { return nil }
        // "would like to say that", "is expected to announce that": nothing has been said yet.
        if cue.form == .base, c.is(cue.first - 1, "to") { return nil }
        if cue.form == .gerund {
            return participle(cue, sentence: sentence, end: end, found: found)
        }
        if let p = subject?.pronoun, p == .first || p == .firstPlural { return nil }
        // "As you have said, CLAUSE, …"
        // (Mid-sentence, "as they say" is an aside, not a source.)
        if let subject, subject.phraseFirst - 1 == sentence.lowerBound, c.is(subject.phraseFirst - 1, "as"),
           c.isPunct(cue.end, [.comma]) {
            let first = cue.end + 1
            return FoundQuote(first: first, end: clauses.firstClauseEnd(from: first, end: end), kind: .indirect,
                              speaker: subject, cue: cueRange)
        }
        var j = cue.end
        if cue.verb.object { j = skipObject(j, limit: end) }
        if let that = clauses.findThat(from: j, limit: end, afterObject: cue.verb.object) {
            let speaker = subject ?? finder.speaker(of: cue, sentence: sentence, limit: cue.first)
            if let p = speaker?.pronoun, p == .first || p == .firstPlural { return nil }
            return FoundQuote(first: that + 1, end: clauses.clauseEnd(from: that + 1, end: end), kind: .indirect,
                              speaker: speaker, cue: cueRange)
        }
        if cue.verb.bareClause, clauses.bareClause(at: j, end: end) {
            let speaker = subject ?? finder.speaker(of: cue, sentence: sentence, limit: cue.first)
            if let p = speaker?.pronoun, p == .first || p == .firstPlural { return nil }
            return FoundQuote(first: j, end: clauses.clauseEnd(from: j, end: end), kind: .indirect, speaker: speaker,
                              cue: cueRange)
        }
        // CLAUSE, X said [to Y] [in a statement].   CLAUSE, said X.
        guard end - j <= 14, !clauses.hasFiniteVerb(j..<end), !(j..<end).contains(where: { QuoteMarks.isMark($0, c) })
        else { return nil }
        if let subject, c.isPunct(subject.phraseFirst - 1, [.comma]), subject.phraseFirst - 1 > sentence.lowerBound {
            let clause = sentence.lowerBound..<(subject.phraseFirst - 1)
            guard clauses.hasFiniteVerb(clause) else { return nil }
            return FoundQuote(first: clause.lowerBound, end: clause.upperBound, kind: .indirect, speaker: subject,
                              cue: cueRange)
        }
        if subject == nil, c.isPunct(cue.first - 1, [.comma]), cue.first - 1 > sentence.lowerBound,
           let after = finder.speaker(after: cue.end, limit: end), !after.isPronoun {
            let clause = sentence.lowerBound..<(cue.first - 1)
            guard clauses.hasFiniteVerb(clause) else { return nil }
            return FoundQuote(first: clause.lowerBound, end: clause.upperBound, kind: .indirect, speaker: after,
                              cue: cueRange)
        }
        return nil
    }

    /// "According to X, CLAUSE" and "CLAUSE, according to X".
    private func according(_ cue: SpeechVerbs.Cue, sentence: Range<Int>, end: Int) -> FoundQuote? {
        // "according to people familiar with the matter": a source with no name is still a source.
        let source = finder.parser.parse(from: cue.end, limit: end)
        let sourceEnd = source?.phraseEnd ?? cue.end
        var k = sourceEnd
        while k < end, k - sourceEnd < 10, !c.isPunct(k, [.comma]) { k += 1 }
        let cueRange = cue.first..<cue.end
        if cue.first == sentence.lowerBound || c.isPunct(cue.first - 1, [.dash]) {
            guard k < end, clauses.hasFiniteVerb((k + 1)..<end) else { return nil }
            return FoundQuote(first: k + 1, end: clauses.clauseEnd(from: k + 1, end: end), kind: .indirect, speaker: source,
                              cue: cueRange)
        }
        guard c.isPunct(cue.first - 1, [.comma]) else { return nil }
        let clause = sentence.lowerBound..<(cue.first - 1)
        guard !clause.isEmpty, clauses.hasFiniteVerb(clause) else { return nil }
        let clauseEnd = k < end - 1 ? end : clause.upperBound
        return FoundQuote(first: clause.lowerBound, end: clauseEnd, kind: .indirect, speaker: source, cue: cueRange)
    }

    /// "Stating that CLAUSE, the minister …" and "…, noting that CLAUSE".
    private func participle(_ cue: SpeechVerbs.Cue, sentence: Range<Int>, end: Int,
                            found: ArraySlice<FoundQuote>) -> FoundQuote? {
        var j = cue.end
        if cue.verb.object { j = skipObject(j, limit: end) }
        let cueRange = cue.first..<cue.end
        if !c.is(j, "that") {
            // "…, saying inflation was falling": a bare clause after a trailing participle.
            guard cue.verb.bareClause, cue.first > sentence.lowerBound, c.isPunct(cue.first - 1, [.comma]),
                  clauses.bareClause(at: j, end: end) else { return nil }
            let speaker = finder.sentenceSubject(sentence, before: cue.first)
            if let p = speaker?.pronoun, p == .first || p == .firstPlural { return nil }
            return FoundQuote(first: j, end: clauses.clauseEnd(from: j, end: end), kind: .indirect, speaker: speaker,
                              cue: cueRange)
        }
        guard j + 2 < end else { return nil }
        // Fronted: nothing before the participle but a connective ("However, stressing that …").
        let fronted = (sentence.lowerBound..<cue.first).count <= 3
            && (sentence.lowerBound..<cue.first).allSatisfy { k in
                c.tokens[k].kind == .punct || c.has(k, .functionWord)
                    || c.has(k, .adverb) || c.words[k].hasSuffix("ly")
            }
        if fronted {
            // The clause ends at the comma after which the speaker and their verb come.
            var k = end - 1
            while k > j + 1 {
                if c.isPunct(k, [.comma]), let m = finder.parser.parse(from: k + 1, limit: end), !m.isPlace,
                   clauses.isVerbAfter(m.phraseEnd, limit: end) {
                    return FoundQuote(first: j + 1, end: k, kind: .indirect, speaker: m, cue: cueRange)
                }
                k -= 1
            }
            return nil
        }
        // The speaker is the main clause's: a reporting verb earlier in the sentence, or its subject.
        let earlier = found.last { q in
            guard let qc = q.cue else { return false }
            return sentence.contains(qc.lowerBound) && qc.lowerBound < cue.first
        }
        let speaker = earlier?.speaker ?? finder.sentenceSubject(sentence, before: cue.first)
        if let p = speaker?.pronoun, p == .first || p == .firstPlural { return nil }
        return FoundQuote(first: j + 1, end: clauses.clauseEnd(from: j + 1, end: end), kind: .indirect, speaker: speaker,
                          cue: cueRange)
    }

    /// A headline that ends with its source: "Escalating clashes kill 85 in western Sudan: UN".
    private func headlineSource(_ sentence: Range<Int>) -> FoundQuote? {
        let line = c.line(of: sentence.lowerBound)
        guard sentence.upperBound == line.upperBound, line.count >= 6 else { return nil }
        var colon = line.upperBound - 2
        while colon > line.lowerBound + 2, line.upperBound - colon <= 5, !c.isPunct(colon, [.colon]) { colon -= 1 }
        guard c.isPunct(colon, [.colon]), colon - line.lowerBound >= 3,
              let m = finder.parser.parse(from: colon + 1, limit: line.upperBound), m.phraseEnd == line.upperBound,
              !m.isPlace, !m.isPronoun, !c.has(colon + 1, .label)
        else { return nil }
        if case .role = m.kind { return nil }
        return FoundQuote(first: line.lowerBound, end: colon, kind: .indirect, speaker: m, cue: colon..<(colon + 1))
    }

    // MARK: - Clause pieces

    private func skipObject(_ j: Int, limit: Int) -> Int {
        guard j < limit, !c.is(j, "that") else { return j }
        if IndirectQuoteFinder.objects.contains(c.words[j]) { return j + 1 }
        if c.is(j, "to"), j + 1 < limit {
            if IndirectQuoteFinder.objects.contains(c.words[j + 1]) { return j + 2 }
            if let m = finder.parser.parse(from: j + 1, limit: limit) { return m.phraseEnd }
        }
        if let m = finder.parser.parse(from: j, limit: limit), !m.isPronoun { return m.phraseEnd }
        return j
    }

    private func isNegated(_ v: Int, sentence: Range<Int>) -> Bool {
        var k = v - 1
        // Only a word that may end in "t" can end in "n't": the others skip the suffix tests (`mayEnd`).
        while k >= sentence.lowerBound, k >= v - 4, c.isWord(k),
              c.has(k, .adverb) || c.has(k, .auxiliary) || c.mayEnd(k, UInt8(ascii: "t"))
                && (c.words[k].hasSuffix("n't") || c.words[k].hasSuffix("n’t")) || c.words[k] == "declined" {
            let w = c.words[k]
            if w == "not" || w == "never" || c.mayEnd(k, UInt8(ascii: "t")) && (w.hasSuffix("n't") || w.hasSuffix("n’t"))
                || w == "cannot" { return true }
            k -= 1
        }
        return false
    }

    private func attributesQuote(_ cue: SpeechVerbs.Cue, subject: Mention?, sentence: Range<Int>) -> Bool {
        var k = cue.first - 1
        if let subject { k = subject.phraseFirst - 1 }
        if k >= sentence.lowerBound, c.isPunct(k, [.comma]) { k -= 1 }
        guard k >= sentence.lowerBound, let mark = QuoteMarks.mark(k, c) else { return false }
        return mark == .closeDouble || mark == .straightDouble || mark == .closeSingle || mark == .straightSingle
    }

    private func trim(_ q: inout FoundQuote) {
        while q.first < q.end, c.isPunct(q.first, [.comma, .dash, .colon, .semicolon]) { q.first += 1 }
        while q.end > q.first, c.isPunct(q.end - 1, [.comma, .dash, .colon, .semicolon]) { q.end -= 1 }
    }

    private func overlap(_ a: FoundQuote, _ b: FoundQuote) -> Double {
        let inter = min(a.end, b.end) - max(a.first, b.first)
        guard inter > 0 else { return 0 }
        return Double(inter) / Double(max(a.end, b.end) - min(a.first, b.first))
    }

    /// How much of a clause lies inside quotation marks already found.
    private func coverage(_ q: FoundQuote, by directs: [FoundQuote]) -> Double {
        let r = c.range(q.first, q.end)
        // `directs` are in text order: start at the first that begins at or after the report, step back over any
        // that began earlier and reach into it, then forward while they begin inside it.
        var lo = 0, hi = directs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if directs[mid].first < q.first { lo = mid + 1 } else { hi = mid }
        }
        var start = lo
        while start > 0, directs[start - 1].end > q.first, lo - start < 16 { start -= 1 }
        var covered: Int32 = 0
        var k = start
        while k < directs.count, directs[k].first < q.end {
            let dr = c.range(directs[k].first, directs[k].end)
            covered += max(0, min(r.end, dr.end) - max(r.start, dr.start))
            k += 1
        }
        return Double(covered) / Double(max(1, r.length))
    }
}
