/// Transcript turns: a line that opens with a speaker and a colon, the words following on the same line
/// ("Kassym-Jomart Tokayev: Thank you", "NEWMAN: …", "Russian Defense Minister Sergei Shoigu said: …", and
/// headline forms such as "UN: Recent floods affect 80,000"). A turn runs on over the next paragraphs while they
/// still sound like the same voice.
struct TurnFinder {
    let c: QuoteContext
    let finder: SpeakerFinder

    struct Label {
        var colon: Int
        var speaker: Mention?
        var cue: Range<Int>
        /// "Q:" (the interviewer, unnamed) or "A:" (the person interviewed).
        var interview: Interview?
    }

    enum Interview { case question, answer }

    private static let interviewLabels: [String: Interview] = [
        "q": .question, "question": .question, "a": .answer, "answer": .answer,
    ]

    private static let labelPunct: Set<String> = [",", "-", ".", "'s", "’s", "&"]

    /// The speaker label that opens the line starting at token `s`, when the line is a turn.
    func label(at s: Int) -> Label? {
        guard s < c.count else { return nil }
        let line = c.line(of: s)
        guard s == line.lowerBound, c.isWord(s), c.tokens[s].isCapitalized || c.tokens[s].flags.contains(.allCaps)
        else { return nil }
        if let role = TurnFinder.interviewLabels[c.words[s]], c.isPunct(s + 1, [.colon]), s + 2 < line.upperBound,
           c.tokens[s].isCapitalized, c.tokens[s].range.length <= 8 {
            return Label(colon: s + 1, speaker: nil, cue: (s + 1)..<(s + 2), interview: role)
        }
        if c.has(s, .label) { return nil }
        var colon = -1
        var aside = -1  // "BASH (voice-over):", "SEN. MARCO RUBIO (R-FL):": a bracket after the name
        var i = s
        while i < min(line.upperBound, s + 20) {
            if c.tokens[i].kind == .punct {
                if c.words[i] == ":" { colon = i; break }
                if c.isPunct(i, [.openParen]), aside < 0 {
                    aside = i
                    guard let close = (i + 1..<min(line.upperBound, i + 8)).first(where: { c.isPunct($0, [.closeParen]) })
                    else { return nil }
                    i = close + 1
                    continue
                }
                guard TurnFinder.labelPunct.contains(c.words[i]) else { return nil }
            }
            i += 1
        }
        guard colon > s, colon + 1 < line.upperBound, c.glued(colon), !c.glued(colon + 1) else { return nil }
        if aside >= 0 && c.isPunct(colon - 1, [.closeParen]) == false { return nil }
        // What follows must read as words — "No." will do — not a list of names or figures (line-ups, results).
        let lower = ((colon + 1)..<line.upperBound).contains { c.isLower($0) }
        guard lower || c.isPunct(line.upperBound - 1, [.period, .question, .exclamation]) else { return nil }

        // 'He added: "…"' — the words are one quotation: the quotation marks make it a direct quote.
        if let open = QuoteMarks.mark(colon + 1, c), open != .closeDouble, open != .closeSingle,
           let close = QuoteMarks.mark(line.upperBound - 1, c) ?? QuoteMarks.mark(line.upperBound - 2, c),
           close != .openDouble, close != .openSingle {
            return nil
        }
        var e = aside >= 0 ? aside : colon
        var cue = colon..<(colon + 1)
        if let verb = SpeechVerbs.cue(at: e - 1, in: c), verb.end == e, verb.form != .gerund {
            cue = verb.first..<verb.end
            e = verb.first
            while e > s, c.has(e - 1, .adverb) { e -= 1 }
        }
        // "NAME, TITLE:" — the name is the speaker, the title only describes them.
        var nameEnd = e
        if let comma = (s..<e).first(where: { c.words[$0] == "," }) {
            guard let title = finder.parser.parse(from: comma + 1, limit: e), title.phraseEnd == e,
                  case .role = title.kind else { return nil }
            nameEnd = comma
        }
        guard let m = finder.parser.parse(from: s, limit: nameEnd), m.phraseEnd == nameEnd, !m.indefinite else {
            return nil
        }
        if m.isPronoun && cue.lowerBound == colon { return nil }
        if m.isPlace && cue.lowerBound == colon { return nil }
        if case .role = m.kind, m.roleWords.allSatisfy({ SpeakerWords.labels.contains($0) }) { return nil }
        return Label(colon: colon, speaker: m, cue: cue, interview: nil)
    }

    func find(voice: ParagraphVoice, into quotes: inout [FoundQuote]) {
        for line in c.lines {
            guard let label = label(at: line.lowerBound) else { continue }
            var first = label.colon + 1
            if c.words[first] == "-" && first + 1 < line.upperBound { first += 1 }
            let paragraph = c.paragraph(of: line.lowerBound)
            // The turn takes the rest of its paragraph, unless a later line there opens another turn.
            var end = paragraph.upperBound
            var l = Int(c.lineOf[line.lowerBound]) + 1
            while l < c.lines.count, c.lines[l].lowerBound < paragraph.upperBound {
                if self.label(at: c.lines[l].lowerBound) != nil {
                    end = c.lines[l].lowerBound
                    break
                }
                l += 1
            }
            if end == paragraph.upperBound {
                let last = voice.lastParagraph(continuing: Int(c.paragraphOf[line.lowerBound]))
                end = c.paragraphs[last].upperBound
            }
            guard first < end else { continue }
            var turn = FoundQuote(first: first, end: end, kind: .turn, speaker: label.speaker, cue: label.cue)
            turn.interviewee = label.interview == .answer
            if label.interview == .question {
                // "Q:" is the interviewer's turn: the label itself is the mention; the byline names them.
                turn.interviewer = true
                let q = label.colon - 1
                turn.speaker = Mention(first: q, end: q + 1, kind: .role, phraseFirst: q, phraseEnd: q + 1)
            }
            quotes.append(turn)
        }
    }
}
