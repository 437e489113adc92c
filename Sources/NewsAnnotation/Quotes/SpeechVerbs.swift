/// The words that report speech, and what each allows after it. A quote finder asks `SpeechVerbs.cue(at:)` rather
/// than comparing strings, so multi-word cues ("according to", "pointed out") are found in one place.
enum SpeechVerbs {
    struct Verb: Sendable {
        /// Can introduce reported speech ("said that …"); otherwise it only cues a direct quote ("he laughed").
        var reports = true
        /// Reports a clause without "that" ("said the talks failed"); others need "that" to be safe from noun
        /// objects ("recalled the war").
        var bareClause = false
        /// Takes a listener before the clause ("told reporters that", "assured him that").
        var object = false
        /// Cues only a quoted fragment ("called it “a disgrace”"); never a clause.
        var characterizes = false
    }

    enum Form: Sendable { case finite, gerund, base }

    struct Cue {
        var first: Int
        var end: Int
        var verb: Verb
        var form: Form
        /// "according to": the speaker follows and nothing else about the cue applies.
        var according = false
    }

    static let table: [String: (Verb, Form)] = {
        var t: [String: (Verb, Form)] = [:]
        func add(_ forms: (base: String, s: String, past: String, ing: String), _ verb: Verb) {
            t[forms.base] = (verb, .base)
            t[forms.s] = (verb, .finite)
            t[forms.past] = (verb, .finite)
            t[forms.ing] = (verb, .gerund)
        }
        func regular(_ base: String) -> (String, String, String, String) {
            let last = base.last!
            let beforeLast = base.dropLast().last ?? "a"
            let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
            if last == "e" { return (base, base + "s", base + "d", String(base.dropLast()) + "ing") }
            if last == "y" && !vowels.contains(beforeLast) {
                let stem = String(base.dropLast())
                return (base, stem + "ies", stem + "ied", base + "ing")
            }
            if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") {
                return (base, base + "es", base + "ed", base + "ing")
            }
            return (base, base + "s", base + "ed", base + "ing")
        }
        let bare = Verb(bareClause: true)
        let plain = Verb()
        let withObject = Verb(object: true)
        let cueOnly = Verb(reports: false)
        let naming = Verb(reports: false, characterizes: true)

        add(("say", "says", "said", "saying"), bare)
        add(("tell", "tells", "told", "telling"), Verb(bareClause: true, object: true))
        add(("write", "writes", "wrote", "writing"), bare)
        add(("think", "thinks", "thought", "thinking"), cueOnly)
        for b in ["add", "claim", "argue", "insist", "believe", "predict", "estimate", "warn", "announce",
                  "confirm", "reckon", "complain", "concede", "allege", "report", "estimate"] {
            add(regular(b), bare)
        }
        for b in ["state", "note", "stress", "emphasize", "emphasise", "underline", "underscore", "explain",
                  "recall", "reiterate", "highlight", "indicate", "mention", "acknowledge", "suggest", "reveal",
                  "disclose", "vow", "pledge", "contend", "maintain", "assert", "conclude", "declare", "remark",
                  "comment", "observe", "reply", "respond", "answer", "tweet", "caution", "lament", "deny",
                  "testify", "clarify", "specify", "hint", "boast", "affirm", "point", "repeat", "proclaim", "concur", "retort", "counter", "muse", "recount"] {
            add(regular(b), plain)
        }
        t["admitted"] = (Verb(bareClause: true), .finite)
        t["admits"] = (Verb(bareClause: true), .finite)
        t["admit"] = (Verb(bareClause: true), .base)
        t["admitting"] = (Verb(bareClause: true), .gerund)
        for b in ["inform", "assure", "remind", "notify", "advise", "brief", "promise", "convince"] {
            add(regular(b), withObject)
        }
        add(("ask", "asks", "asked", "asking"), Verb(reports: false, object: true))
        for b in ["shout", "cry", "yell", "scream", "whisper", "laugh", "joke", "smile", "sigh", "continue",
                  "exclaim", "mutter", "murmur", "snap", "post", "wonder", "chant", "plead", "urge", "quip"] {
            add(regular(b), cueOnly)
        }
        t["quipped"] = (cueOnly, .finite)
        t["snapped"] = (cueOnly, .finite)
        t["began"] = (cueOnly, .finite)
        t["begins"] = (cueOnly, .finite)
        add(("go", "goes", "went", "going"), Verb(reports: false))  // only as "went on"
        for b in ["call", "describe", "brand", "label", "term", "dub", "hail", "slam", "blast", "praise",
                  "condemn", "criticize", "criticise", "denounce", "dismiss", "accuse", "characterize",
                  "characterise", "deem", "refer", "decry"] {
            add(regular(b), naming)
        }
        t["labelled"] = (naming, .finite)
        t["dubbed"] = (naming, .finite)
        t["referred"] = (naming, .finite)
        // Past participles that differ from the past tense are passive-only, which `passive` handles.
        return t
    }()

    /// Words that only cue a quote as part of a phrase ("point out", "went on").
    private static let needsParticle: [String: String] = [
        "point": "out", "points": "out", "pointed": "out", "pointing": "out",
        "go": "on", "goes": "on", "went": "on", "going": "on",
    ]

    /// Nouns for speech: they cue a quoted fragment ("in a statement: “…”") but never take a subject.
    static let nouns: Set<String> = [
        "statement", "statements", "remarks", "remark", "words", "comments", "comment", "speech", "interview",
        "message", "letter", "post", "tweet", "address", "declaration", "briefing", "announcement", "testimony",
        "claim", "claims", "assertion", "warning", "promise", "pledge", "appeal", "response", "reply", "answer",
    ]

    /// The speech cue starting at token `i`, if any (found once per document by `detect`).
    /// Base forms that are also nouns: after a determiner or possessive they are the noun ("her term", "a call").
    static let uninflectedNouns: Set<String> = [
        "term", "call", "promise", "claim", "warning", "report", "label", "brand", "praise", "answer", "reply",
        "comment", "statement", "appeal", "pledge", "boast", "hail",
    ]

    @inline(__always) static func cue(at i: Int, in c: QuoteContext) -> Cue? {
        i >= 0 && i < c.count ? c.cues[i] : nil
    }

    static func detect(at i: Int, in c: QuoteContext) -> Cue? {
        guard c.isWord(i) else { return nil }
        let w = c.words[i]
        if w == "according", c.is(i + 1, "to") {
            return Cue(first: i, end: i + 2, verb: Verb(), form: .finite, according: true)
        }
        // "brought to (the) attention (of …) that"
        // Each family is compared only at a token whose first byte can start it (QuoteContext.mayStart).
        if c.mayStart(i, UInt8(ascii: "b")), w == "brought" || w == "brings" || w == "bring" || w == "bringing" {
            var j = i + 1
            guard c.is(j, "to") else { return nil }
            j += 1
            if c.is(j, "the") || c.is(j, "his") || c.is(j, "her") || c.is(j, "their") { j += 1 }
            guard c.is(j, "attention") else { return nil }
            return Cue(first: i, end: j + 1, verb: Verb(object: true), form: w == "bringing" ? .gerund : .finite)
        }
        // "expressed hope that", "voiced concern that", "made it clear that"
        if c.is(i + 2, "that"), expressive.contains(w), c.isWord(i + 1), feelings.contains(c.words[i + 1]) {
            return Cue(first: i, end: i + 2, verb: Verb(), form: w.hasSuffix("ing") ? .gerund : .finite)
        }
        if c.mayStart(i, UInt8(ascii: "m")), w == "made" || w == "makes" || w == "make" || w == "making",
           c.is(i + 1, "it"), c.is(i + 2, "clear") {
            return Cue(first: i, end: i + 3, verb: Verb(), form: w == "making" ? .gerund : .finite)
        }
        guard let (verb, form) = table[w] else { return nil }
        // "such reports", "the claims", "his remarks": the -s form after a determiner is the noun.
        if form == .finite, w.hasSuffix("s") || uninflectedNouns.contains(w), i > 0,
           c.has(i - 1, .possessive) || (c.isWord(i - 1) && nounMarkers.contains(c.words[i - 1])) {
            return nil
        }
        if c.mayStart(i, UInt8(ascii: "p"), UInt8(ascii: "g"), UInt8(ascii: "w")), let particle = needsParticle[w] {
            guard c.is(i + 1, particle) else { return nil }
            return Cue(first: i, end: i + 2, verb: w.hasPrefix("go") || w == "went" ? Verb(reports: false) : verb,
                       form: form)
        }
        // "said" right after "was"/"is" is passive; callers that want passives ask `passive(at:)`.
        return Cue(first: i, end: i + 1, verb: verb, form: form)
    }

    /// First words of the cues `detect` reads as phrases.
    static let phraseStarts: Set<String> = expressive.union([
        "according", "bring", "brings", "brought", "bringing", "make", "makes", "made", "making",
    ])

    private static let expressive: Set<String> = [
        "express", "expresses", "expressed", "expressing", "voice", "voices", "voiced", "voicing",
    ]
    private static let feelings: Set<String> = [
        "hope", "confidence", "concern", "concerns", "regret", "belief", "conviction", "satisfaction", "fear",
        "fears", "optimism", "doubt", "doubts", "certainty", "dismay", "disappointment", "surprise", "alarm",
    ]

    private static let nounMarkers: Set<String> = [
        "the", "a", "an", "such", "these", "those", "this", "that", "his", "her", "its", "their", "our", "my",
        "your", "some", "many", "no", "any", "recent", "media", "new", "earlier", "previous", "press", "news",
        "unconfirmed", "false", "several", "other", "further", "latest", "conflicting", "initial", "first",
    ]

    static let passiveAuxiliaries: Set<String> = ["was", "were", "is", "are", "been", "be"]

    /// "It was stated that …", "It has been noted that …": the cue of a passive report, whose speaker is unnamed.
    static func passive(at i: Int, in c: QuoteContext) -> Cue? {
        guard let cue = cue(at: i, in: c), cue.verb.reports, cue.form == .finite,
              c.words[i].hasSuffix("ed") || c.words[i] == "said" || c.words[i] == "told" || c.words[i] == "brought"
        else { return nil }
        var j = i - 1
        if j >= 0, c.has(j, .adverb) { j -= 1 }
        guard passiveAuxiliaries.contains(c.word(j)) else { return nil }
        return cue
    }
}
