/// The word tokens of an entity (its punctuation left out: "Jean - Claude Juncker" has three), as the resolver reads
/// them: how many, and the first, penultimate and last. Counted in place, with no array: the resolver asks this of
/// every person in every document.
struct EntityWords {
    private(set) var count = 0
    private(set) var first = -1
    private(set) var penultimate = -1
    private(set) var last = -1

    init(_ entity: Entity, _ tokens: [Token]) {
        for t in Int(entity.firstToken)..<Int(entity.endToken) where tokens[t].kind == .word {
            if count == 0 { first = t }
            penultimate = last
            last = t
            count += 1
        }
    }
}
