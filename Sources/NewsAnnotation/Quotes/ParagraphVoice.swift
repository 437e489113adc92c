/// Tells whether a paragraph goes on with a speech (block or turn) or is the report again.
///
/// A speech speaks in the first and second person, opens with a dash or a salutation; the report names its people
/// in the third person ("Lebedev noted that …"), moves on in time ("Then the meeting …"), or is not prose at all
/// (a heading, a caption, "Share news on social media"). Paragraphs that show neither are carried only when more
/// speech follows them.
struct ParagraphVoice {
    let c: QuoteContext
    let finder: SpeakerFinder

    enum Voice { case speech, uncertain, stop }

    func voice(of p: Int, speaker: Mention? = nil) -> Voice {
        let r = c.paragraphs[p]
        guard !r.isEmpty else { return .stop }
        let first = r.lowerBound
        let turns = TurnFinder(c: c, finder: finder)
        let blocks = BlockQuoteFinder(c: c, finder: finder)
        for line in r.lowerBound..<r.upperBound where c.tokens[line].flags.contains(.lineStart) {
            if turns.label(at: line) != nil { return .stop }
        }
        let lastLine = Int(c.lineOf[r.upperBound - 1])
        if blocks.cue(line: lastLine) != nil { return .stop }
        if c.isPunct(first, [.dash]) { return .speech }
        var last = r.upperBound - 1
        while last > first, QuoteMarks.isMark(last, c) { last -= 1 }
        if !c.isPunct(last, [.period, .exclamation, .question, .ellipsis, .semicolon]) {
            let salutation = c.has(first, .salutation) && c.isPunct(last, [.comma, .colon])
            return salutation ? .speech : .stop
        }
        // The first sentence reports someone in the third person: the article speaks again.
        let sentence = c.sentence(of: first)
        for i in sentence where c.isWord(i) {
            guard let cue = SpeechVerbs.cue(at: i, in: c), cue.verb.reports, cue.form == .finite else { continue }
            guard let m = finder.subject(before: i, from: sentence.lowerBound) else { continue }
            if let p = m.pronoun, p == .first || p == .firstPlural || p == .second { continue }
            return .stop
        }
        var depth = 0
        for i in r {
            if let m = QuoteMarks.mark(i, c) {
                switch m {
                case .openDouble: depth += 1
                case .closeDouble: depth = max(0, depth - 1)
                default: break
                }
                continue
            }
            if depth == 0, c.isWord(i), c.has(i, .personal) {
                // "US" the country is capitalised as a whole.
                if c.words[i] == "us" && c.tokens[i].flags.contains(.allCaps) { continue }
                return .speech
            }
        }
        if c.has(first, .salutation) { return .speech }
        // "Mr Patrushev, please go ahead.": speaking to someone.
        if ["mr", "mrs", "ms", "madam", "sir", "colleagues", "friends"].contains(c.words[first])
            || r.contains(where: { c.words[$0] == "please" }) {
            return .speech
        }
        if c.has(first, .narrativeOpener) && c.isCapitalized(first) { return .stop }
        return .uncertain
    }

    /// The last paragraph of a speech whose first paragraph is `p`: speech paragraphs are taken, unclear ones only
    /// when speech follows within two paragraphs, and anything that stops a speech ends it.
    func lastParagraph(continuing p: Int, speaker: Mention? = nil) -> Int {
        var last = p
        var pending = 0
        var q = p + 1
        while q < c.paragraphs.count {
            // A paragraph that ends on a comma or colon ("Mr President, colleagues,") goes on in the next one.
            let end = c.paragraphs[last].upperBound - 1
            if q == last + 1, c.isPunct(end, [.comma, .colon]), voice(of: q, speaker: speaker) != .stop {
                last = q
                q += 1
                continue
            }
            switch voice(of: q, speaker: speaker) {
            case .speech:
                last = q
                pending = 0
            case .uncertain:
                pending += 1
                if pending > 2 { return last }
            case .stop:
                return last
            }
            q += 1
        }
        return last
    }
}
