/// Context that tells what an unknown name is: the words around it.
enum UnknownNameCues {
    /// Prepositions and nouns that put a place after them: "in Bundaberg", "west of Bundaberg", "the town of Cashel".
    static let placePrepositions: Set<String> = [
        "in", "near", "outside", "across", "around", "towards", "toward", "into", "via", "inside",
    ]
    static let placeOfNouns: Set<String> = [
        "city", "town", "village", "district", "region", "province", "county", "state", "island", "suburb",
        "west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast", "outskirts",
        "centre", "center", "heart", "capital", "port", "municipality",
    ]
    /// Speech verbs that put a person before or after them: "Siddaramaiah said", "said Siddaramaiah".
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "added", "stated", "noted", "stressed", "argued", "claimed", "insisted",
        "explained", "warned", "asked", "replied", "wrote", "tweeted", "posted", "recalled", "remarked",
    ]

    static func placeCueBefore(_ t: Int, _ doc: Document, keys: TokenKeys) -> Bool {
        guard t > 0, doc.tokens[t - 1].sentence == doc.tokens[t].sentence else { return false }
        let before = keys[t - 1]
        if placePrepositions.contains(before) { return true }
        if before == "of", t > 1 {
            var k = t - 2
            if keys[k] == "the", k > 0 { k -= 1 }
            return placeOfNouns.contains(keys[k])
        }
        return false
    }

    /// After a name: ", where …" or an apposition with a place noun (", once a famous city", ", a town in …").
    static func placeCueAfter(_ t: Int, _ doc: Document, keys: TokenKeys) -> Bool {
        let tokens = doc.tokens
        guard t + 2 < tokens.count, keys[t + 1] == ",", tokens[t + 2].sentence == tokens[t].sentence else { return false }
        if keys[t + 2] == "where" { return true }
        var k = t + 2
        while k < min(tokens.count, t + 7), tokens[k].kind == .word, tokens[k].flags.contains(.lowercase) {
            if placeOfNouns.contains(keys[k]) && !["west", "east", "north", "south", "heart", "centre", "center"].contains(keys[k]) {
                return true
            }
            k += 1
        }
        return false
    }

    /// Before a list: "towns such as …", "cities including …".
    static func placeListCueBefore(_ t: Int, _ doc: Document, keys: TokenKeys) -> Bool {
        guard t >= 3, keys[t - 1] == "as" && keys[t - 2] == "such" || keys[t - 1] == "including" || keys[t - 1] == "like" else {
            return false
        }
        var k = t - (keys[t - 1] == "as" ? 3 : 2)
        let stop = max(0, k - 6)
        while k >= stop {
            if placeListNouns.contains(keys[k]) { return true }
            k -= 1
        }
        return false
    }

    static let placeListNouns: Set<String> = [
        "towns", "cities", "villages", "communities", "countries", "regions", "provinces", "districts", "states",
        "islands", "suburbs", "settlements", "places", "capitals", "ports",
    ]

    static func personCue(_ t: Int, end: Int, _ doc: Document, keys: TokenKeys) -> Bool {
        let tokens = doc.tokens
        if end < tokens.count, tokens[end].sentence == tokens[t].sentence, speechVerbs.contains(keys[end]) { return true }
        if t > 0, tokens[t - 1].sentence == tokens[t].sentence, speechVerbs.contains(keys[t - 1]) { return true }
        // "Savarkar's" followed by a person-ish noun is too weak; a possessive alone says nothing.
        return false
    }
}
