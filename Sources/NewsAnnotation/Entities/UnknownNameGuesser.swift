/// Tags single capitalised words that no list or rule explains, from what the document says around all their
/// mentions: "in Bundaberg" makes every "Bundaberg" a place, "Siddaramaiah said" every "Siddaramaiah" a person.
/// A word with no cue, or with as many place cues as person cues, stays untagged.
struct UnknownNameGuesser {
    func guess(_ entities: [Entity], _ doc: Document, keys: [String], gazetteer: Gazetteer) -> [Entity] {
        let tokens = doc.tokens
        var covered = [Bool](repeating: false, count: tokens.count)
        for e in entities { for t in Int(e.firstToken)..<Int(e.endToken) { covered[t] = true } }
        let keyIDs = keys.map { gazetteer.vocabulary.id($0) }

        func candidate(_ t: Int) -> Bool {
            let token = tokens[t]
            guard !covered[t], token.kind == .word, token.isCapitalized, !token.flags.contains(.allCaps),
                  token.range.length >= 3, !EnglishWords.contains(keys[t]), !NameWords.startsNoName(keys[t]),
                  !gazetteer.givenNames.contains(keys[t]) else { return false }
            // Alone: not part of a run of capitalised words (those are the rules' business).
            if t > 0, tokens[t - 1].isCapitalized, tokens[t - 1].kind == .word, tokens[t - 1].sentence == token.sentence,
               !tokens[t - 1].flags.contains(.sentenceStart) || covered[t - 1] { return false }
            if t + 1 < tokens.count, tokens[t + 1].isCapitalized, tokens[t + 1].kind == .word,
               tokens[t + 1].flags.contains(.spaceBefore), tokens[t + 1].sentence == token.sentence { return false }
            var isLexiconWord = false
            keyIDs.withUnsafeBufferPointer { ids in
                gazetteer.titles.matches(ids, from: t, maxTokens: 1) { _, _ in isLexiconWord = true }
                gazetteer.demonyms.matches(ids, from: t, maxTokens: 1) { _, _ in isLexiconWord = true }
            }
            return !isLexiconWord
        }

        var votes: [String: (place: Int, person: Int, midSentence: Int)] = [:]
        var mentions: [Int] = []
        for t in tokens.indices where candidate(t) {
            mentions.append(t)
            var v = votes[keys[t], default: (0, 0, 0)]
            if UnknownNameCues.placeCueBefore(t, doc, keys: keys) { v.place += 1 }
            if UnknownNameCues.personCue(t, end: t + 1, doc, keys: keys) { v.person += 1 }
            if !tokens[t].flags.contains(.sentenceStart) { v.midSentence += 1 }
            votes[keys[t]] = v
        }
        var result = entities
        for t in mentions {
            guard let v = votes[keys[t]], v.midSentence > 0, v.place != v.person else { continue }
            let type: EntityType = v.place > v.person ? .place : .person
            result.append(Entity(range: tokens[t].range, type: type, name: doc.string(tokens[t].range),
                                 firstToken: t, endToken: t + 1))
        }
        result.sort { $0.range < $1.range }
        return result
    }
}
