/// Links the short forms of a document's names to the full names it introduced, and tags the short forms no rule
/// caught: a surname alone ("Aliyev" after "Ilham Aliyev"), a spelling variant of a full name ("Sergei Lebedev"
/// after "Sergey Lebedev"), an acronym given in parentheses after its long form ("Commonwealth of Independent States
/// (CIS)") and that acronym's later uses.
struct NameResolver {
    /// The worker's interner: variant keys per word.
    let interner: WordInterner
    /// Full person names by their surname's variant key id, first seen first, for the document at hand.
    let surnames = WordIDMap<(first: String, canonical: String)>()
    /// The one full name each given name (by word id) belongs to in the document at hand; nil where two do.
    let givenNames = WordIDMap<String?>()

    func resolve(_ entities: [Entity], _ doc: Document, keys: TokenKeys, ids: [Int32], classes: [WordClass]) -> [Entity] {
        let tokens = doc.tokens
        var result = entities
        var covered = [Bool](repeating: false, count: tokens.count)
        for e in result { for t in Int(e.firstToken)..<Int(e.endToken) { covered[t] = true } }

        // Full person names by surname, first seen first; variants of one name share its canonical form.
        let bySurname = surnames
        bySurname.startDocument()
        for index in result.indices where result[index].type == .person {
            let e = result[index]
            let words = EntityWords(e, tokens)
            guard words.count >= 2 else { continue }
            let last = words.last
            // By the variant key, so "Zelenskiy" later finds "Volodymyr Zelensky".
            let surname = interner.variantKeyID(of: ids[last]), first = keys[words.first]
            if let known = bySurname[surname] {
                if Self.sameGivenName(known.first, first) { result[index].name = known.canonical }
            } else {
                bySurname[surname] = (first, e.name)
            }
        }
        // A surname the rules tagged on its own ("Dr Castañeda said") names the full name's person, as an untagged one does.
        for index in result.indices where result[index].type == .person && result[index].endToken - result[index].firstToken == 1 {
            let t = Int(result[index].firstToken)
            guard let person = bySurname[interner.variantKeyID(of: ids[t])], person.canonical != result[index].name,
                  result[index].name == doc.string(tokens[t].range) else { continue }
            result[index].name = person.canonical
        }

        // Long forms no list knows, recognised by the acronym after them: "Institute for Fiscal Studies (IFS)".
        var spans = EntitySpanIndex(result, tokenCount: tokens.count)
        var longForms: [Entity] = []
        for t in tokens.indices where tokens[t].kind == .punct && Self.isMark(t, "(", doc, keys) && t + 2 < tokens.count
            && keys[t + 2] == ")" {
            let acronym = tokens[t + 1]
            guard acronym.flags.contains(.allCaps), (2...8).contains(acronym.range.length),
                  !spans.hasEntity(endingAt: t),
                  let long = Self.longForm(endingBefore: t, initials: doc.string(acronym.range), doc, keys: keys)
            else { continue }
            // An entity that straddles the long form's edge ("R Institute" in "R Institute F S (IFS)") wins.
            if spans.hasEntity(straddling: long) { continue }
            let type: EntityType = NameWords.placeTails.contains(keys[long.upperBound - 1]) ? .place : .org
            let range = TextRange(tokens[long.lowerBound].range.start, tokens[long.upperBound - 1].range.end)
            // A long form replaces the entities inside it, earlier long forms included.
            longForms.removeAll { Int($0.firstToken) >= long.lowerBound && Int($0.endToken) <= long.upperBound }
            longForms.append(Entity(range: range, type: type, name: doc.string(range),
                                    firstToken: long.lowerBound, endToken: long.upperBound))
            spans.replaceSpans(inside: long)
            for k in long { covered[k] = true }
        }
        if !longForms.isEmpty {
            // One pass, not one per long form: a long document has hundreds. `reach[p]`: the furthest end of a long
            // form starting at or before token p, so an entity lies inside one when its end is within that reach.
            var reach = [Int](repeating: 0, count: tokens.count + 1)
            for e in longForms { reach[Int(e.firstToken)] = max(reach[Int(e.firstToken)], Int(e.endToken)) }
            for p in reach.indices.dropFirst() { reach[p] = max(reach[p], reach[p - 1]) }
            result.removeAll { e in
                let first = Int(e.firstToken), end = Int(e.endToken)
                return reach[first] > 0 && end <= reach[first]
            }
            result += longForms
        }

        // Acronyms introduced in parentheses after their long form.
        var acronyms: [Int32: (type: EntityType, name: String)] = [:]  // by word id
        for e in result where e.type != .person {
            let open = Int(e.endToken)
            guard open + 2 < tokens.count, keys[open] == "(", keys[open + 2] == ")",
                  tokens[open + 1].flags.contains(.allCaps) else { continue }
            acronyms[ids[open + 1]] = (e.type, e.name)
            if !covered[open + 1] {
                result.append(Entity(range: tokens[open + 1].range, type: e.type, name: e.name,
                                     firstToken: open + 1, endToken: open + 2))
                covered[open + 1] = true
            }
        }
        // Canonical names of acronyms the gazetteer already tagged, when the long form appears in the document.
        for index in result.indices {
            let e = result[index]
            if e.endToken - e.firstToken == 1, !acronyms.isEmpty, let long = acronyms[ids[Int(e.firstToken)]], long.type == e.type {
                result[index].name = long.name
            }
        }

        // Two-word surnames ("López Obrador" after "Andrés Manuel López Obrador").
        var byTwoWordSurname: [Int64: String] = [:]  // by the two words' ids
        for e in result where e.type == .person {
            let words = EntityWords(e, tokens)
            guard words.count >= 3 else { continue }
            let key = Self.pair(ids[words.penultimate], ids[words.last])
            if byTwoWordSurname[key] == nil { byTwoWordSurname[key] = e.name }
        }
        // An entity that is the tail of a longer name seen before takes its canonical name.
        for index in result.indices where result[index].type == .person {
            let e = result[index]
            let words = EntityWords(e, tokens)
            if words.count == 2, !byTwoWordSurname.isEmpty, let full = byTwoWordSurname[Self.pair(ids[words.first], ids[words.last])] {
                result[index].name = full
            }
        }
        for t in tokens.indices.dropLast() where !byTwoWordSurname.isEmpty && !covered[t] && !covered[t + 1] && tokens[t].isCapitalized
            && tokens[t + 1].isCapitalized && tokens[t + 1].flags.contains(.spaceBefore) {
            if let full = byTwoWordSurname[Self.pair(ids[t], ids[t + 1])] {
                result.append(Entity(range: TextRange(tokens[t].range.start, tokens[t + 1].range.end), type: .person,
                                     name: full, firstToken: t, endToken: t + 2))
                covered[t] = true
                covered[t + 1] = true
            }
        }

        // Given names of full names, where only one person in the document has that given name: news refers to
        // private people by first name ("Tom" after "Tom O'Reilly").
        let byGivenName = givenNames
        byGivenName.startDocument()
        for e in result where e.type == .person {
            let words = EntityWords(e, tokens)
            guard words.count >= 2 else { continue }
            let given = ids[words.first]
            if let known = byGivenName[given], known != e.name { byGivenName[given] = .some(nil) } else { byGivenName[given] = e.name }
        }

        // Party-and-state tags of US politicians: "(R-WI)".
        for t in tokens.indices where tokens[t].kind == .punct && Self.isMark(t, "(", doc, keys) && t + 4 < tokens.count
            && keys[t + 2] == "-" && keys[t + 4] == ")" {
            guard ["r", "d", "i"].contains(keys[t + 1]), !covered[t + 3], let state = USStateCodes.names[keys[t + 3]],
                  tokens[t + 3].flags.contains(.allCaps) else { continue }
            result.append(Entity(range: tokens[t + 3].range, type: .place, name: state, firstToken: t + 3, endToken: t + 4))
            covered[t + 3] = true
        }

        // A given name coordinated with a full name shares its surname: "Tom and Bridget O'Reilly".
        for e in result where e.type == .person {
            let first = Int(e.firstToken)
            guard first >= 2, keys[first - 1] == "and", !covered[first - 2], tokens[first - 2].isCapitalized,
                  tokens[first - 2].kind == .word, classes[first - 2].contains(.givenName), classes[first].contains(.givenName),
                  Int(e.endToken) - first >= 2 else { continue }
            let surname = doc.string(TextRange(tokens[first + 1].range.start, tokens[Int(e.endToken) - 1].range.end))
            result.append(Entity(range: tokens[first - 2].range, type: .person,
                                 name: doc.string(tokens[first - 2].range) + " " + surname,
                                 firstToken: first - 2, endToken: first - 1))
            covered[first - 2] = true
            byGivenName[ids[first - 2]] = .some(nil)
        }

        // Later single-word mentions.
        for t in tokens.indices where !covered[t] && tokens[t].kind == .word && tokens[t].isCapitalized {
            let surnamePerson = bySurname.isEmpty ? nil : bySurname[interner.variantKeyID(of: ids[t])]
            if surnamePerson == nil, !byGivenName.isEmpty, let person = byGivenName[ids[t]] ?? nil,
               !classes[t].contains(.startsNoName),
               t + 1 >= tokens.count || !tokens[t + 1].isCapitalized || !tokens[t + 1].flags.contains(.spaceBefore) {
                result.append(Entity(range: tokens[t].range, type: .person, name: person, firstToken: t, endToken: t + 1))
                covered[t] = true
            } else if let person = surnamePerson, !classes[t].contains(.startsNoName) {
                result.append(Entity(range: tokens[t].range, type: .person, name: person.canonical,
                                     firstToken: t, endToken: t + 1))
                covered[t] = true
            } else if tokens[t].flags.contains(.allCaps), let acronym = acronyms[ids[t]] {
                result.append(Entity(range: tokens[t].range, type: acronym.type, name: acronym.name,
                                     firstToken: t, endToken: t + 1))
                covered[t] = true
            }
        }
        result.sort { $0.range < $1.range }
        fullestNames(&result, doc)
        return result
    }

    /// Whether token `t`'s key is the ASCII mark `b`. The token loops ask it of every punctuation mark: a one-byte
    /// token is compared by its byte, and only a longer one (a mark whose key folds to ASCII) by its key string.
    @inline(__always) static func isMark(_ t: Int, _ b: Unicode.Scalar, _ doc: Document, _ keys: TokenKeys) -> Bool {
        let token = doc.tokens[t]
        if token.end - token.start == 1 { return doc.text[token.start] == UInt8(b.value) }
        return keys[t] == String(b)
    }

    /// Two word ids as one dictionary key.
    static func pair(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// A person's canonical name is the fullest name the document gives them: when a mention has more words than the
    /// gazetteer's name ("John Dramani Mahama" for "John Mahama"), every mention of that person takes it.
    func fullestNames(_ entities: inout [Entity], _ doc: Document) {
        var fullest: [String: (text: String, words: Int)] = [:]
        for e in entities where e.type == .person {
            // Counted on the bytes: most mentions are no fuller than their name, and need no string.
            let words = doc.text.withUnsafeBufferPointer {
                Self.spaceSeparatedWords(UnsafeBufferPointer(rebasing: $0[Int(e.range.start)..<Int(e.range.end)]))
            }
            var name = e.name
            let canonicalWords = name.withUTF8 { Self.spaceSeparatedWords($0) }
            guard words > canonicalWords else { continue }
            let text = doc.string(e.range)
            guard !text.contains("\n") else { continue }
            if let known = fullest[e.name], known.words >= words { continue }
            fullest[e.name] = (text, words)
        }
        guard !fullest.isEmpty else { return }
        for i in entities.indices where entities[i].type == .person {
            if let f = fullest[entities[i].name] { entities[i].name = f.text }
        }
    }

    /// How many pieces splitting at spaces leaves, empty pieces not counted.
    static func spaceSeparatedWords<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var count = 0
        var inWord = false
        for b in bytes {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// The capitalised words right before token `end` whose initials spell `initials` ("Institute for Fiscal
    /// Studies" for "IFS"; lower-case joining words and "&" are skipped), or nil.
    static func longForm(endingBefore end: Int, initials: String, _ doc: Document, keys: TokenKeys) -> Range<Int>? {
        let tokens = doc.tokens
        let letters = Array(initials.lowercased())
        var need = letters.count
        var t = end - 1
        var start = end
        while t >= 0, need > 0, tokens[t].sentence == tokens[end].sentence, end - t <= 16 {
            let token = tokens[t]
            if token.kind == .word && token.isCapitalized {
                guard let first = keys[t].first, first == letters[need - 1] else { return nil }
                need -= 1
                start = t
            } else if !(token.kind == .word && ["of", "for", "and", "the", "on", "in"].contains(keys[t]) || keys[t] == "&"
                        || keys[t] == ",") {
                return nil
            }
            t -= 1
        }
        guard need == 0, end - start >= 2 else { return nil }
        return start..<end
    }

    /// Two spellings of one given name: equal, or equal once romanisation variants are folded ("sergey"/"sergei").
    static func sameGivenName(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        return RomanizationVariants.key(a) == RomanizationVariants.key(b)
    }
}
