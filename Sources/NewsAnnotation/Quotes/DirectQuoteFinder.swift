/// Quotes in quotation marks: finds each one's cue and speaker and tells speech from scare quotes and quoted names.
///
/// The cue is looked for where wire copy puts it: right after the closing mark (“…,” Aliyev said / said Aliyev),
/// right before the opening one (Aliyev said: “…”), anywhere in the sentence for a fragment (called it “a
/// disgrace”); a quote with none goes on the quote before it (“A,” he said. “B.”) or is nobody's.
struct DirectQuoteFinder {
    let c: QuoteContext
    let finder: SpeakerFinder

    private struct Attribution {
        var speaker: Mention?
        var cue: Range<Int>
        /// The cue is right at the marks (after the closing one, or before the opening one with ":" / "," / that).
        var adjacent: Bool
    }

    private static let titleSmallWords: Set<String> = [
        "of", "the", "and", "for", "in", "on", "a", "an", "to", "with", "at", "by", "de", "la", "del", "von",
        "van", "der", "or", "&", "du", "le", "di", "da",
    ]

    private struct Accepted {
        var span: QuoteMarks.Span
        var index: Int
        var nested: Bool
    }

    func find(_ spans: [QuoteMarks.Span], into quotes: inout [FoundQuote]) {
        let containers = quotes.sorted { $0.first < $1.first }
        let insideDouble = Self.insideAnotherDouble(spans)
        var accepted: [Accepted] = []
        for (spanIndex, span) in spans.enumerated() {
            var first = span.first, end = span.end
            var trailingComma = false
            while end > first, c.isPunct(end - 1, [.comma, .colon, .dash]) {
                trailingComma = true
                end -= 1
            }
            while first < end, c.isPunct(first, [.dash]) { first += 1 }
            guard first < end else { continue }
            let candidate = FoundQuote(first: first, end: end, kind: .direct)
            let near = Self.nearby(containers, around: first)
            let nested = insideDouble[spanIndex] || near.contains { $0.first <= first && end <= $0.end }
            // A turn or block that is itself all in quotation marks is one quote, not two.
            if near.contains(where: { jaccard($0, candidate) >= 0.8 }) { continue }

            let attribution = attribute(span, first: first, end: end)
            guard isSpeech(span, first: first, end: end, attribution: attribution, nested: nested,
                           endsWithPunct: trailingComma) else { continue }
            var quote = candidate
            quote.speaker = attribution?.speaker
            quote.cue = attribution?.cue
            quotes.append(quote)
            let index = quotes.count - 1
            // With no cue of its own, a quote goes on the one before it; with none before, it names no one (a
            // guess at the passage's person proved wrong more often than right).
            if attribution == nil && !nested {
                if let subject = sentenceSubject(before: span.open ?? span.first) {
                    // A fragment inside a sentence about a named person is theirs: "Sheinbaum … define her
                    // “unique” way of communicating".
                    quotes[index].speaker = subject
                } else if let previous = previousQuote(before: span, accepted) {
                    quotes[index].sameSpeakerAs = previous
                }
            }
            accepted.append(Accepted(span: span, index: index, nested: nested))
        }
        mergeContinuations(accepted, &quotes)
    }

    /// For each span, whether a double-quoted span other than itself holds it with its marks: a sweep in order of
    /// start (longest first at equal starts), keeping the furthest end reached so far.
    static func insideAnotherDouble(_ spans: [QuoteMarks.Span]) -> [Bool] {
        func outer(_ s: QuoteMarks.Span) -> (first: Int, last: Int) { (s.open ?? s.first, s.close ?? s.end) }
        let order = spans.indices.sorted {
            let a = outer(spans[$0]), b = outer(spans[$1])
            return a.first != b.first ? a.first < b.first : a.last > b.last
        }
        var result = [Bool](repeating: false, count: spans.count)
        var furthest = Int.min  // the largest `end` of a double span seen so far
        var furthestSpan = -1
        for i in order {
            let o = outer(spans[i])
            if furthestSpan >= 0, furthest >= o.last,
               spans[furthestSpan].first != spans[i].first || spans[furthestSpan].end != spans[i].end {
                result[i] = true
            }
            if spans[i].double, spans[i].end > furthest {
                furthest = spans[i].end
                furthestSpan = i
            }
        }
        return result
    }

    /// The containers (turns and blocks, sorted by start) that may hold a quote starting at `first`: those that
    /// start at or before it, the nearest few (containers do not nest deeply).
    static func nearby(_ containers: [FoundQuote], around first: Int) -> ArraySlice<FoundQuote> {
        var lo = 0, hi = containers.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if containers[mid].first <= first { lo = mid + 1 } else { hi = mid }
        }
        return containers[max(0, lo - 8)..<min(containers.count, lo + 2)]
    }

    private func jaccard(_ a: FoundQuote, _ b: FoundQuote) -> Double {
        let ra = c.range(a.first, a.end), rb = c.range(b.first, b.end)
        let inter = min(ra.end, rb.end) - max(ra.start, rb.start)
        guard inter > 0 else { return 0 }
        return Double(inter) / Double(max(ra.end, rb.end) - min(ra.start, rb.start))
    }

    // MARK: - Attribution

    private func attribute(_ span: QuoteMarks.Span, first: Int, end: Int) -> Attribution? {
        // A quote rebuilt from its "said:" has its cue for certain; what follows the stray closing mark may not be.
        if span.repaired, let open = span.open, c.isPunct(open, [.colon]), let a = before(open + 1) { return a }
        if let close = span.close, let a = after(close) { return a }
        if let open = span.open, let a = before(open) { return a }
        if let open = span.open, let a = previousLine(open) { return a }
        return inSentence(span)
    }

    /// "Klitschko wrote on Telegram:" ⏎ "“…”" — a quote that opens its line takes the cue that ends the line
    /// before.
    private func previousLine(_ open: Int) -> Attribution? {
        let line = Int(c.lineOf[open])
        guard c.lines[line].lowerBound == open, line > 0 else { return nil }
        let previous = c.lines[line - 1]
        let colon = previous.upperBound - 1
        guard c.isPunct(colon, [.colon]) else { return nil }
        var k = colon - 1
        while k >= previous.lowerBound, colon - k <= 20 {
            if let cue = SpeechVerbs.cue(at: k, in: c), !cue.verb.characterizes, cue.end <= colon {
                let sentence = c.sentence(of: k)
                let speaker = finder.speaker(of: cue, sentence: sentence.lowerBound..<colon, limit: colon)
                return Attribution(speaker: speaker, cue: cue.first..<cue.end, adjacent: true)
            }
            k -= 1
        }
        return nil
    }

    /// “…,” Aliyev said / “…,” said Aliyev / “…,” the minister added in a statement.
    private func after(_ close: Int) -> Attribution? {
        let paragraph = c.paragraph(of: close)
        var j = close + 1
        // "“…,” Smith said", and in translated copy "“…” - Smith said".
        while c.isPunct(j, [.comma, .dash]), j < close + 3 { j += 1 }
        guard j < paragraph.upperBound, c.isWord(j) else { return nil }
        let limit = min(paragraph.upperBound, j + 18)
        if let cue = SpeechVerbs.cue(at: j, in: c), !cue.verb.characterizes {
            // "”, said Smith" — a verb alone after the mark ("… program” announced") cues nothing.
            guard let speaker = finder.speaker(after: cue.end, limit: limit) else { return nil }
            return Attribution(speaker: speaker, cue: cue.first..<cue.end, adjacent: true)
        }
        guard let m = finder.parser.parse(from: j, limit: limit) else { return nil }
        var k = m.phraseEnd
        while k < limit, c.has(k, .adverb) || c.has(k, .auxiliary) {
            k += 1
        }
        // "“…,” Smith, 45, said" / "“…,” Smith, who …, said": an aside between the name and the verb.
        if k < limit, c.words[k] == ",", let comma = (k + 1..<limit).first(where: { c.words[$0] == "," }),
           SpeechVerbs.cue(at: k + 1, in: c) == nil {
            k = comma + 1
        }
        guard k < limit, let cue = SpeechVerbs.cue(at: k, in: c), !cue.verb.characterizes, cue.form != .gerund else {
            return nil
        }
        return Attribution(speaker: m, cue: cue.first..<cue.end, adjacent: true)
    }

    /// Aliyev said: “…” / Aliyev said, “…” / Aliyev told reporters that “…”.
    private func before(_ open: Int) -> Attribution? {
        let sentence = c.sentence(of: open)
        // "Smith: ‘We will fight on’" — a speaker label and a colon at the start of the line.
        if c.isPunct(open - 1, [.colon]) {
            let line = c.line(of: open)
            if let m = finder.parser.parse(from: line.lowerBound, limit: open - 1), m.phraseEnd == open - 1,
               !m.isPlace, !m.isPronoun, !c.has(line.lowerBound, .label) {
                return Attribution(speaker: m, cue: (open - 1)..<open, adjacent: true)
            }
        }
        var k = open - 1
        let adjacent = k >= sentence.lowerBound && (c.isPunct(k, [.colon, .comma]) || c.is(k, "that"))
        var steps = 0
        while k >= sentence.lowerBound, steps < 30 {
            if QuoteMarks.isMark(k, c) { return nil }
            if let cue = SpeechVerbs.cue(at: k, in: c), !cue.verb.characterizes, cue.end <= open {
                let speaker = finder.speaker(of: cue, sentence: sentence.lowerBound..<open, limit: open)
                let close = adjacent && (open - cue.end <= 10)
                return Attribution(speaker: speaker, cue: cue.first..<cue.end, adjacent: close)
            }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// A fragment's cue anywhere in its sentence: “main task” … noting that; called it “a disgrace”.
    private func inSentence(_ span: QuoteMarks.Span) -> Attribution? {
        let anchor = span.open ?? span.first
        let sentence = c.sentence(of: anchor)
        let from = span.open ?? span.first, to = span.close ?? span.end
        var best: (distance: Int, attribution: Attribution)?
        for i in sentence where i < from || i > to {
            let distance = i < from ? from - i : i - to
            if let b = best, b.distance <= distance { continue }
            if let cue = SpeechVerbs.cue(at: i, in: c) {
                let limit = i < from ? from : sentence.upperBound
                let speaker = finder.speaker(of: cue, sentence: sentence, limit: limit)
                best = (distance, Attribution(speaker: speaker, cue: cue.first..<cue.end, adjacent: false))
            } else if c.isWord(i), SpeechVerbs.nouns.contains(c.words[i]) {
                best = (distance, Attribution(speaker: nil, cue: i..<(i + 1), adjacent: false))
            }
        }
        return best?.attribution
    }

    /// The quote a cue-less one carries on from: the one before it in its paragraph, or, for a quote that opens
    /// its paragraph, the last one of the paragraph before.
    /// The person a sentence is about, when a fragment sits inside it: a PERSON entity among the sentence's first
    /// words, before the fragment and before any comma. Nil for a quote that opens its sentence.
    private func sentenceSubject(before open: Int) -> Mention? {
        let sentence = c.sentence(of: open)
        guard open > sentence.lowerBound else { return nil }
        var t = sentence.lowerBound
        while t < open {
            let e = c.entityAt[t]
            if e >= 0 {
                let entity = c.entities[Int(e)]
                if entity.type == .person {
                    return Mention(first: Int(entity.firstToken), end: Int(entity.endToken), kind: .name, entity: e,
                                   phraseFirst: Int(entity.firstToken), phraseEnd: Int(entity.endToken))
                }
                t = Int(entity.endToken)
                continue
            }
            // The subject stands within the sentence's first few words ("Mexico's recently sworn-in President
            // Claudia Sheinbaum held …"); past them, or past a comma, it is someone else the sentence mentions.
            if t - sentence.lowerBound >= 8 || c.isPunct(t, [.comma]) { return nil }
            t += 1
        }
        return nil
    }

    private func previousQuote(before span: QuoteMarks.Span, _ accepted: [Accepted]) -> Int? {
        let p = Int(c.paragraphOf[span.first])
        let opensParagraph = (span.open ?? span.first) == c.paragraphs[p].lowerBound
        for other in accepted.reversed() where !other.nested {
            let q = Int(c.paragraphOf[other.span.first])
            if q == p || (opensParagraph && q == p - 1) { return other.index }
            if q < p - 1 { break }
        }
        return nil
    }

    /// A quote left open at a paragraph's end and reopened in the next is one quote, spanning the paragraphs (the
    /// gold convention), with the cue of whichever paragraph has one.
    private func mergeContinuations(_ accepted: [Accepted], _ quotes: inout [FoundQuote]) {
        var removed: [Int: Int] = [:]  // merged paragraph → the quote it joined
        var n = 0
        while n < accepted.count {
            var chain = [accepted[n].index]
            var last = n
            while accepted[last].span.continues {
                let p = Int(c.paragraphOf[accepted[last].span.first])
                guard p + 1 < c.paragraphs.count,
                      let next = accepted[(last + 1)...].firstIndex(where: { $0.span.open == c.paragraphs[p + 1].lowerBound })
                else { break }
                chain.append(accepted[next].index)
                last = next
            }
            if chain.count > 1 {
                let head = chain[0]
                if quotes[head].cue == nil, let cued = chain.first(where: { quotes[$0].cue != nil }) {
                    quotes[head].speaker = quotes[cued].speaker
                    quotes[head].cue = quotes[cued].cue
                    quotes[head].sameSpeakerAs = nil
                }
                quotes[head].end = quotes[chain.last!].end
                for member in chain.dropFirst() { removed[member] = head }
            }
            n = max(n + 1, last + 1)
        }
        guard !removed.isEmpty else { return }
        // Drop the merged paragraphs and renumber the links that point past them.
        var newIndex = [Int](repeating: -1, count: quotes.count)
        var kept: [FoundQuote] = []
        for (i, q) in quotes.enumerated() where removed[i] == nil {
            newIndex[i] = kept.count
            kept.append(q)
        }
        for i in kept.indices {
            if let t = kept[i].sameSpeakerAs { kept[i].sameSpeakerAs = newIndex[removed[t] ?? t] }
        }
        quotes = kept
    }

    // MARK: - Speech or not

    private func isSpeech(_ span: QuoteMarks.Span, first: Int, end: Int, attribution: Attribution?, nested: Bool,
                          endsWithPunct: Bool) -> Bool {
        var words = 0
        var sentencePunct = endsWithPunct
        for i in first..<end {
            if c.isWord(i) || c.tokens[i].kind == .number {
                words += 1
            } else if c.isPunct(i, [.period, .exclamation, .question, .semicolon]) && !(i > first && c.tokens[i - 1].range.length == 1) {
                sentencePunct = true
            }
        }
        guard words > 0 else { return false }
        // Title-like: every word capitalised, a number or a small word ("of", "the"). Asked only when it can decide,
        // and word by word until one is none of them: hashing every lower-case word of every quotation cost more.
        var titleLike: Bool {
            c.isCapitalized(first) && !sentencePunct && (first..<end).allSatisfy { i in
                !c.isWord(i) || c.tokens[i].isCapitalized || c.tokens[i].kind == .number
                    || DirectQuoteFinder.titleSmallWords.contains(c.words[i])
            }
        }
        let naming = namedBefore(span) || namedAfter(span)
        // A name or term ("the “troika” format", "“Made in Azerbaijan” brand") is not speech, cue or no cue.
        if naming { return false }
        if attribution?.adjacent == true { return true }
        if naming || titleLike { return false }
        if attribution != nil { return true }
        if nested && words <= 4 { return false }
        return (sentencePunct && words >= 3) || words >= 8
    }

    private func namedBefore(_ span: QuoteMarks.Span) -> Bool {
        guard let open = span.open, !span.repaired else { return false }
        var k = open - 1
        if k >= 0, c.isWord(k), ["the", "a", "an", "its", "their", "his", "her", "our", "this"].contains(c.words[k]) {
            k -= 1
        }
        guard k >= 0, c.isWord(k) else { return false }
        // "known as “…”", "referred to as “…”"
        if c.words[k] == "as" { return c.is(k - 1, "known") || c.is(k - 1, "referred") || c.is(k - 2, "referred") }
        return c.has(k, .namingBefore)
    }

    private func namedAfter(_ span: QuoteMarks.Span) -> Bool {
        guard let close = span.close else { return false }
        let k = close + 1
        return k < c.count && c.isWord(k) && c.tokens[k].flags.contains(.lowercase)
            && c.has(k, .namingAfter)
    }
}
