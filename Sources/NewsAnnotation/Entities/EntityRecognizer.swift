/// Entities stage. Takes tokens and sentences; gives flat, sorted entities with canonical names.
///
/// Gazetteer matches come first, then the rules for names no list holds (`NameRules`), then `NameResolver` links
/// short forms to the full names the document introduced.
///
/// Owns a `KeyFolder` (an ICU transliterator), so each worker makes its own.
public final class EntityRecognizer {
    public let gazetteer: Gazetteer
    let matcher: GazetteerMatcher
    let folder = KeyFolder()

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.matcher = GazetteerMatcher(gazetteer: gazetteer)
    }

    public func process(_ doc: inout Document) {
        let keys = tokenKeys(doc)
        var entities: [Entity] = []
        for m in matcher.matches(doc, keys: keys) {
            let entry = gazetteer.entries[Int(m.entry)]
            let range = TextRange(doc.tokens[m.firstToken].range.start, doc.tokens[m.endToken - 1].range.end)
            entities.append(Entity(range: range, type: entry.type, name: entry.canonical,
                                   firstToken: m.firstToken, endToken: m.endToken))
        }
        doc.entities = entities
    }

    /// The vocabulary id of every token's folded key (-1 when no phrase holds it).
    func tokenKeys(_ doc: Document) -> [Int32] {
        doc.text.withUnsafeBufferPointer { text in
            doc.tokens.map { token in
                gazetteer.vocabulary.id(folder.key(UnsafeBufferPointer(rebasing: text[token.start..<token.end])))
            }
        }
    }
}
