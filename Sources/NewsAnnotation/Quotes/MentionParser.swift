/// Reads the noun phrase that names a speaker: "he", "Aliyev", "Russian Defense Minister Sergei Shoigu",
/// "the head of our state", "the President of France", "Azerbaijan’s Defense Ministry", "an official".
///
/// The phrase is read as a run of units (entities, capitalised words, titles, role nouns, "of"-links,
/// possessives); what the run ends with decides what it is: a name at the end wins (titles before it are not the
/// speaker's name), a role noun at the end makes a role, a place alone is a place.
struct MentionParser {
    let c: QuoteContext

    enum Unit: Equatable {
        case person(Int32), org(Int32), place(Int32)
        case cap, title, role, body, modifier
        case of, det, and, possessive

        /// "of", a determiner after it, "and", a possessive: what links units rather than names anything. A switch,
        /// not four comparisons through the payload-aware `==`.
        var isLink: Bool {
            switch self {
            case .of, .det, .and, .possessive: return true
            default: return false
            }
        }
    }

    struct Item {
        var first: Int
        var end: Int
        var unit: Unit
    }

    /// The speaker phrase that starts at token `s` and ends at or before `limit`; with `reachingLimit`, only one
    /// that ends exactly at `limit` (others are given up as soon as they fall short, before any is built).
    func parse(from s: Int, limit: Int, reachingLimit: Bool = false) -> Mention? {
        guard s >= 0, s < limit, limit <= c.count, c.tokens[s].kind == .word else { return nil }
        // The entity index, not the entity: most starts tried are no phrase, and copying an entity retains its name.
        let entityAtStart = c.entityAt[s]
        if entityAtStart >= 0, Int(c.entities[Int(entityAtStart)].firstToken) != s { return nil }
        let w0 = c.words[s]
        if c.has(s, .pronoun), entityAtStart < 0, let p = SpeakerWords.pronouns[w0] {
            return Mention(first: s, end: s + 1, kind: .pronoun(p), phraseFirst: s, phraseEnd: s + 1)
        }
        var i = s
        var indefinite = false
        var definite = false
        if entityAtStart < 0 {
            if c.has(s, .indefinite) {
                indefinite = true
                i += 1
            } else if c.has(s, .definite) {
                definite = w0 == "the"
                i += 1
            }
        }
        if definite, let m = ageAnaphor(s, from: i, limit: limit) { return m }
        // The context lends its buffer for the units: a parse is tried at many starts, and an array of its own
        // cost an allocation each. (A nested parse finds the buffer out and makes its own.)
        var items = c.mentionItems
        c.mentionItems = []
        items.removeAll(keepingCapacity: true)
        defer { c.mentionItems = items }
        // Most starts tried end with no unit at all: allocate at the first, room for a whole phrase at once.
        func add(_ item: Item) {
            if items.isEmpty { items.reserveCapacity(8) }
            items.append(item)
        }
        var j = i
        while j < limit {
            let index = c.entityAt[j]
            if index >= 0 {
                let e = c.entities[Int(index)]
                guard Int(e.firstToken) == j else { break }
                let end = min(limit, Int(e.endToken))
                let unit: Unit = e.type == .person ? .person(index) : e.type == .org ? .org(index) : .place(index)
                add(Item(first: j, end: end, unit: unit))
                j = end
                continue
            }
            let w = c.words[j]
            if c.tokens[j].kind != .word {
                if (w == "'s" || w == "’s"), !items.isEmpty, c.glued(j) {
                    add(Item(first: j, end: j + 1, unit: .possessive))
                    j += 1
                    continue
                }
                if w == "-", !items.isEmpty, c.glued(j), j + 1 < limit, c.glued(j + 1), c.isWord(j + 1) {
                    j += 1
                    continue
                }
                if w == ".", c.glued(j), let last = items.last, last.end == j,
                   c.has(j - 1, .title) || (c.tokens[j - 1].range.length == 1 && c.isCapitalized(j - 1)) {
                    j += 1
                    continue
                }
                break
            }
            let capitalized = c.tokens[j].isCapitalized
            let tag = c.tags[j]
            let unit: Unit
            let last = items.last?.unit
            if w == "of", let last, last != .of, last != .det, last != .and, last != .possessive, j + 1 < limit,
               c.isWord(j + 1), !MentionParser.isPerson(last) {
                unit = .of
            } else if last == .of, tag.contains(.definite), w != "that", w != "this" {
                unit = .det
            } else if w == "and", let last, last == .cap || last == .title || last == .role || last == .body,
                      c.isCapitalized(j + 1) {
                unit = .and
            } else if tag.contains(.role) {
                unit = .role
            } else if tag.contains(.body) {
                unit = .body
            } else if !tag.isDisjoint(with: [.title, .roleModifier]) {
                unit = capitalized ? .title : .modifier
            } else if capitalized, tag.isDisjoint(with: [.calendar, .speechVerb]),
                      !(tag.contains(.functionWord) && (items.isEmpty || last == .of)) {
                unit = .cap
            } else if last == .of, w == "affairs" {
                unit = .body
            } else if c.tokens[j].flags.contains(.lowercase), j + 1 < limit, c.has(j + 1, [.role, .body]),
                      tag.isDisjoint(with: [.auxiliary, .preposition, .speechVerb, .adverb]), w != "and", w != "or" {
                // "the fire service", "a health ministry spokesman": a plain noun before the head.
                unit = .modifier
            } else {
                break
            }
            add(Item(first: j, end: j + 1, unit: unit))
            j += 1
        }
        // Every phrase built below ends where its last item ends, at or before `j`.
        if reachingLimit && j < limit { return nil }
        while let last = items.last, last.unit.isLink {
            items.removeLast()
        }
        guard !items.isEmpty else { return nil }
        let phraseEnd = items.last!.end
        // After a possessive the phrase starts again: "Azerbaijan’s Defense Ministry" names the ministry.
        var k = 0
        for (index, item) in items.enumerated() where item.unit == .possessive { k = index + 1 }
        let tail = k == 0 ? items : Array(items[k...])
        guard let lastItem = tail.last else { return nil }
        var words: [String] = []
        words.reserveCapacity(phraseEnd - s)
        for item in items where !item.unit.isLink {
            for t in item.first..<item.end where c.isWord(t) { words.append(c.words[t]) }
        }
        let qualified = tail.contains { item in
            if case .place = item.unit { return true }
            return item.unit == .cap
        }
        func mention(_ first: Int, _ end: Int, _ kind: Mention.Kind, entity: Int32 = -1) -> Mention {
            Mention(first: first, end: end, kind: kind, entity: entity, roleWords: words, indefinite: indefinite,
                    qualified: qualified, phraseFirst: s, phraseEnd: phraseEnd)
        }
        switch lastItem.unit {
        case .person(let index), .org(let index):
            return mention(lastItem.first, lastItem.end, .name, entity: index)
        case .cap:
            // "The Argentine added": a nationality standing for the person.
            if definite, tail.count == 1, items.count == 1, lastItem.end == lastItem.first + 1,
               MentionParser.looksLikeDemonym(c.words[lastItem.first]) {
                var m = mention(s, lastItem.end, .role)
                m.anaphor = true
                return m
            }
            var runStart = tail.count - 1
            while runStart > 0, tail[runStart - 1].unit == .cap { runStart -= 1 }
            var first = tail[runStart].first
            let runLength = tail.count - runStart
            if runStart > 0 && runLength >= 2 {
                // "President of the Republic of Azerbaijan Ilham Aliyev" without entities: the name starts at a
                // given name, or is the last two words.
                if let given = (runStart..<(tail.count - 1)).first(where: { c.givenNames.contains(c.words[tail[$0].first]) }) {
                    first = tail[given].first
                } else if runLength >= 3 {
                    first = tail[tail.count - 2].first
                }
            }
            return mention(first, lastItem.end, .name)
        case .place(let index):
            let hasHead = tail.contains { $0.unit == .role || $0.unit == .body }
            if hasHead { return mention(k == 0 ? s : tail[0].first, phraseEnd, .role) }
            if tail.count == 1 { return mention(lastItem.first, lastItem.end, .place, entity: index) }
            return nil
        case .role, .body, .title, .modifier:
            guard tail.contains(where: { $0.unit == .role || $0.unit == .body }) else { return nil }
            // "the ministry's statement", "Smith's letter": the document speaks for whoever owns it.
            if k > 0, lastItem.unit == .body, c.has(lastItem.first, .document),
               var owner = parse(from: s, limit: items[k - 1].first), owner.phraseEnd == items[k - 1].first {
                owner.phraseEnd = phraseEnd
                return owner
            }
            let headIsBody = lastItem.unit == .body
            let allCapitalized = tail.allSatisfy { item in
                item.unit == .of || item.unit == .det || item.unit == .and || c.isCapitalized(item.first)
            }
            if headIsBody && allCapitalized && !c.has(lastItem.first, .document)
                && c.words[lastItem.first] != "state" {
                // "Foreign Ministry", "Azerbaijani Foreign Ministry": an organisation's name the entity stage missed.
                return mention(tail[0].first, lastItem.end, .name)
            }
            let first = k == 0 ? s : tail[0].first
            return mention(first, phraseEnd, .role)
        case .of, .det, .and, .possessive:
            return nil
        }
    }

    /// Whether `parse` from any start before word `j` stops at `j`, whatever it read before: a lower-case word of no
    /// class a phrase takes in, not naming something before a role noun after it. The pronoun and the age phrase
    /// ("the 45-year-old") end where they end, before `j` or not through it. Words starting with "a", "o" or "y"
    /// ("and", "affairs", "of", "old", "year", which the reader treats by spelling) are left to it.
    private func breaksPhrase(_ j: Int, limit: Int) -> Bool {
        guard c.entityAt[j] < 0, c.tokens[j].kind == .word, !c.tokens[j].isCapitalized else { return false }
        let tag = c.tags[j]
        guard tag.isDisjoint(with: [.definite, .role, .body, .title, .roleModifier]) else { return false }
        let first = c.text[c.tokens[j].start] | 0x20
        guard first != UInt8(ascii: "a"), first != UInt8(ascii: "o"), first != UInt8(ascii: "y") else { return false }
        if c.tokens[j].flags.contains(.lowercase), j + 1 < limit, c.has(j + 1, [.role, .body]),
           tag.isDisjoint(with: [.auxiliary, .preposition, .speechVerb, .adverb]) {
            return false
        }
        return true
    }

    private static func isPerson(_ unit: Unit) -> Bool {
        if case .person = unit { return true }
        return false
    }

    static func looksLikeDemonym(_ w: String) -> Bool {
        for suffix in ["ian", "an", "ese", "ish", "ch", "man", "woman", "i", "ine"] where w.hasSuffix(suffix) && w.count > suffix.count + 2 {
            return true
        }
        return false
    }

    /// "the 45-year-old (striker)": an age standing for the person.
    private func ageAnaphor(_ s: Int, from i: Int, limit: Int) -> Mention? {
        guard i + 4 < limit, c.tokens[i].kind == .number, c.is(i + 1, "-"),
              c.is(i + 2, "year"), c.is(i + 3, "-"), c.is(i + 4, "old") else { return nil }
        var end = i + 5
        if end < limit, c.isLower(end), c.has(end, .role) { end += 1 }
        return Mention(first: s, end: end, kind: .role, roleWords: end > i + 5 ? [c.words[i + 5]] : [],
                       anaphor: true, phraseFirst: s, phraseEnd: end)
    }

    /// The longest speaker phrase that ends exactly at `end`, starting no earlier than `lowerBound` nor before a
    /// punctuation mark other than those inside names ("Mr.", "O'Brien", "Kassym-Jomart", "Azerbaijan's").
    func parse(endingAt end: Int, lowerBound: Int) -> Mention? {
        var floor = end
        while floor > max(lowerBound, end - 16) {
            let k = floor - 1
            if c.tokens[k].kind == .punct, !c.isPunct(k, [.dash, .period, .possessive]) { break }
            floor = k
        }
        // A start before a word no phrase runs through stops there, short of `end`: only starts from the last such
        // word on can give a phrase, and those before it are not read at all.
        var s = floor
        var k = end - 1
        while k > floor {
            if breaksPhrase(k, limit: end) {
                s = k
                break
            }
            k -= 1
        }
        while s < end {
            if c.tokens[s].kind == .word, let m = parse(from: s, limit: end, reachingLimit: true), m.phraseEnd == end {
                return m
            }
            s += 1
        }
        return nil
    }
}
