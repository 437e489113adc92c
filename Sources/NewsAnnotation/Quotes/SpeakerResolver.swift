/// Turns each quote's speaker mention into the canonical name it refers to.
///
/// - a name: its entity's canonical name, or the fullest form of it the text used ("Aliyev" → "Ilham Aliyev");
/// - a role: whoever the text introduced with that role ("Kremlin Spokesman Dmitry Peskov" … "the Kremlin
///   spokesman"; "the head of state" → the president); no one when the text never names them ("the President of
///   France", "an official");
/// - "he"/"she": the last person before it; "it"/"they": the last organisation; "I"/"we" inside a quote: that
///   quote's speaker; "you" inside a quote: the speaker before;
/// - a passive report ("it was stated that"): the report in the sentence before, if there is one.
struct SpeakerResolver {
    let c: QuoteContext
    let parser: MentionParser

    /// A person or organisation the text named, where, and the role words it was named with.
    struct Named {
        var token: Int
        var name: String
        var isPerson: Bool
        var roleWords: [String]
        /// Named inside a quotation or report (its widest): what a speaker talks about, not whom the report's
        /// "he" means — unless the "he" is inside the same quotation.
        var quotedIn: Range<Int>?
        /// The speaker of a quote: the one a following "he said" most likely goes on with.
        var isSpeaker = false
    }

    /// Organisations' names in lower-case words, which roles are matched against too: split once per name, not at
    /// every role that looks back past it. A class, so that the resolver's lookups can fill it.
    final class NameWords {
        private var byName: [String: [String]] = [:]

        func of(_ name: String) -> [String] {
            if let words = byName[name] { return words }
            let words = name.lowercased().split(separator: " ").map(String.init)
            byName[name] = words
            return words
        }
    }
    let nameWords = NameWords()

    /// The people and organisations remembered so far, sorted by token.
    private(set) var timeline: [Named] = []
    /// The entities' entries, sorted by token, and how many of them are in `timeline` yet. They join it only as
    /// `resolve` reaches them, so that the speakers it remembers, which come in text order, are appended rather
    /// than inserted before thousands of later entities.
    private var entityEntries: [Named] = []
    private var admitted = 0
    /// Evidence of each person's sex from the text itself: > 0 male, < 0 female ("Sheinbaum said her government
    /// …", "Mr Johnson").
    private var sex: [String: Int] = [:]
    /// The last words of every multi-word person name ("aliyev", "van hollen") → the first such name.
    private var bySuffix: [String: String] = [:]
    private var indexed: Set<String> = []
    /// Each name's suffix keys, remembered across the worker's documents.
    let suffixKeys: NameSuffixKeys

    private static let maleWords: Set<String> = [
        "mr", "sir", "lord", "king", "prince", "sheikh", "emir", "sultan", "father", "husband", "brother", "son",
        "chairman", "spokesman", "congressman", "businessman", "grandfather", "uncle", "nephew", "boy", "man",
    ]
    private static let femaleWords: Set<String> = [
        "mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "mother", "wife", "sister", "daughter",
        "chairwoman", "spokeswoman", "congresswoman", "businesswoman", "actress", "grandmother", "aunt", "niece",
        "girl", "woman", "first lady",
    ]
    private static let sexWords: [String: Int] = {
        var words: [String: Int] = [:]
        for word in femaleWords { words[word] = -1 }
        for word in maleWords { words[word] = 1 }
        return words
    }()

    init(c: QuoteContext, parser: MentionParser, quotes: [FoundQuote], suffixKeys: NameSuffixKeys = NameSuffixKeys()) {
        self.c = c
        self.parser = parser
        self.suffixKeys = suffixKeys
        // Room for every person named at once: growing these tables rehashes every name in them.
        let people = c.entities.reduce(0) { $1.type == .person ? $0 + 1 : $0 }
        sex.reserveCapacity(people)
        indexed.reserveCapacity(people)
        bySuffix.reserveCapacity(people * 2)
        // The widest quote holding each token: filled widest first, so each token is written once.
        let spans = quotes.map { $0.first..<$0.end }.sorted { $0.count > $1.count }
        var widestAt = [Int32](repeating: -1, count: c.count)
        for (s, span) in spans.enumerated() {
            for t in span.clamped(to: 0..<c.count) where widestAt[t] < 0 { widestAt[t] = Int32(s) }
        }
        for (index, e) in c.entities.enumerated() where e.type != .place {
            let first = Int(e.firstToken), end = Int(e.endToken)
            guard first < end, end <= c.count else { continue }
            let sentence = c.sentence(of: first)
            var roles: [String] = []
            if let m = parser.parse(endingAt: end, lowerBound: sentence.lowerBound), m.entity == Int32(index) {
                roles = m.roleWords  // shares the mention's buffer where appending to an empty array copied it
            }
            // "Khalaf Khalafov, Deputy Minister of Foreign Affairs of …"
            if end < sentence.upperBound, c.isPunct(end, [.comma]),
               let m = parser.parse(from: end + 1, limit: sentence.upperBound), case .role = m.kind {
                roles += m.roleWords
            }
            // "the head of the city administration, Timur Tkachenko"
            if first - 1 > sentence.lowerBound, c.isPunct(first - 1, [.comma]),
               let m = parser.parse(endingAt: first - 1, lowerBound: sentence.lowerBound), case .role = m.kind {
                roles += m.roleWords
            }
            if !roles.isEmpty { roles.removeAll { c.words[first..<end].contains($0) } }
            if e.type == .person {
                // No evidence adds nothing: every read takes a missing name as 0, so the table is not touched.
                let evidence = SpeakerResolver.sexOf(roles) * 2 + pronounAfter(end, in: sentence)
                if evidence != 0 { sex[e.name, default: 0] += evidence }
            }
            if e.type == .person { indexSuffixes(e.name) }
            entityEntries.append(Named(token: first, name: e.name, isPerson: e.type == .person, roleWords: roles,
                                  quotedIn: widestAt[first] >= 0 && spans[Int(widestAt[first])].upperBound >= end
                                      ? spans[Int(widestAt[first])] : nil))
        }
        // Entities come sorted; were they not, admitting them all now keeps the timeline what inserting gives.
        if zip(entityEntries, entityEntries.dropFirst()).contains(where: { $0.token > $1.token }) {
            for entry in entityEntries { insertInTimeline(entry) }
            admitted = entityEntries.count
        }
    }

    /// Moves the entities' entries up to and including token `token` into the timeline. Every query before a token
    /// admits up to it first; what is admitted later lies after every speaker remembered so far, so appending
    /// keeps the timeline sorted, ties in the order insertion gave (an entity before a speaker at its token).
    private mutating func admit(through token: Int) {
        while admitted < entityEntries.count, entityEntries[admitted].token <= token {
            timeline.append(entityEntries[admitted])
            admitted += 1
        }
    }

    /// The first personal pronoun after a name in its sentence, before anyone else is named: +1 he, -1 she.
    private func pronounAfter(_ end: Int, in sentence: Range<Int>) -> Int {
        var k = end
        while k < min(sentence.upperBound, end + 15) {
            if c.entityAt[k] >= 0, c.entities[Int(c.entityAt[k])].type == .person { return 0 }
            // Only a token tagged as one of the pronouns is looked up.
            if c.tags[k].contains(.sexedPronoun), let sign = SpeakerWords.sexedPronouns[c.words[k]] { return sign }
            k += 1
        }
        return 0
    }

    /// A bit for a word's first byte and length: no word of the lists has a bit that none of them sets, so most role
    /// words ("president", "minister") are passed over without hashing them.
    @inline(__always) private static func shapeBit(_ word: String) -> UInt64 {
        1 &<< UInt64((Int(word.utf8.first ?? 0) &* 31 &+ word.utf8.count) & 63)
    }

    private static let sexWordShapes: UInt64 = sexWords.keys.reduce(0) { $0 | shapeBit($1) }

    private static func sexOf(_ words: [String]) -> Int {
        // One lookup a word in both lists at once: a male word anywhere wins over a female one before it.
        var female = false
        for word in words where sexWordShapes & shapeBit(word) != 0 {
            switch sexWords[word] {
            case .some(1): return 1
            case .some(-1): female = true
            default: break
            }
        }
        return female ? -1 : 0
    }

    mutating func resolve(_ quotes: inout [FoundQuote]) {
        // Positions first, so that sorting compares integers rather than copying quotes.
        let positions = quotes.map { q in q.speaker?.first ?? q.cue?.lowerBound ?? q.first }
        let order = quotes.indices.sorted { positions[$0] < positions[$1] }
        var done = [Bool](repeating: false, count: quotes.count)
        let author = byline()
        for i in order where quotes[i].sameSpeakerAs == nil && !quotes[i].passive {
            if quotes[i].interviewer {
                quotes[i].name = author
                done[i] = true
                continue
            }
            guard let m = quotes[i].speaker else {
                if quotes[i].interviewee { quotes[i].name = interviewee(quotes) }
                done[i] = true
                continue
            }
            if let p = m.pronoun, p == .first || p == .firstPlural || p == .second { continue }
            admit(through: m.first)
            if quotes[i].kind == .direct, let p = m.pronoun, p == .male || p == .female {
                // "“…,” she added": the speaker quoted just before goes on speaking, whoever was named since.
                let wanted = p == .male ? 1 : -1
                quotes[i].name = lastSpeaker(before: m.first, within: 1) { (sex[$0] ?? 0) * wanted < 0 }
                    ?? name(of: m)
            } else {
                quotes[i].name = name(of: m)
            }
            if !m.isPronoun {
                remember(m, name: quotes[i].name ?? "")
            } else if let name = quotes[i].name, let p = m.pronoun, p == .male || p == .female {
                // "he said" keeps its person speaking for the "he said" after it.
                let entry = Named(token: m.first, name: name, isPerson: true, roleWords: [], quotedIn: nil, isSpeaker: true)
                insertInTimeline(entry)
            }
            done[i] = true
        }
        // Then what depends on other quotes: the quote around a pronoun, the quote carried on, the report before.
        var links: QuoteLinks?  // built when first needed, from the quotes as they are then
        for _ in 0..<4 {
            var progress = false
            for i in order where !done[i] {
                if let t = quotes[i].sameSpeakerAs {
                    guard done[t] else { continue }
                    quotes[i].speaker = quotes[t].speaker
                    quotes[i].name = quotes[t].name
                    if quotes[i].cue == nil {
                        quotes[i].cue = quotes[t].cue
                        links?.addCue(of: i, quotes, c: c)
                    }
                } else if quotes[i].passive {
                    if links == nil { links = QuoteLinks(quotes, c: c) }
                    let report = links!.report(before: i, quotes, c: c)
                    guard report == -1 || done[report] else { continue }
                    quotes[i].name = report >= 0 ? quotes[report].name : nil
                } else if let m = quotes[i].speaker, let p = m.pronoun {
                    guard let container = quotes[i].container else {
                        done[i] = true
                        progress = true
                        continue
                    }
                    guard done[container] else { continue }
                    if p == .second {
                        if links == nil { links = QuoteLinks(quotes, c: c) }
                        quotes[i].name = links!.addressee(of: container, quotes)
                    } else {
                        quotes[i].name = quotes[container].name
                    }
                }
                done[i] = true
                progress = true
            }
            if !progress { break }
        }
    }

    // MARK: - Mentions

    /// Adds a speaker to the people named so far; an unnamed one ("a spokesperson for the fire service") too, with
    /// an empty name, so that "the spokesperson" later goes back to no one rather than to someone else.
    private mutating func remember(_ m: Mention, name: String) {
        let isPerson: Bool
        if m.entity >= 0 {
            isPerson = c.entities[Int(m.entity)].type == .person
        } else if case .name = m.kind {
            isPerson = !(m.first..<m.end).contains { c.has($0, .body) || c.tokens[$0].flags.contains(.allCaps) }
        } else if case .role = m.kind {
            isPerson = !SpeakerWords.bodies.contains(m.roleWords.last ?? "")
        } else {
            return
        }
        if isPerson && m.entity < 0 { indexSuffixes(name) }
        let entry = Named(token: m.first, name: name, isPerson: isPerson, roleWords: m.roleWords, quotedIn: nil,
                          isSpeaker: true)
        insertInTimeline(entry)
    }

    func name(of m: Mention) -> String? {
        switch m.kind {
        case .name, .place:
            if m.entity >= 0 {
                let e = c.entities[Int(m.entity)]
                // A place that is also a person's surname here ("Kennedy said") is that person.
                return e.type == .org ? e.name : fullest(e.name, before: m.first)
            }
            return fullest(c.string(m.first, m.end), before: m.first)
        case .role:
            return role(m)
        case .pronoun(let p):
            switch p {
            case .male, .female:
                // Skip people the text marked as the other sex ("Mrs", "spokeswoman" for "he").
                let wanted = p == .male ? 1 : -1
                return salientPerson(before: m.first) { name in (sex[name] ?? 0) * wanted < 0 }
            case .neuter, .plural: return last(person: false, before: m.first, within: 2)
            default: return nil
            }
        }
    }

    private mutating func indexSuffixes(_ name: String) {
        guard indexed.insert(name).inserted else { return }
        for key in suffixKeys.keys(of: name) where bySuffix.index(forKey: key) == nil { bySuffix[key] = name }
    }

    /// A surname alone ("Aliyev", "VAN HOLLEN") stands for the first fuller name that ends with it.
    private func fullest(_ name: String, before token: Int) -> String {
        bySuffix[name.lowercased()] ?? name
    }

    /// Whom "he" or "she" means: in the sentence so far, its first person; else, sentence by sentence back, the
    /// speaker quoted there or its first person (the subject is the likelier antecedent than a later object).
    func salientPerson(before token: Int, within paragraphs: Int = 6,
                               excluding: (String) -> Bool = { _ in false }) -> String? {
        guard token < c.count else { return nil }
        let paragraph = Int(c.paragraphOf[token])
        var s = Int(c.sentenceOf[token])
        var upper = timelineIndex(before: token)
        while s >= 0 {
            let sentence = c.sentences[s]
            if paragraph - Int(c.paragraphOf[sentence.lowerBound]) > paragraphs { return nil }
            var lower = upper
            while lower > 0, timeline[lower - 1].token >= sentence.lowerBound { lower -= 1 }
            // The first speaker among the sentence's people, else its last person (by index: no copies).
            var speaker: Int?
            var last: Int?
            for k in lower..<upper where timeline[k].isPerson && visible(k, from: token) && !excluding(timeline[k].name) {
                if speaker == nil && timeline[k].isSpeaker { speaker = k }
                last = k
            }
            if let k = speaker ?? last { return timeline[k].name.isEmpty ? nil : timeline[k].name }
            upper = lower
            s -= 1
        }
        return nil
    }

    func lastSpeaker(before token: Int, within paragraphs: Int, excluding: (String) -> Bool) -> String? {
        let p = Int(c.paragraphOf[min(token, c.count - 1)])
        for k in recentIndices(before: token).reversed()
        where timeline[k].isPerson && timeline[k].isSpeaker && visible(k, from: token) {
            if p - Int(c.paragraphOf[timeline[k].token]) > paragraphs { return nil }
            if excluding(timeline[k].name) { continue }
            return timeline[k].name.isEmpty ? nil : timeline[k].name
        }
        return nil
    }

    /// How far back, in remembered mentions, a pronoun, role or report may reach. News stories hold a few hundred
    /// mentions; the bound keeps a pathological 50 MB "document" linear.
    static let lookBack = 4096

    /// The index of the first timeline entry at or after `token` (the timeline is sorted by token).
    func timelineIndex(before token: Int) -> Int {
        var lo = 0, hi = timeline.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if timeline[mid].token < token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The timeline indices of the remembered mentions before `token`, the last `lookBack` of them. Loops read
    /// the entries in place through them rather than copying each one out.
    func recentIndices(before token: Int) -> Range<Int> {
        let upper = timelineIndex(before: token)
        return max(0, upper - Self.lookBack)..<upper
    }

    private mutating func insertInTimeline(_ entry: Named) {
        if let last = timeline.last, last.token > entry.token {
            var lo = 0, hi = timeline.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if timeline[mid].token <= entry.token { lo = mid + 1 } else { hi = mid }
            }
            timeline.insert(entry, at: lo)
        } else {
            timeline.append(entry)
        }
    }

    func visible(_ k: Int, from token: Int) -> Bool {
        timeline[k].quotedIn.map { $0.contains(token) } ?? true
    }

    /// The organisation a report is about: the last one quoted, else the last one named.
    func lastOrganisation(before token: Int) -> String? {
        let p = Int(c.paragraphOf[min(token, c.count - 1)])
        for k in recentIndices(before: token).reversed()
        where !timeline[k].isPerson && visible(k, from: token) && timeline[k].isSpeaker && !timeline[k].name.isEmpty {
            if p - Int(c.paragraphOf[timeline[k].token]) > 6 { break }
            return timeline[k].name
        }
        return last(person: false, before: token, within: 3)
    }

    func last(person: Bool, before token: Int, within paragraphs: Int = 6) -> String? {
        let p = Int(c.paragraphOf[min(token, c.count - 1)])
        for k in recentIndices(before: token).reversed() where timeline[k].isPerson == person && visible(k, from: token) {
            if p - Int(c.paragraphOf[timeline[k].token]) > paragraphs { return nil }
            return timeline[k].name.isEmpty ? nil : timeline[k].name
        }
        return nil
    }

    /// The author the byline names: a PERSON right after a line-opening "By" near the top of the document.
    func byline() -> String? {
        // "By Lynn McConnell", "Interview by Rana Haddad": the name ends its line (or a comma follows it).
        // Only a token whose first byte is "b" or "B" can read "by": the others are skipped without a comparison.
        for t in 0..<min(c.count, 400) where c.text[c.tokens[t].start] | 0x20 == UInt8(ascii: "b") && c.is(t, "by") {
            guard let e = c.entity(t + 1), e.type == .person, Int(e.firstToken) == t + 1 else { continue }
            let end = Int(e.endToken)
            if end >= c.count || c.tokens[end].flags.contains(.lineStart) || c.isPunct(end, [.comma]) { return e.name }
        }
        return nil
    }

    /// Whom an interview's answers are from: the person last named before its first question or answer.
    private mutating func interviewee(_ quotes: [FoundQuote]) -> String? {
        guard let first = quotes.filter({ $0.kind == .turn && $0.speaker == nil }).map(\.first).min() else { return nil }
        admit(through: first)
        return salientPerson(before: first)
    }
}
