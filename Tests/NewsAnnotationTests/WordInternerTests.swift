import Testing
@testable import NewsAnnotation

/// `WordInterner`: one id per distinct folded word, its facts worked out once, and a table that starts over between
/// documents without changing any answer.
@Suite struct WordInternerTests {
    static let gazetteer = try! Gazetteer()
    let pipeline = try! Pipeline(gazetteer: WordInternerTests.gazetteer)

    static let texts = [
        "President Ilham Aliyev met Vladimir Putin in Moscow on Monday, the Kremlin said.",
        "ANKARA — Recep Tayyip Erdoğan and Erdogan's aides met Özgür Özel in İstanbul; “We agree,” Özel said.",
        "Путин and Зеленский spoke; Mitsotakis (Μητσοτάκης) did not. Kraków, Łódź and Zürich were named.",
        "The the THE tHe: numbers 1,200 and 3.5, O'Brien and O’Brien, Jean-Claude Juncker.",
        "Sergey Lavrov and Sergei Lavrov; Zelenskyy, Zelensky, Zelenskiy. Mirziyoyev told Mirziyoev.",
        // Keys of 8, 16 and more bytes (packed, or hashed byte by byte), in ASCII and folded from other letters.
        "Abcdefgh ABCDEFGHIJKLMNOP Abcdefghijklmnopq COUNTERREVOLUTIONARIES Counterrevolutionaries "
            + "Wissenschaftsministerium Łódźwojewództwo Αντιπροσωπευτικότητα abcdefgh abcdefghijklmnop.",
    ]

    @Test("every token's key is the KeyFolder key, the same key has the same id, across a table that starts over")
    func keysMatchTheFolderAcrossResets() {
        let interner = WordInterner(gazetteer: Self.gazetteer, folder: KeyFolder(), capacity: 8)
        let folder = KeyFolder()
        for round in 0..<3 {
            for text in Self.texts {
                let doc = pipeline.annotate(text: text)
                let ids = interner.ids(doc)
                #expect(ids.count == doc.tokens.count)
                var idOfKey: [String: Int32] = [:]
                doc.text.withUnsafeBufferPointer { bytes in
                    for (t, token) in doc.tokens.enumerated() {
                        let key = folder.key(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
                        #expect(interner.keys[Int(ids[t])] == key, "round \(round), token \(t)")
                        if let known = idOfKey[key] { #expect(known == ids[t]) } else { idOfKey[key] = ids[t] }
                    }
                }
            }
        }
    }

    @Test("a word's vocabulary id, classes and variant key id are those of its key")
    func factsFollowTheKey() {
        let interner = WordInterner(gazetteer: Self.gazetteer, folder: KeyFolder(), capacity: 8)
        for text in Self.texts {
            let doc = pipeline.annotate(text: text)
            let ids = Set(interner.ids(doc)).sorted()
            for id in ids {
                let key = interner.keys[Int(id)]
                #expect(interner.vocabularyIDs[Int(id)] == Self.gazetteer.vocabulary.id(key))
                #expect(interner.classes[Int(id)] == WordClass.of(key, vocabularyID: Self.gazetteer.vocabulary.id(key),
                                                                  gazetteer: Self.gazetteer))
            }
            // Two words share a variant key id exactly when their variant keys are equal ("sergey"/"sergei").
            let variantKeys = ids.map { RomanizationVariants.key(interner.keys[Int($0)]) }
            let keyIDs = ids.map { interner.variantKeyID(of: $0) }
            for a in ids.indices {
                for b in ids.indices where b > a {
                    #expect((keyIDs[a] == keyIDs[b]) == (variantKeys[a] == variantKeys[b]),
                            "\(interner.keys[Int(ids[a])]) / \(interner.keys[Int(ids[b])])")
                }
            }
        }
    }

    @Test("a recognizer whose word table starts over every few documents finds exactly what a fresh one finds")
    func smallTableGivesTheSameEntities() {
        let small = EntityRecognizer(gazetteer: Self.gazetteer, wordCapacity: 4)
        for _ in 0..<2 {
            for text in Self.texts {
                var doc = pipeline.annotate(text: text)
                let expected = doc.entities
                doc.entities = []
                small.process(&doc)
                #expect(doc.entities.map { "\($0.range) \($0.type.label) \($0.name)" }
                    == expected.map { "\($0.range) \($0.type.label) \($0.name)" })
            }
        }
    }
}
