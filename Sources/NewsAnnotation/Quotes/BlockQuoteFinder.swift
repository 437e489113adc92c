/// Speeches set out without quotation marks: a cue line ("President Ilham Aliyev said:", "Speech by President
/// Ilham Aliyev", "The statement reads:") and then the speech, paragraph after paragraph, until another speaker
/// takes over or the report resumes. A "said:" in mid-paragraph followed by unmarked words to the paragraph's end
/// is the same thing in one paragraph.
struct BlockQuoteFinder {
    let c: QuoteContext
    let finder: SpeakerFinder

    struct Cue {
        var speaker: Mention?
        var cue: Range<Int>
        /// Where the speech starts.
        var body: Int
    }

    private static let speechHeads: Set<String> = [
        "speech", "remarks", "address", "statement", "message", "lecture", "briefing", "keynote",
        "transcript", "text", "greetings", "congratulations", "appeal", "letter", "words", "comments",
    ]

    /// The cue of a speech whose first line follows the line holding token `lineStart`.
    func cue(line lineIndex: Int) -> Cue? {
        let line = c.lines[lineIndex]
        guard lineIndex + 1 < c.lines.count else { return nil }
        let body = c.lines[lineIndex + 1].lowerBound
        if QuoteMarks.isMark(body, c) { return nil }
        let last = line.upperBound - 1
        if c.words[last] == ":" {
            // "… said:" — the last speech verb of the line and its subject.
            var i = last - 1
            while i >= line.lowerBound, last - i <= 20 {
                if let cue = SpeechVerbs.cue(at: i, in: c), !cue.verb.characterizes,
                   cue.end <= last {
                    let sentence = c.sentence(of: i)
                    let speaker = finder.speaker(of: cue, sentence: sentence.lowerBound..<last, limit: last)
                    if let speaker, speaker.isPronoun, case .pronoun(let p) = speaker.kind, p == .first { return nil }
                    return Cue(speaker: speaker, cue: cue.first..<cue.end, body: body)
                }
                i -= 1
            }
            return nil
        }
        // "Speech by X", "Remarks of X at …", "X's speech" — a heading line without a full stop.
        guard !c.isPunct(last, [.period, .exclamation, .question]), line.count <= 40 else { return nil }
        let s = line.lowerBound
        if c.isCapitalized(s), BlockQuoteFinder.speechHeads.contains(c.words[s]) || c.words[s] == "opening",
           let by = (s + 1..<min(line.upperBound, s + 4)).first(where: { c.words[$0] == "by" || c.words[$0] == "of" || c.words[$0] == "from" }) {
            let speaker = finder.parser.parse(from: by + 1, limit: line.upperBound)
            guard let speaker, !speaker.isPlace else { return nil }
            return Cue(speaker: speaker, cue: s..<(by + 1), body: body)
        }
        if let poss = (s..<line.upperBound).first(where: { c.isApostropheS($0) }),
           poss + 1 < line.upperBound, BlockQuoteFinder.speechHeads.contains(c.words[poss + 1]),
           let speaker = finder.parser.parse(endingAt: poss, lowerBound: s), !speaker.isPlace {
            return Cue(speaker: speaker, cue: (poss + 1)..<(poss + 2), body: body)
        }
        return nil
    }

    func find(voice: ParagraphVoice, into quotes: inout [FoundQuote]) {
        for l in c.lines.indices {
            guard let cue = cue(line: l) else { continue }
            var first = cue.body
            if c.words[first] == "-" || c.words[first] == "—" { first += 1 }
            guard first < c.count else { continue }
            var paragraph = Int(c.paragraphOf[first])
            // After a heading ("Tokayev's speech at the Kurultai") a dateline or a line of report may come before
            // the speech itself: it starts at the first paragraph that speaks.
            if !c.isPunct(c.lines[l].upperBound - 1, [.colon]), voice.voice(of: paragraph, speaker: cue.speaker) != .speech,
               let speech = (paragraph + 1..<min(c.paragraphs.count, paragraph + 3)).first(where: {
                   voice.voice(of: $0, speaker: cue.speaker) == .speech
               }) {
                paragraph = speech
                first = c.paragraphs[speech].lowerBound
                if c.isPunct(first, [.dash]) { first += 1 }
            }
            // The speech's first paragraph must not be something else already (a turn, a heading).
            if voice.voice(of: paragraph, speaker: cue.speaker) == .stop && !c.isPunct(cue.body, [.dash]) {
                continue
            }
            let last = voice.lastParagraph(continuing: paragraph, speaker: cue.speaker)
            quotes.append(FoundQuote(first: first, end: c.paragraphs[last].upperBound, kind: .block,
                                     speaker: cue.speaker, cue: cue.cue))
        }
        findInline(into: &quotes)
        findOpenedBySalutation(voice: voice, into: &quotes)
    }

    /// A speech printed with no cue line, after a report of it: "Tokayev addressed the Kurultai." then "Dear
    /// participants of the Kurultai! …". A paragraph that opens with a salutation is a speech's first; the speaker
    /// is the subject of the paragraph before.
    private func findOpenedBySalutation(voice: ParagraphVoice, into quotes: inout [FoundQuote]) {
        var p = 1
        while p < c.paragraphs.count {
            let r = c.paragraphs[p]
            var first = r.lowerBound
            if c.isPunct(first, [.dash]) { first += 1 }
            let opens = c.is(first, "dear") || c.is(first, "ladies") || c.is(first, "distinguished")
                || c.is(first, "esteemed") || c.is(first, "excellencies")
            guard opens, c.isCapitalized(first),
                  !quotes.contains(where: { $0.first <= first && first < $0.end }) else {
                p += 1
                continue
            }
            // The speaker: the subject of the report just before, when it names or describes a person.
            let before = c.paragraphs[p - 1]
            let sentence = c.sentence(of: before.upperBound - 1)
            var speaker = finder.sentenceSubject(sentence, before: before.upperBound)
            if let s = speaker, s.isPronoun || s.isPlace { speaker = nil }
            guard let speaker else {
                p += 1
                continue
            }
            let last = voice.lastParagraph(continuing: p, speaker: speaker)
            quotes.append(FoundQuote(first: first, end: c.paragraphs[last].upperBound, kind: .block,
                                     speaker: speaker, cue: nil))
            p = last + 1
        }
    }

    /// "The minister said: We will not give up." — unmarked words after a "said:" up to the paragraph's end.
    private func findInline(into quotes: inout [FoundQuote]) {
        for paragraph in c.paragraphs {
            for colon in paragraph where c.tokens[colon].kind == .punct && c.words[colon] == ":" {
                guard colon + 3 < paragraph.upperBound, !c.tokens[colon + 1].flags.contains(.lineStart),
                      let verb = SpeechVerbs.cue(at: colon - 1, in: c), verb.end == colon, verb.form == .finite,
                      verb.first > c.line(of: colon).lowerBound
                else { continue }
                // Turns are lines that start with their label; this is the mid-paragraph kind.
                if colon - c.line(of: colon).lowerBound <= 16,
                   TurnFinder(c: c, finder: finder).label(at: c.line(of: colon).lowerBound)?.colon == colon {
                    continue
                }
                if (colon + 1..<paragraph.upperBound).contains(where: { QuoteMarks.isMark($0, c) }) { continue }
                let sentence = c.sentence(of: colon)
                let cue = SpeechVerbs.Cue(first: verb.first, end: verb.end, verb: verb.verb, form: verb.form)
                guard let speaker = finder.speaker(of: cue, sentence: sentence.lowerBound..<colon, limit: colon)
                else { continue }
                var first = colon + 1
                if c.words[first] == "-" { first += 1 }
                quotes.append(FoundQuote(first: first, end: paragraph.upperBound, kind: .block, speaker: speaker,
                                         cue: verb.first..<verb.end))
            }
        }
    }
}
