/// Tags single capitalised words that no list or rule explains, from what the document says around all their
/// mentions: "in Bundaberg" makes every "Bundaberg" a place, "Siddaramaiah said" every "Siddaramaiah" a person.
/// A word with no cue, or with as many place cues as person cues, stays untagged.
struct UnknownNameGuesser {
    func guess(_ entities: [Entity], _ doc: Document, keys: TokenKeys, classes: [WordClass]) -> [Entity] {
        let entities = entities.sorted { $0.range < $1.range }
        let tokens = doc.tokens
        // A constant, not a variable: the function below would pay an exclusivity check per read of a variable.
        let covered: [Bool] = {
            var covered = [Bool](repeating: false, count: tokens.count)
            for e in entities { for t in Int(e.firstToken)..<Int(e.endToken) { covered[t] = true } }
            return covered
        }()

        // Decided once per token: the list pass and the vote pass ask about the same tokens, and the word lists
        // behind the answer are looked up. Cheap flag tests go first.
        func isCandidate(_ t: Int) -> Bool {
            let token = tokens[t]
            guard !covered[t], token.kind == .word, token.isCapitalized, !token.flags.contains(.allCaps),
                  token.range.length >= 3 else { return false }
            // Alone: not part of a run of capitalised words (those are the rules' business).
            if t > 0, tokens[t - 1].isCapitalized, tokens[t - 1].kind == .word, tokens[t - 1].sentence == token.sentence,
               !tokens[t - 1].flags.contains(.sentenceStart) || covered[t - 1] { return false }
            if t + 1 < tokens.count, tokens[t + 1].isCapitalized, tokens[t + 1].kind == .word,
               tokens[t + 1].flags.contains(.spaceBefore), tokens[t + 1].sentence == token.sentence { return false }
            return classes[t].isDisjoint(with: [.englishWord, .startsNoName, .givenName, .titleOrDemonym])
        }
        // Capitals first, in the loop: most tokens are not capitalised, and a call each cost more than the test.
        let candidate = tokens.indices.map { tokens[$0].isCapitalized && isCandidate($0) }
        // One-token PLACE entities: list items the gazetteer knows.
        var placeAt = [Bool](repeating: false, count: tokens.count)
        for e in entities where e.type == .place && e.endToken == e.firstToken + 1 { placeAt[Int(e.firstToken)] = true }

        var votes: [String: (place: Int, person: Int, midSentence: Int)] = [:]
        var mentions: [Int] = []
        // Lists ("Gayndah, Eidsvold, Mundubbera and Monto"): a place cue for one item is a cue for all.
        var listPlace = [Bool](repeating: false, count: tokens.count)
        var t0 = 0
        while t0 < tokens.count {
            guard candidate[t0] || placeAt[t0] else {
                t0 += 1
                continue
            }
            var items = [t0]
            var k = t0 + 1
            while k + 1 < tokens.count, keys[k] == "," || keys[k] == "and" || keys[k] == "or",
                  tokens[k + 1].sentence == tokens[t0].sentence {
                var next = k + 1
                if keys[k] == "," && (keys[next] == "and" || keys[next] == "or") { next += 1 }
                guard next < tokens.count, candidate[next] || placeAt[next] else { break }
                items.append(next)
                k = next + 1
            }
            if items.count >= 3 || items.count == 2 && items.contains(where: { placeAt[$0] }) {
                let cued = items.contains { placeAt[$0] || UnknownNameCues.placeCueBefore($0, doc, keys: keys)
                    || UnknownNameCues.placeListCueBefore($0, doc, keys: keys) }
                if cued { for item in items { listPlace[item] = true } }
            }
            t0 = k
        }
        for t in tokens.indices where candidate[t] {
            mentions.append(t)
            var v = votes[keys[t], default: (0, 0, 0)]
            if UnknownNameCues.placeCueBefore(t, doc, keys: keys) || UnknownNameCues.placeCueAfter(t, doc, keys: keys)
                || listPlace[t] { v.place += 1 }
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
