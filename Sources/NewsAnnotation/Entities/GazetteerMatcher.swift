/// Finds gazetteer phrases in a document's tokens: leftmost-longest, on token boundaries, with case rules.
///
/// Match semantics (each line is a test in `GazetteerMatcherTests`, the spelling ones in `FoldingMatcherTests`):
/// - Leftmost-longest: scanning left to right, the longest phrase starting at a token wins, and matching resumes
///   after it. "Republic of Azerbaijan" is one match, not "Azerbaijan" inside it.
/// - Token boundaries only: "Iran" does not match inside "Iranian"; "Chadian" is not "Chad".
/// - Case: a capitalised surface word needs a capitalised or all-caps text word ("YEREVAN" in a dateline matches
///   "Yerevan"; "turkey" does not match "Turkey"); an acronym needs all caps ("WHO", never "Who"); lower-case surface
///   words ("of", "and") match any case.
/// - Diacritics and script do not matter: keys are folded ("Erdogan" matches "Erdoğan", "Путин" matches "Putin").
/// - Romanisation variants: a capitalised word the gazetteer does not hold exactly stands for the entity words
///   that share its variant key (`RomanizationVariants`: "Zelenski" for "Zelensky", "Susa" for "Shusha"), and for
///   the key of its `alt` reading ("Xankəndi" as "xankendi"). Such a match never beats an exact one of the same
///   length. A one-word one stands only on a word foreign by its letters (another script, or ə, ı, ł, ø...) or on
///   an entity the document names elsewhere ("Mirziyoev" with "Shavkat Mirziyoyev"; never a lone "Sunni" for
///   "Shunyi"). Where the variant points at different entities, the one the document names wins, or none.
/// - Words in a script without case (Arabic, Hebrew, CJK, ...) count as capitalised.
/// - Ambiguous entries (also common words or names: "Chad", "Jordan", "Georgia", "Victoria") match only where a
///   name of that kind is likely: not at the start of a sentence and not right beside another capitalised word
///   that is not part of the match ("Jordan Henderson", "Michael Jordan" are not the country).
public struct GazetteerMatcher: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public struct Match: Sendable {
        public var firstToken: Int
        public var endToken: Int
        public var entry: Int32
    }

    /// Every match, left to right, non-overlapping.
    public func matches(_ doc: Document, keys: [Int32]) -> [Match] {
        matches(doc, keys: keys, words: nil)
    }

    /// Every match; `words` (the word ids a worker's interner gave the tokens whose bytes are all ASCII, -1 for the
    /// others: `WordInterner.ids(_:asciiIDs:)`) lets variant look-ups of ASCII words be remembered across documents.
    func matches(_ doc: Document, keys: [Int32], words: (asciiIDs: [Int32], interner: WordInterner)?) -> [Match] {
        let titleCase = Self.titleCaseSentences(doc.tokens, sentenceCount: doc.sentences.count)
        var variants = VariantLookup(doc: doc, gazetteer: gazetteer, words: words)
        var first = matches(doc, keys: keys, titleCase: titleCase, variants: &variants, seen: NamedEntities())
        // A one-word variant refused because its entity was named only further on ("Şuşa … Shusha"): once more,
        // with every entity the document names.
        guard !first.waiting.isEmpty else { return first.result }
        let named = first.seen.names(gazetteer)
        guard !first.waiting.isDisjoint(with: named) else { return first.result }
        return matches(doc, keys: keys, titleCase: titleCase, variants: &variants,
                       seen: NamedEntities(names: named)).result
    }

    /// One pass: the matches, the canonical names they give, and those of one-word variants refused because their
    /// entity had not been named yet.
    func matches(_ doc: Document, keys: [Int32], titleCase: [Bool], variants: inout VariantLookup,
                 seen initialSeen: NamedEntities) -> (result: [Match], seen: NamedEntities, waiting: Set<String>) {
        var result: [Match] = []
        let tokens = doc.tokens
        var seen = initialSeen
        var waiting: Set<String> = []
        keys.withUnsafeBufferPointer { keyBuffer in
            var i = 0
            while i < tokens.count {
                guard tokens[i].kind != .punct,
                      tokens[i].isCapitalized || tokens[i].kind == .number
                        || tokens[i].flags.contains(.nonASCII) && Self.isUncased(tokens[i], doc.text) else {
                    i += 1
                    continue
                }
                // Longest length first; at one length, the first exact entry, else the variant entries.
                var exact: (length: Int, entry: Int32)?
                var viaVariant: [(length: Int, entry: Int32)] = []
                let stop = gazetteer.entities.walk(keyBuffer, from: i) { length, payloads in
                    for p in payloads where accepts(gazetteer.entries[Int(p)], tokens: tokens, from: i, length: length,
                                                    titleCase: titleCase, text: doc.text) {
                        exact = (length, p)
                        break
                    }
                }
                // Variants only where the exact walk stopped at a word the gazetteer does not hold.
                if stop < tokens.count, keyBuffer[stop] < 0, tokens[stop].kind == .word,
                   tokens[stop].range.length >= Gazetteer.minimumVariantLength, !variants.alternatives(stop).isEmpty {
                    gazetteer.entities.matches(keyBuffer, from: i, alternatives: { variants.alternatives($0) }) {
                        length, payloads, isVariant in
                        guard isVariant else { return }
                        for p in payloads where accepts(gazetteer.entries[Int(p)], tokens: tokens, from: i,
                                                        length: length, titleCase: titleCase, text: doc.text) {
                            viaVariant.append((length, p))
                        }
                    }
                }
                var best: Match?
                if let e = exact { best = Match(firstToken: i, endToken: i + e.length, entry: e.entry) }
                if let v = chooseVariant(viaVariant, longerThan: exact?.length ?? 0, from: i, seen: &seen,
                                         variants: &variants, waiting: &waiting) {
                    best = Match(firstToken: i, endToken: i + v.length, entry: v.entry)
                }
                if let m = best {
                    result.append(m)
                    seen.add(m.entry)
                    i = m.endToken
                } else {
                    i += 1
                }
            }
        }
        return (result, seen, waiting)
    }

    /// The variant match to take: the longest one longer than the exact match, whose entries all name one entity
    /// (or, failing that, exactly one of them the document has already named). A one-word variant match also needs
    /// its word to be foreign by its letters (`VariantLookup.isForeign`), or its entity named in the document; one
    /// refused for want of that name waits in `waiting` for a second pass.
    func chooseVariant(_ found: [(length: Int, entry: Int32)], longerThan exactLength: Int, from start: Int,
                       seen: inout NamedEntities, variants: inout VariantLookup,
                       waiting: inout Set<String>) -> (length: Int, entry: Int32)? {
        guard !found.isEmpty else { return nil }
        for length in Set(found.map(\.length)).sorted(by: >) where length > exactLength {
            var candidates = found.filter { $0.length == length }
            if length == 1, !variants.isForeign(start) {
                candidates = candidates.filter {
                    let canonical = gazetteer.entries[Int($0.entry)].canonical
                    guard variants.mayFollowItsName(start) else { return false }
                    if seen.contains(canonical, gazetteer) { return true }
                    waiting.insert(canonical)
                    return false
                }
            }
            guard let first = candidates.first else { continue }
            let entry = gazetteer.entries[Int(first.entry)]
            if candidates.allSatisfy({ gazetteer.entries[Int($0.entry)].canonical == entry.canonical
                && gazetteer.entries[Int($0.entry)].type == entry.type }) {
                return first
            }
            let known = candidates.filter { seen.contains(gazetteer.entries[Int($0.entry)].canonical, gazetteer) }
            if let k = known.first, known.allSatisfy({ gazetteer.entries[Int($0.entry)].canonical
                == gazetteer.entries[Int(k.entry)].canonical }) {
                return k
            }
        }
        return nil
    }

    /// A word in a script without case (Arabic, Hebrew, CJK...): its first letter is neither upper- nor lower-case.
    static func isUncased(_ token: Token, _ text: [UInt8]) -> Bool {
        guard token.kind == .word, token.flags.contains(.nonASCII), !token.isCapitalized,
              !token.flags.contains(.lowercase) else { return false }
        var i = token.start
        while i < token.end {
            let b0 = UInt32(text[i])
            let (value, length): (UInt32, Int)
            if b0 < 0x80 {
                (value, length) = (b0, 1)
            } else if b0 < 0xE0 {
                (value, length) = ((b0 & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F), 2)
            } else if b0 < 0xF0 {
                (value, length) = ((b0 & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F), 3)
            } else {
                (value, length) = ((b0 & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12 | UInt32(text[i + 2] & 0x3F) << 6
                    | UInt32(text[i + 3] & 0x3F), 4)
            }
            if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic { return !scalar.properties.isCased }
            i += length
        }
        return false
    }

    /// Sentences (headlines, mostly) whose words are nearly all capitalised: there, capitals say nothing about
    /// names, so an ambiguous entry is judged by itself.
    static func titleCaseSentences(_ tokens: [Token], sentenceCount: Int) -> [Bool] {
        // Counted through pinned buffers: this runs over every token, and the arrays' own writes check uniqueness.
        var words = [Int32](repeating: 0, count: max(sentenceCount, 1))
        var capitalised = words
        words.withUnsafeMutableBufferPointer { words in
            capitalised.withUnsafeMutableBufferPointer { capitalised in
                for token in tokens where token.kind == .word && Int(token.sentence) < words.count {
                    let s = Int(token.sentence)
                    words[s] &+= 1
                    if token.isCapitalized { capitalised[s] &+= 1 }
                }
            }
        }
        return zip(words, capitalised).map { $0 >= 4 && Int($1) * 10 >= Int($0) * 7 }
    }

    func accepts(_ entry: Gazetteer.Entry, tokens: [Token], from start: Int, length: Int, titleCase: [Bool] = [],
                 text: [UInt8] = []) -> Bool {
        for k in 0..<length {
            let token = tokens[start + k]
            switch entry.caseRules[k] {
            case .any, .exact:
                continue
            case .capitalized:
                if !token.isCapitalized, text.isEmpty || !Self.isUncased(token, text) { return false }
            case .upper:
                if !token.flags.contains(.allCaps) { return false }
            }
        }
        if entry.ambiguous {
            let first = tokens[start]
            if Int(first.sentence) < titleCase.count, titleCase[Int(first.sentence)], !first.flags.contains(.sentenceStart) {
                return true
            }
            // At a sentence's start capitals say nothing: a word-like place or person stays out; an organisation
            // that is also a word ("Congress leaders must …", "Shell said") is still most likely the organisation.
            if first.flags.contains(.sentenceStart) && entry.type != .org { return false }
            if entry.type != .org, start > 0, tokens[start - 1].isCapitalized, tokens[start - 1].kind == .word,
               !tokens[start - 1].flags.contains(.sentenceStart) || tokens[start - 1].end + 1 >= first.start {
                return false
            }
            // Beside-a-name only matters for names that could be people's ("Jordan Henderson"); an organisation
            // that is also a word ("Labour", "Shell") may stand before capitalised words ("Labour MPs").
            let end = start + length
            if entry.type != .org, end < tokens.count, tokens[end].isCapitalized, tokens[end].kind == .word,
               !tokens[end].flags.contains(.allCaps), tokens[end].sentence == first.sentence {
                return false
            }
        }
        return true
    }
}

/// The canonical names of the entities matched so far (and of those an earlier pass matched). Matching records
/// entries; the names are hashed only when a variant match asks about them, which most documents never do.
struct NamedEntities {
    private var entries: [Int32] = []
    private var known: Set<String>
    private var hashed = 0  // entries[..<hashed] are in `known`

    init(names: Set<String> = []) { known = names }

    mutating func add(_ entry: Int32) { entries.append(entry) }

    mutating func names(_ gazetteer: Gazetteer) -> Set<String> {
        while hashed < entries.count {
            known.insert(gazetteer.entries[Int(entries[hashed])].canonical)
            hashed += 1
        }
        return known
    }

    mutating func contains(_ canonical: String, _ gazetteer: Gazetteer) -> Bool { names(gazetteer).contains(canonical) }
}

/// The romanisation variants of one document's tokens, worked out on first need and kept for the document.
struct VariantLookup {
    let doc: Document
    let gazetteer: Gazetteer
    /// Per token: -2 not looked up yet, -1 no variants, else an index into `found`.
    private var slot: [Int32] = []
    private var found: [[Int32]] = []
    private var builder = RomanizationVariants.Builder()
    private var scratch: [UInt8] = []

    let words: (asciiIDs: [Int32], interner: WordInterner)?

    init(doc: Document, gazetteer: Gazetteer, words: (asciiIDs: [Int32], interner: WordInterner)? = nil) {
        self.doc = doc
        self.gazetteer = gazetteer
        self.words = words
    }

    /// The entity-word ids token `t` may stand for: its `alt` reading's key, and the words sharing the variant key
    /// of its key or of that reading. Empty for a token that is not a capitalised (or caseless) word, and for a
    /// common English word ("Hey", "Sunny": no romanisation of a name).
    mutating func alternatives(_ t: Int) -> [Int32] {
        if slot.isEmpty { slot = Array(repeating: -2, count: doc.tokens.count) }
        if slot[t] == -2 {
            let ids = lookup(t)
            if ids.isEmpty {
                slot[t] = -1
            } else {
                slot[t] = Int32(found.count)
                found.append(ids)
            }
        }
        return slot[t] < 0 ? [] : found[Int(slot[t])]
    }

    /// Whether token `t` is foreign by its letters, so that a one-word variant match may stand on it alone: it is
    /// in another script ("Зеленский"), or holds a Latin letter that no mark-stripping removes and that a rule
    /// folds (ə, ı, ł, ø, đ, ß...). Both survive a text's mark-stripped copy, so the copy matches alike.
    func isForeign(_ t: Int) -> Bool {
        let token = doc.tokens[t]
        guard token.flags.contains(.nonASCII) else { return false }
        let letters = FoldingRules.embedded.letters
        for scalar in doc.string(token.range).unicodeScalars where scalar.value >= 0x80 {
            if LatinFolding.fold(scalar.value) == nil { return true }
            if letters[scalar.value] != nil, scalar.properties.generalCategory != .modifierLetter,
               scalar.properties.isAlphabetic { return true }
        }
        return false
    }

    /// Whether a one-word variant match of token `t` may stand on an entity the document names elsewhere
    /// ("Mirziyoev" with "Shavkat Mirziyoyev"): the word is no given name.
    func mayFollowItsName(_ t: Int) -> Bool {
        !gazetteer.givenNames.contains(KeyFolder.fold(doc.string(token: t)))
    }

    private mutating func lookup(_ t: Int) -> [Int32] {
        let token = doc.tokens[t]
        guard token.kind == .word, token.isCapitalized || GazetteerMatcher.isUncased(token, doc.text) else { return [] }
        if !token.flags.contains(.nonASCII) {
            // ASCII letters: the lower-cased bytes are the key. Only a word whose every byte is ASCII (one with an
            // id in `asciiIDs`) may share the answer with other words of its interned key: a joining "’"
            // ("Braz’il") leaves the word without the nonASCII flag, and its bytes differ from the key's ("braz'il").
            let id = words?.asciiIDs[t] ?? -1
            let interner = id >= 0 ? words?.interner : nil
            if let interner, let known = interner.variantAlternatives(of: id) { return known }
            scratch.removeAll(keepingCapacity: true)
            for b in doc.text[token.start..<token.end] { scratch.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b) }
            let ids = scratch.withUnsafeBufferPointer { gazetteer.variantIDs(ofKey: $0, builder: &builder) }
            let found = ids.isEmpty || EnglishWords.contains(String(decoding: scratch, as: UTF8.self)) ? [] : ids
            if let interner { interner.setVariantAlternatives(found, of: id) }
            return found
        }
        let text = doc.string(token.range)
        var key = KeyFolder.fold(text)
        var ids: [Int32] = []
        for alternative in KeyFolder.alternativeFolds(text) {
            let id = gazetteer.vocabulary.id(alternative)
            if id >= 0, !ids.contains(id) { ids.append(id) }
            for v in gazetteer.variantIDs(ofKey: alternative) where !ids.contains(v) { ids.append(v) }
        }
        let variantIDs = key.withUTF8 { gazetteer.variantIDs(ofKey: $0, builder: &builder) }
        for id in variantIDs where !ids.contains(id) { ids.append(id) }
        return ids.isEmpty || EnglishWords.contains(key) ? [] : ids
    }
}
