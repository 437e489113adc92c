/// Roles and descriptions as speakers: "the deputy minister" is whoever the text introduced as deputy minister,
/// "the head of state" whoever holds a head-of-state title, "the agency" the organisation last quoted, "the
/// Argentine" the person the report is about — and no one when the role is pinned elsewhere ("the President of
/// France" in a text that never names him) or the source is unnamed ("an official").
extension SpeakerResolver {
    static let genericModifiers: Set<String> = [
        "new", "current", "same", "other", "then", "top", "senior", "local", "main", "leading", "long-time",
        "longtime", "veteran", "young",
    ]
    static let headsOfState: Set<String> = [
        "president", "king", "queen", "emperor", "sultan", "emir", "monarch", "leader",
    ]
    /// Nouns any organisation can be called by, unlike "the government" or "the police".
    static let genericBodies: Set<String> = [
        "agency", "company", "firm", "group", "organization", "organisation", "club", "team", "bank", "airline",
        "carrier", "association", "federation", "institute", "university", "foundation", "network", "channel",
        "newspaper", "regulator", "watchdog", "union", "party", "operator", "organizers", "organisers",
    ]
    static let headsOfGovernment: Set<String> = ["prime", "premier", "chancellor"]

    func role(_ m: Mention) -> String? {
        if m.indefinite { return nil }
        if m.anaphor {
            return anaphor(m, head: m.roleWords.last { SpeakerWords.roles.contains($0) })
        }
        guard let head = m.roleWords.last(where: { SpeakerWords.roles.contains($0) || SpeakerWords.bodies.contains($0) })
        else { return nil }
        let phraseStart = m.phraseFirst
        let hasDeterminer = c.isWord(phraseStart) && c.has(phraseStart, .definite)
        // "study says", "officials said": a bare common noun names no one.
        if !hasDeterminer && !c.isCapitalized(phraseStart) { return nil }
        if SpeakerWords.documents.contains(head) { return nil }
        var words = m.roleWords.filter { !SpeakerResolver.genericModifiers.contains($0) }
        var anyOf: Set<String> = []
        let stateWords: Set<String> = ["state", "country", "nation", "executive"]
        if words.contains("head") && words.contains(where: stateWords.contains) {
            anyOf = SpeakerResolver.headsOfState
            words.removeAll { $0 == "head" || stateWords.contains($0) }
        } else if words.contains("head") && words.contains("government") {
            anyOf = SpeakerResolver.headsOfGovernment
            words.removeAll { $0 == "head" || $0 == "government" }
        }
        let person = SpeakerWords.roles.contains(head) || !anyOf.isEmpty
        // Most people are named without a role: with nothing to match, they match only when nothing is asked.
        let emptyPoolMatches = anyOf.isEmpty && words.isEmpty
        let recent = recentIndices(before: m.first)
        for k in recent.reversed() where timeline[k].isPerson == person {
            // An unnamed speaker's name splits into no words.
            if timeline[k].roleWords.isEmpty && (person || timeline[k].name.isEmpty) {
                if emptyPoolMatches { return timeline[k].name.isEmpty ? nil : timeline[k].name }
                continue
            }
            let n = timeline[k]
            let pool = person ? n.roleWords : n.roleWords + nameWords.of(n.name)
            // "the head of state" is whoever holds a head-of-state title, or was called head of state.
            if !anyOf.isEmpty && !pool.contains(where: anyOf.contains)
                && !(pool.contains("head") && (pool.contains("state") || pool.contains("government"))) { continue }
            if words.allSatisfy({ w in pool.contains { SpeakerResolver.sameRoot(w, $0) } }) {
                return n.name.isEmpty ? nil : n.name
            }
        }
        // "the Mexican president" when the text has one president, introduced without a country: that one — but
        // not when another country was given, or when several people hold the role.
        if person, anyOf.isEmpty, let unique = uniqueHolder(of: head, before: m.first) {
            let qualifiers = words.filter { !SpeakerResolver.isRoleWord($0) }
            let theirs = unique.pool.filter { !SpeakerResolver.isRoleWord($0) }
            if theirs.isEmpty || qualifiers.allSatisfy({ q in theirs.contains { SpeakerResolver.sameRoot(q, $0) } }) {
                return unique.name
            }
        }
        // "the agency said" after the World Meteorological Organization: the organisation last named.
        if !person && hasDeterminer && !m.qualified && SpeakerResolver.genericBodies.contains(head) {
            return lastOrganisation(before: m.first)
        }
        // "the Arsenal manager" when no one was introduced as such: the person the report is about, unless the
        // text gave them a different role.
        if person && hasDeterminer && !m.qualified {
            if anyOf.isEmpty { return anaphor(m, head: head) }
            // "the head of state" with no one so titled: the person the report is about, unless given another role.
            var verdicts: [String: Bool] = [:]  // the same few names come up sentence after sentence
            return salientPerson(before: m.first) { name in
                if let verdict = verdicts[name] { return verdict }
                let roles = roleNouns(of: name, before: m.first)
                let verdict = !roles.isEmpty && !roles.contains { anyOf.contains($0) || $0 == "head" }
                verdicts[name] = verdict
                return verdict
            }
        }
        return nil
    }

    static func isRoleWord(_ w: String) -> Bool {
        SpeakerWords.roles.contains(w) || SpeakerWords.titles.contains(w) || SpeakerWords.roleModifiers.contains(w)
            || SpeakerWords.bodies.contains(w)
    }

    /// The one named person the text gave a role, with all the role words it gave them; nil when none or several.
    func uniqueHolder(of head: String, before token: Int) -> (name: String, pool: [String])? {
        var holder: String?
        var pool: [String] = []
        let recent = recentIndices(before: token)
        for k in recent where timeline[k].isPerson && !timeline[k].roleWords.isEmpty && !timeline[k].name.isEmpty
            && timeline[k].roleWords.contains(where: { SpeakerResolver.sameRoot($0, head) }) {
            if let holder, holder != timeline[k].name { return nil }
            holder = timeline[k].name
        }
        guard let holder else { return nil }
        for k in recent where !timeline[k].roleWords.isEmpty && timeline[k].name == holder { pool += timeline[k].roleWords }
        return (holder, pool)
    }

    /// The role nouns the text gave `name` in the mentions before `token`.
    func roleNouns(of name: String, before token: Int) -> [String] {
        recentIndices(before: token).filter { !timeline[$0].roleWords.isEmpty && timeline[$0].name == name }
            .flatMap { timeline[$0].roleWords }.filter { SpeakerWords.roles.contains($0) }
    }

    /// Role nouns any office-holder can be called by: they contradict no role the text gave.
    static let genericRoles: Set<String> = [
        "leader", "official", "politician", "head", "chief", "figure", "veteran", "boss", "man", "woman",
        "executive", "diplomat", "lawmaker", "statesman", "incumbent",
    ]

    func anaphor(_ m: Mention, head: String?) -> String? {
        var verdicts: [String: Bool] = [:]  // the same few names come up sentence after sentence
        return salientPerson(before: m.first) { name in
            guard let head, !SpeakerResolver.genericRoles.contains(head) else { return false }
            if let verdict = verdicts[name] { return verdict }
            let roles = roleNouns(of: name, before: m.first)
            let verdict = !roles.isEmpty && !roles.contains { SpeakerResolver.sameRoot($0, head) }
            verdicts[name] = verdict
            return verdict
        }
    }

    /// "Azerbaijani" and "Azerbaijan", "Russian" and "Russia": one word's stem.
    static func sameRoot(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // Role words are nearly always ASCII, where characters are bytes: no grapheme counting.
        if let answer = asciiSameRoot(a, b) { return answer }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count >= 4, long.count - short.count <= 3 else { return false }
        if long.hasPrefix(short) { return true }
        return short.count >= 6 && long.hasPrefix(short.dropLast())
    }

    /// `sameRoot` for two different ASCII words without a carriage return (the one pair of ASCII scalars that
    /// makes a single character); nil for any other pair.
    private static func asciiSameRoot(_ a: String, _ b: String) -> Bool? {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard !x.contains(where: { $0 >= 0x80 || $0 == 0x0D }), !y.contains(where: { $0 >= 0x80 || $0 == 0x0D })
                else { return nil }
                let (short, long) = x.count <= y.count ? (x, y) : (y, x)
                guard short.count >= 4, long.count - short.count <= 3 else { return false }
                if long.starts(with: short) { return true }
                return short.count >= 6 && long.starts(with: short.dropLast())
            }
        }
    }
}
