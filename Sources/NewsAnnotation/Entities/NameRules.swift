/// Finds the names no list holds, and the longer names lists only hold parts of, from the shape of the text.
///
/// It reads the tokens as *chunks*: runs of capitalised words (and gazetteer matches), joined inside by connectors
/// ("of", "of the", "and", "-", an initial's "."), broken by titles, punctuation and lower-case words. Each chunk
/// is then read as a whole before its parts:
/// 1. a chunk that is exactly one gazetteer phrase is that entity ("Russian Federation");
/// 2. a chunk whose name ends in an organisation word, or starts "Ministry of …", is one ORG, whatever places or
///    demonyms it holds ("Azerbaijani Foreign Ministry", "Embassy of Azerbaijan", "CIS Heads of State Council");
/// 3. a chunk ending in a place word is one PLACE ("Nakhchivan Autonomous Republic");
/// 4. otherwise its gazetteer matches stand, and each run of unknown words between them is a PERSON when something
///    says so — a title before it ("President … Ilham Aliyev"), a known given name, a surname shape ("-yev",
///    "-shvili", "-enko"), a speech verb after it — or a PLACE when a place noun follows ("Lachin district").
/// A chunk with no such evidence is left untagged: precision first.
struct NameRules {
    let gazetteer: Gazetteer

    struct Context {
        let doc: Document
        let keys: TokenKeys     // folded key of each token
        let keyIDs: [Int32]
        let classes: [WordClass]  // what the word lists say of each token's key
        let gazetteerAt: [Int32]  // index into `matches` covering the token, or -1
        let matches: [GazetteerMatcher.Match]
        let titleEnd: [Int32]   // for a token inside a title phrase: one past the phrase's last token; else -1
    }

    func entities(_ doc: Document, keys: TokenKeys, keyIDs: [Int32], classes: [WordClass], matches: [GazetteerMatcher.Match]) -> [Entity] {
        let tokens = doc.tokens
        var gazetteerAt = [Int32](repeating: -1, count: tokens.count)
        for (m, match) in matches.enumerated() {
            for t in match.firstToken..<match.endToken { gazetteerAt[t] = Int32(m) }
        }
        let context = Context(doc: doc, keys: keys, keyIDs: keyIDs, classes: classes, gazetteerAt: gazetteerAt, matches: matches,
                              titleEnd: titles(doc, keyIDs: keyIDs, classes: classes, gazetteerAt: gazetteerAt))
        var result: [Entity] = []
        var i = 0
        var emittedUpTo = 0
        while i < tokens.count {
            // Most tokens can start no chunk (`isNameWord`): they are passed over here, not in a call each.
            guard gazetteerAt[i] >= 0 || tokens[i].kind == .word && tokens[i].isCapitalized,
                  let chunk = chunk(at: i, context) else {
                i += 1
                continue
            }
            // Gazetteer matches before the chunk (e.g. lower-case-led ones) are emitted in order.
            for entity in classify(chunk, context) where Int(entity.firstToken) >= emittedUpTo {
                result.append(entity)
            }
            emittedUpTo = chunk.upperBound
            i = chunk.upperBound
        }
        return result
    }

    // MARK: Titles

    /// Title phrases ("President", "Foreign Minister", "Chairman") that stand before a name or an "of" phrase.
    func titles(_ doc: Document, keyIDs: [Int32], classes: [WordClass], gazetteerAt: [Int32]) -> [Int32] {
        let tokens = doc.tokens
        var ends = [Int32](repeating: -1, count: tokens.count)
        keyIDs.withUnsafeBufferPointer { keys in
            var i = 0
            while i < tokens.count {
                // Most words start no title: their class says so without a walk.
                guard tokens[i].kind == .word, gazetteerAt[i] < 0, classes[i].contains(.startsTitle) else {
                    i += 1
                    continue
                }
                var longest = 0
                gazetteer.titles.matches(keys, from: i) { length, _ in longest = length }
                if longest > 0 {
                    // Every token of the phrase records where it ends: none of them can start or join a name.
                    for t in i..<(i + longest) { ends[t] = Int32(i + longest) }
                    i += longest
                } else {
                    i += 1
                }
            }
        }
        return ends
    }

    // MARK: Chunks

    /// Whether token `t` can be part of a name.
    func isNameWord(_ t: Int, _ c: Context) -> Bool {
        let token = c.doc.tokens[t]
        if c.gazetteerAt[t] >= 0 { return true }
        guard token.kind == .word, token.isCapitalized, c.titleEnd[t] < 0 else { return false }
        return true
    }

    /// The chunk starting at token `start`, as a token range, or nil when no name starts there.
    ///
    /// Connectors join only where names use them: "of" after an organisation or place word ("Embassy of",
    /// "Committee of", "Republic of"), "for" after an organisation head ("Agency for"), "the" after either, "and"
    /// only inside an "of" complement ("Ministry of Labor and Social Protection"), particles inside person names
    /// ("bin", "de", "oglu"). So "Aliyev Calls for Peace" and "Alessandro Rossi and Milena Gasperoni" stay apart.
    func chunk(at start: Int, _ c: Context) -> Range<Int>? {
        let tokens = c.doc.tokens
        guard isNameWord(start, c) else { return nil }
        // A closed-class word that is capitalised only because it starts a sentence or a headline is no name.
        if c.gazetteerAt[start] < 0, c.classes[start].contains(.startsNoName) { return nil }
        // A sentence-initial "-ing" word is a verb, not the start of a name: "Leading Intelligence Committee".
        if c.gazetteerAt[start] < 0, tokens[start].flags.contains(.sentenceStart), c.keys[start].hasSuffix("ing"),
           !c.classes[start].contains(.givenName) { return nil }
        var end = start + 1
        var sawOf = false
        while end < tokens.count {
            let token = tokens[end]
            if token.sentence != tokens[start].sentence { break }
            if isNameWord(end, c) {
                if c.classes[end].contains(.functionWord) && c.gazetteerAt[end] < 0 && !isInitial(end, c) { break }
                if token.flags.contains(.spaceBefore) || tokens[end - 1].kind != .punct || isJoiner(end - 1, c) {
                    end += 1
                    continue
                }
                break
            }
            if token.kind == .word, token.flags.contains(.lowercase),
               let next = connectorRun(from: end, after: end - 1, sawOf: sawOf, c),
               next < tokens.count, tokens[next].sentence == tokens[start].sentence, isNameWord(next, c),
               !c.classes[next].contains(.functionWord) || c.gazetteerAt[next] >= 0 {
                if (end..<next).contains(where: { c.keys[$0] == "of" }) { sawOf = true }
                end = next
                continue
            }
            if isJoiner(end, c) {
                end += 1
                continue
            }
            break
        }
        // Drop trailing joiners and connectors; keep a closing patronymic particle ("Ilham Heydar oglu").
        while end > start + 1, !isNameWord(end - 1, c), !c.classes[end - 1].contains(.patronymicParticle) {
            end -= 1
        }
        if end < tokens.count, end > start + 1, tokens[end].kind == .word, tokens[end].sentence == tokens[start].sentence,
           c.classes[end].contains(.patronymicParticle), isNameWord(end - 1, c) {
            end += 1
        }
        return start..<end
    }

    /// Where a run of connectors starting at `t` ends, if the run may join the name word at `before` to what
    /// follows; nil otherwise.
    func connectorRun(from t: Int, after before: Int, sawOf: Bool, _ c: Context) -> Int? {
        let tokens = c.doc.tokens
        let previous = c.classes[before]
        let orgOrPlaceWord = !previous.isDisjoint(with: [.organizationTail, .organizationHead, .placeHead, .placeTail])
        var i = t
        var allowed = true
        while i < tokens.count, i - t < 3, tokens[i].kind == .word, tokens[i].flags.contains(.lowercase) {
            let key = c.keys[i]
            switch key {
            case "of": allowed = allowed && i == t
            case "for", "on": allowed = allowed && previous.contains(.organizationHead) && i == t
            case "the": allowed = allowed && i > t && c.keys[i - 1] != "and" || i > t && c.keys[i - 1] == "of"
            case "and", "&": allowed = allowed && sawOf && i == t
            default:
                guard c.classes[i].contains(.nameParticle) else { return nil }
                allowed = allowed && !orgOrPlaceWord
            }
            i += 1
        }
        return allowed && i > t ? i : nil
    }

    /// A one-letter capital followed by a period and a capitalised word: the "A." of "Stephen A. Smith".
    func isInitial(_ t: Int, _ c: Context) -> Bool {
        let tokens = c.doc.tokens
        return tokens[t].range.length == 1 && tokens[t].isCapitalized && t + 2 < tokens.count && c.keys[t + 1] == "."
            && !tokens[t + 1].flags.contains(.spaceBefore) && tokens[t + 2].isCapitalized
    }

    /// A hyphen between two words with no spaces ("Kassym-Jomart"), or the period of a one-letter initial
    /// ("Joseph R. Biden").
    func isJoiner(_ t: Int, _ c: Context) -> Bool {
        let tokens = c.doc.tokens
        guard t > 0, t + 1 < tokens.count, tokens[t].kind == .punct, !tokens[t].flags.contains(.spaceBefore),
              isNameWord(t + 1, c) else { return false }
        if c.keys[t] == "-" { return !tokens[t + 1].flags.contains(.spaceBefore) && tokens[t - 1].kind == .word }
        if c.keys[t] == "." {
            return tokens[t - 1].range.length == 1 && tokens[t - 1].isCapitalized && tokens[t + 1].isCapitalized
        }
        return false
    }

    // MARK: Classification

    func classify(_ chunk: Range<Int>, _ c: Context) -> [Entity] {
        let tokens = c.doc.tokens
        // 1. The whole chunk is one gazetteer phrase.
        if let m = wholeMatch(chunk, c) { return [entity(m, c)] }
        // 2. Organisation by its head or tail word.
        let first = chunk.lowerBound
        let startsWithMatch = c.gazetteerAt[first] >= 0
        if !startsWithMatch, c.classes[first].contains(.organizationHead), first + 1 < chunk.upperBound,
           c.keys[first + 1] == "of" {
            return [Entity(range: span(chunk, c), type: .org, name: text(chunk, c), firstToken: chunk.lowerBound,
                           endToken: chunk.upperBound)]
        }
        if !startsWithMatch, c.classes[first].contains(.placeHead), first + 1 < chunk.upperBound,
           c.keys[first + 1] == "of", tokens[first].isCapitalized {
            return [Entity(range: span(chunk, c), type: .place, name: text(chunk, c), firstToken: chunk.lowerBound,
                           endToken: chunk.upperBound)]
        }
        var tail = -1
        for t in chunk where t > chunk.lowerBound && tokens[t].kind == .word && tokens[t].isCapitalized
            && c.classes[t].contains(.organizationTail) && c.gazetteerAt[t] < 0 {
            tail = t
        }
        if tail >= 0 {
            // The name starts after an "of" that only a title or a common noun explains: "Chairman of the
            // Executive Committee", "Student of Baku Higher Oil School".
            var orgStart = chunk.lowerBound
            for o in chunk.lowerBound..<tail where c.keys[o] == "of" && o > orgStart {
                // Once an organisation word has been passed, later "of"s belong to its complement: "Council of
                // Heads of Government".
                if (orgStart..<o).contains(where: { c.classes[$0].contains(.organizationHead)
                    || c.classes[$0].contains(.organizationTail) }) { break }
                let before = c.classes[o - 1]
                let first = c.classes[chunk.lowerBound]
                let leftIsName = c.gazetteerAt[chunk.lowerBound] >= 0 || tokens[chunk.lowerBound].flags.contains(.allCaps)
                    || !first.isDisjoint(with: [.organizationHead, .placeHead])
                if !leftIsName, before.isDisjoint(with: [.organizationHead, .organizationTail, .placeHead]) {
                    var next = o + 1
                    while next < tail, c.keys[next] == "the" { next += 1 }
                    orgStart = next
                }
            }
            if orgStart > chunk.lowerBound {
                var result: [Entity] = []
                if let left = trimmed(chunk.lowerBound..<orgStart, c) { result += classify(left, c) }
                if let right = trimmed(orgStart..<chunk.upperBound, c) { result += classify(right, c) }
                return result
            }
            var end = tail + 1
            // "Executive Committee of the Palestine Liberation Organization": an "of" tail belongs to the name.
            if end < chunk.upperBound, c.keys[end] == "of" { end = chunk.upperBound }
            // A leading word that is a place or demonym stays in the name ("French Senate", "Azerbaijan Army").
            let orgRange = chunk.lowerBound..<end
            var result = [Entity(range: span(orgRange, c), type: .org, name: orgName(orgRange, c),
                                 firstToken: orgRange.lowerBound, endToken: orgRange.upperBound)]
            if end < chunk.upperBound, let rest = trimmed(end..<chunk.upperBound, c) {
                result += classify(rest, c)
            }
            return result
        }
        // 3. Place by its tail word.
        let last = chunk.upperBound - 1
        if chunk.count >= 2, tokens[last].isCapitalized, c.classes[last].contains(.placeTail),
           c.gazetteerAt[last] < 0 {
            return [Entity(range: span(chunk, c), type: .place, name: text(chunk, c), firstToken: chunk.lowerBound,
                           endToken: chunk.upperBound)]
        }
        // An "of" that no organisation or place word explains joins two names, not one: "Defense of the Russian
        // Federation" (after "Minister of") is "Russian Federation".
        if let of = chunk.first(where: { c.keys[$0] == "of" && c.gazetteerAt[$0] < 0 }) {
            var result: [Entity] = []
            if let left = trimmed(chunk.lowerBound..<of, c) { result += classify(left, c) }
            if let right = trimmed((of + 1)..<chunk.upperBound, c) { result += classify(right, c) }
            return result
        }
        // 4. Gazetteer matches, and the runs between them.
        var result: [Entity] = []
        var t = chunk.lowerBound
        while t < chunk.upperBound {
            let m = c.gazetteerAt[t]
            if m >= 0 {
                let match = c.matches[Int(m)]
                // An ambiguous word right after unknown capitalised words is the end of a name the gazetteer does
                // not know: "International Astronautical Congress".
                let ambiguous = gazetteer.entries[Int(match.entry)].ambiguous
                let afterUnknown = match.firstToken > chunk.lowerBound && c.gazetteerAt[match.firstToken - 1] < 0
                    && c.doc.tokens[match.firstToken - 1].kind == .word
                if match.firstToken >= chunk.lowerBound, !(ambiguous && afterUnknown) { result.append(entity(match, c)) }
                t = match.endToken
                continue
            }
            var runEnd = t
            while runEnd < chunk.upperBound, c.gazetteerAt[runEnd] < 0 { runEnd += 1 }
            if let run = trimmed(t..<runEnd, c) {
                if run.upperBound == runEnd, runEnd < chunk.upperBound, let merged = givenNameBeforeKnownSurname(run, c) {
                    result.append(merged)
                    t = merged.endToken == Int32(runEnd) ? runEnd : Int(merged.endToken)
                    continue
                }
                if let e = classifyRun(run, chunk: chunk, c) { result.append(e) }
            }
            t = runEnd
        }
        return result
    }

    /// "Mark Rubio", "Dilek İmamoğlu": a given name right before a person the gazetteer knows by surname is one
    /// name. It keeps the gazetteer's canonical name when the given names agree, and its own text otherwise.
    func givenNameBeforeKnownSurname(_ run: Range<Int>, _ c: Context) -> Entity? {
        let tokens = c.doc.tokens
        let m = c.gazetteerAt[run.upperBound]
        guard m >= 0, run.count <= 2, tokens[run.upperBound].flags.contains(.spaceBefore) else { return nil }
        let match = c.matches[Int(m)]
        let entry = gazetteer.entries[Int(match.entry)]
        guard entry.type == .person, match.firstToken == run.upperBound,
              run.allSatisfy({ tokens[$0].kind == .word && c.classes[$0].contains(.givenName) }) else { return nil }
        let whole = run.lowerBound..<match.endToken
        let givenName = c.keys[run.lowerBound]
        let canonicalFirst = folderKey(entry.canonical.split(separator: " ").first.map(String.init) ?? "")
        let name = RomanizationVariants.key(canonicalFirst) == RomanizationVariants.key(givenName) ? entry.canonical : text(whole, c)
        return Entity(range: span(whole, c), type: .person, name: name, firstToken: whole.lowerBound, endToken: whole.upperBound)
    }

    func folderKey(_ word: String) -> String {
        String(word.lowercased().unicodeScalars.map { s -> String in
            s.value < 0x80 ? String(s) : (LatinFolding.fold(s.value) ?? String(s))
        }.joined())
    }

    /// A run of unknown capitalised words inside a chunk.
    func classifyRun(_ run: Range<Int>, chunk: Range<Int>, _ c: Context) -> Entity? {
        let tokens = c.doc.tokens
        var run = run
        // An acronym before a name is an organisation's, not a given name: "CIS Sergey Lebedev".
        let mixedCase = run.contains { tokens[$0].kind == .word && !tokens[$0].flags.contains(.allCaps) }
        // Initials before a surname no list knows are part of the name: "VD Savarkar", "AP Dhillon".
        if mixedCase, run.count == 2, tokens[run.lowerBound].flags.contains(.allCaps),
           tokens[run.lowerBound].range.length <= 3, isNameLike(run.lowerBound + 1, c),
           !tokens[run.lowerBound].flags.contains(.sentenceStart) {
            return Entity(range: span(run, c), type: .person, name: text(run, c), firstToken: run.lowerBound,
                          endToken: run.upperBound)
        }
        while mixedCase, run.count > 1, tokens[run.lowerBound].flags.contains(.allCaps) {
            run = (run.lowerBound + 1)..<run.upperBound
        }
        guard let trimmedRun = trimmed(run, c) else { return nil }
        run = trimmedRun
        // Demonyms are not names: "Azerbaijani-Armenian border".
        if run.allSatisfy({ tokens[$0].kind != .word || isDemonym($0, c) }) { return nil }
        let words = run.filter { tokens[$0].kind == .word }
        guard !words.isEmpty else { return nil }
        // All-caps words that are not acronyms of anything known (headline shouting, "VIDEO") stay out.
        if words.count == 1, tokens[words[0]].flags.contains(.allCaps), words[0] == run.lowerBound {
            return nil
        }
        let after = run.upperBound
        if after < tokens.count, tokens[after].kind == .word, tokens[after].flags.contains(.lowercase),
           c.classes[after].contains(.placeNoun), words.count <= 2 {
            return Entity(range: span(run, c), type: .place, name: text(run, c), firstToken: run.lowerBound,
                          endToken: run.upperBound)
        }
        // A run that ends in an organisation word is no person ("Federal Official Gazette").
        if let last = words.last, c.classes[last].contains(.organizationTail) { return nil }
        if personEvidence(run, words: words, chunk: chunk, c) {
            return Entity(range: span(run, c), type: .person, name: text(run, c), firstToken: run.lowerBound,
                          endToken: run.upperBound)
        }
        // Two or three capitalised words, none of them an English word, in running text: a name the lists lack.
        // After a place preposition it is a place ("in Camarines Sur"); otherwise most such names are people's.
        if (2...3).contains(words.count), run == chunk, words.allSatisfy({ isNameLike($0, c) }),
           !tokens[run.lowerBound].flags.contains(.sentenceStart) {
            let type: EntityType = UnknownNameCues.placeCueBefore(run.lowerBound, c.doc, keys: c.keys) ? .place : .person
            return Entity(range: span(run, c), type: type, name: text(run, c), firstToken: run.lowerBound,
                          endToken: run.upperBound)
        }
        return nil
    }

    /// A capitalised, mixed-case word that is no English word, title or demonym.
    func isNameLike(_ t: Int, _ c: Context) -> Bool {
        let token = c.doc.tokens[t]
        return token.kind == .word && token.isCapitalized && !token.flags.contains(.allCaps) && token.range.length >= 2
            && !c.classes[t].contains(.englishWord) && !c.classes[t].contains(.startsNoName) && !isDemonym(t, c)
    }

    func personEvidence(_ run: Range<Int>, words: [Int], chunk: Range<Int>, _ c: Context) -> Bool {
        let tokens = c.doc.tokens
        guard words.count <= 5 else { return false }
        // A title right before the run, or before the chunk that holds it ("President of Azerbaijan Ilham Aliyev").
        // A title right before the run ("President Ilham Aliyev"), or before the chunk that holds it after a place
        // ("President of Azerbaijan Ilham Aliyev"); but the run right after "Minister of" is a portfolio ("Foreign
        // Affairs"), not a person.
        if titleBefore(run.lowerBound, c, throughOf: false)
            || (run.upperBound == chunk.upperBound && run.lowerBound > chunk.lowerBound && titleBefore(chunk.lowerBound, c, throughOf: true)) {
            return true
        }
        if c.classes[words[0]].contains(.givenName) && words.count >= 2 { return true }
        if isTranscriptSpeaker(run, c) { return true }
        if words.count >= 2, let last = words.last, hasSurnameShape(last, c) { return true }
        if words.count >= 2, words.count <= 3, run.upperBound < tokens.count,
           ["said", "says", "told", "added", "noted", "stated", "stressed"].contains(c.keys[run.upperBound]) {
            return true
        }
        return false
    }

    /// A transcript turn's speaker: a line that starts with the name, then a colon ("NEWMAN:", "JAKE TAPPER:") or a
    /// comma and a title before the colon ("JAKE TAPPER, CNN HOST:").
    func isTranscriptSpeaker(_ run: Range<Int>, _ c: Context) -> Bool {
        let tokens = c.doc.tokens
        guard tokens[run.lowerBound].flags.contains(.lineStart), run.upperBound < tokens.count,
              run.contains(where: { tokens[$0].kind == .word && tokens[$0].range.length >= 2 }) else { return false }
        // Transcripts print speakers in capitals, or start with a given name; "Published:" and "Disclaimer:" are
        // labels, not speakers.
        let words = run.filter { tokens[$0].kind == .word }
        guard words.allSatisfy({ tokens[$0].flags.contains(.allCaps) || tokens[$0].range.length == 1 })
            || c.classes[words[0]].contains(.givenName) else { return false }
        if c.keys[run.upperBound] == ":" { return true }
        guard c.keys[run.upperBound] == "," else { return false }
        var k = run.upperBound + 1
        while k < tokens.count, k < run.upperBound + 8, !tokens[k].flags.contains(.lineStart) {
            if c.keys[k] == ":" { return true }
            k += 1
        }
        return false
    }

    /// Whether a title phrase ends right before token `t`, possibly through an "of (the) Place" complement:
    /// "President Ilham Aliyev", "President of the Republic of Azerbaijan Ilham Aliyev" (with `t` at "Republic").
    func titleBefore(_ t: Int, _ c: Context, throughOf: Bool) -> Bool {
        let tokens = c.doc.tokens
        var k = t - 1
        while throughOf, k >= 0, tokens[k].sentence == tokens[t].sentence, c.keys[k] == "of" || c.keys[k] == "the" { k -= 1 }
        guard k >= 0, tokens[k].sentence == tokens[t].sentence else { return false }
        for s in max(0, k - 4)...k where c.titleEnd[s] == Int32(k + 1) { return true }
        if c.keys[k] == ".", k > 0, ["mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov"].contains(c.keys[k - 1]) {
            return true
        }
        return false
    }

    func isDemonym(_ t: Int, _ c: Context) -> Bool {
        var found = false
        c.keyIDs.withUnsafeBufferPointer { keys in
            gazetteer.demonyms.matches(keys, from: t, maxTokens: 1) { _, _ in found = true }
        }
        return found
    }

    func hasSurnameShape(_ t: Int, _ c: Context) -> Bool {
        c.classes[t].contains(.surnameShape) && c.gazetteerAt[t] < 0
    }

    func isPersonGazetteer(_ t: Int, _ c: Context) -> Bool {
        let m = c.gazetteerAt[t]
        return m >= 0 && gazetteer.entries[Int(c.matches[Int(m)].entry)].type == .person
    }

    func wholeMatch(_ chunk: Range<Int>, _ c: Context) -> GazetteerMatcher.Match? {
        let m = c.gazetteerAt[chunk.lowerBound]
        guard m >= 0 else { return nil }
        let match = c.matches[Int(m)]
        return match.firstToken == chunk.lowerBound && match.endToken == chunk.upperBound ? match : nil
    }

    /// A run without leading or trailing connectors and punctuation.
    func trimmed(_ range: Range<Int>, _ c: Context) -> Range<Int>? {
        var s = range.lowerBound, e = range.upperBound
        while s < e, !(c.doc.tokens[s].kind == .word && c.doc.tokens[s].isCapitalized) && c.gazetteerAt[s] < 0 { s += 1 }
        while e > s, !isNameWord(e - 1, c), !c.classes[e - 1].contains(.patronymicParticle) { e -= 1 }
        return s < e ? s..<e : nil
    }

    func entity(_ m: GazetteerMatcher.Match, _ c: Context) -> Entity {
        let entry = gazetteer.entries[Int(m.entry)]
        return Entity(range: span(m.firstToken..<m.endToken, c), type: entry.type, name: entry.canonical,
                      firstToken: m.firstToken, endToken: m.endToken)
    }

    func span(_ tokens: Range<Int>, _ c: Context) -> TextRange {
        TextRange(c.doc.tokens[tokens.lowerBound].range.start, c.doc.tokens[tokens.upperBound - 1].range.end)
    }

    func text(_ tokens: Range<Int>, _ c: Context) -> String { c.doc.string(span(tokens, c)) }

    /// An organisation's name: the text, with a known acronym spelled out where the acronym is the whole name.
    func orgName(_ tokens: Range<Int>, _ c: Context) -> String { text(tokens, c) }
}
