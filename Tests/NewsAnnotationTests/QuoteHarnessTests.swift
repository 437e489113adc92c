import Testing
@testable import NewsAnnotation

/// Runs the stages the quote finder needs, with entities given by the test instead of found by the entity stage,
/// so that the quote rules are tested on their own.
enum QuoteHarness {
    struct Found: CustomStringConvertible {
        let text: String
        let kind: Quote.Kind
        let speakerText: String?
        let speaker: String?
        let cue: String?

        var description: String {
            "[\(kind.rawValue)] \(text) ← \(speakerText ?? "-") = \(speaker ?? "nil") (cue \(cue ?? "-"))"
        }
    }

    /// Entities by surface: every token-aligned occurrence of the surface is tagged with the type and canonical name.
    static func document(_ text: String, entities: [(String, EntityType, String)] = []) throws -> Document {
        var doc = Document(idJSON: Array("\"t\"".utf8), original: Array(text.utf8))
        Normalizer().process(&doc)
        try SentenceSplitter().process(&doc)
        Tokenizer().process(&doc)
        var found: [Entity] = []
        for (surface, type, name) in entities.sorted(by: { $0.0.utf8.count > $1.0.utf8.count }) {
            let needle = Array(surface.utf8)
            var i = 0
            while i + needle.count <= doc.text.count {
                if Array(doc.text[i..<(i + needle.count)]) == needle,
                   let first = doc.tokens.firstIndex(where: { $0.start == i }),
                   let last = doc.tokens.firstIndex(where: { $0.end == i + needle.count }),
                   !found.contains(where: { Int($0.firstToken) <= last && first < Int($0.endToken) }) {
                    found.append(Entity(range: TextRange(i, i + needle.count), type: type, name: name,
                                        firstToken: first, endToken: last + 1))
                }
                i += 1
            }
        }
        doc.entities = found.sorted { $0.range < $1.range }
        let gazetteer = try Gazetteer(entityTables: [], lexicon: [])
        QuoteFinder(gazetteer: gazetteer).process(&doc)
        return doc
    }

    static func quotes(_ text: String, _ entities: [(String, EntityType, String)] = []) throws -> [Found] {
        let doc = try document(text, entities: entities)
        return doc.quotes.map { q in
            Found(text: doc.string(q.range), kind: q.kind, speakerText: q.speaker.range.map { doc.string($0) },
                  speaker: q.speaker.name, cue: q.cue.map { doc.string($0) })
        }
    }

    static func person(_ surfaces: String..., name: String) -> [(String, EntityType, String)] {
        surfaces.map { ($0, .person, name) }
    }

    static func org(_ surfaces: String..., name: String) -> [(String, EntityType, String)] {
        surfaces.map { ($0, .org, name) }
    }

    static func place(_ surfaces: String..., name: String) -> [(String, EntityType, String)] {
        surfaces.map { ($0, .place, name) }
    }
}

extension Array where Element == QuoteHarness.Found {
    func first(_ text: String) -> QuoteHarness.Found? { first { $0.text == text } }
    func starting(_ prefix: String) -> QuoteHarness.Found? { first { $0.text.hasPrefix(prefix) } }
    var direct: [QuoteHarness.Found] { filter { $0.kind == .direct } }
    var indirect: [QuoteHarness.Found] { filter { $0.kind == .indirect } }
}

@Suite struct QuoteHarnessTests {
    @Test func aDocumentWithoutQuotationOrReportHasNoQuotes() throws {
        let quotes = try QuoteHarness.quotes("The bridge opened in 1932. It carries six lanes of traffic.")
        #expect(quotes.isEmpty)
    }

    @Test func quoteSpansAreContentWithoutMarksOrCue() throws {
        let quotes = try QuoteHarness.quotes("“We are ready,” Smith said.", QuoteHarness.person("Smith", name: "John Smith"))
        let q = try #require(quotes.first)
        #expect(q.text == "We are ready")
        #expect(q.cue == "said")
        #expect(q.speakerText == "Smith")
    }
}
