import Foundation
import Testing
@testable import NewsAnnotation

/// A worker's caches (interned words and what they remember of each word, quote-word tables, name keys) must never
/// make a document's output depend on the documents before it: `--jobs 2` gives each worker a different history,
/// and its output must equal `--jobs 1`'s byte for byte.
@Suite struct HistoryIndependenceTests {
    static let gazetteer = try! Gazetteer()

    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// Texts whose words collide on a folded key while their bytes differ (’ and ' inside a word, marks, case).
    static let collisions = [
        "Braz\u{2019}il spoke. Erdog\u{306}an and ERDOGAN met. O\u{2019}Brien left.",
        "Braz'il is big. Brazil is big. Erdoğan met Erdogan. O'Brien and O\u{2019}Brien came.",
        "“We won,” Braz\u{2019}il’s minister said. Zelenskiy, Zelensky and Zelenskyy spoke; Sergei met Sergey.",
    ]

    func line(_ pipeline: Pipeline, _ text: String) -> String {
        let doc = pipeline.annotate(text: text)
        var out = JSONBuffer(capacity: 1 << 16)
        RecordWriter().write(doc, into: &out)
        return String(decoding: out.take(), as: UTF8.self)
    }

    @Test("every document annotates the same after any history as it does first: samples, articles, colliding spellings")
    func outputDoesNotDependOnEarlierDocuments() throws {
        var texts = Self.collisions
        for folder in ["Samples", "Tests/NewsAnnotationTests/Fixtures/articles"] {
            for name in try DocumentReader.textFiles(in: Self.root + "/" + folder) {
                let bytes = try #require(FileBytes.read(Self.root + "/" + folder + "/" + name))
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        let fresh = try texts.map { try line(Pipeline(gazetteer: Self.gazetteer), $0) }
        let shared = try Pipeline(gazetteer: Self.gazetteer)
        for (i, text) in (texts + texts.reversed()).enumerated() {
            let expected = fresh[i < texts.count ? i : 2 * texts.count - 1 - i]
            #expect(line(shared, text) == expected, "text \(i % texts.count) after \(i) others")
        }
    }
}
