import Foundation
import Testing
@testable import NewsAnnotation

/// A text and its diacritics-stripped copy (NFD, drop the marks, NFC: same length, same offsets) give the same
/// entities: spans, types and canonical names.
@Suite struct DiacriticInvarianceTests {
    static let gazetteer = try! Gazetteer()
    let pipeline = try! Pipeline(gazetteer: DiacriticInvarianceTests.gazetteer)

    static func strip(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    struct Found: Equatable, CustomStringConvertible {
        var start: Int
        var end: Int
        var type: String
        var name: String
        var description: String { "\(start)-\(end) \(type) \(name)" }
    }

    /// Entities with original code-point offsets, as the writer reports them.
    func entities(_ text: String) -> [Found] {
        let doc = pipeline.annotate(text: text)
        return doc.entities.map { e in
            Found(start: doc.offsets.start(Int(e.range.start)).scalar, end: doc.offsets.end(Int(e.range.end)).scalar,
                  type: e.type.label, name: e.name)
        }
    }

    static let document = """
    ANKARA, Türkiye — Recep Tayyip Erdoğan received Luiz Inácio Lula da Silva and Aleksandar Vučić in İstanbul on \
    Monday. Erdoğan said the talks with Radosław Sikorski of Poland and Jonas Gahr Støre of Norway went well.

    Later Vučić flew to Zürich and then to Kraków; Lula returned to São Paulo via Bogotá. Kemal Kılıçdaroğlu and \
    Ekrem İmamoğlu criticised the visit, the mayor of Łódź and officials in Chișinău said.
    """

    @Test("a document with diacritics and its stripped copy give identical spans, types and names")
    func strippedCopyGivesTheSameEntities() {
        let stripped = Self.strip(Self.document)
        #expect(stripped.unicodeScalars.count == Self.document.unicodeScalars.count)
        #expect(stripped != Self.document)
        let original = entities(Self.document)
        #expect(original.count >= 15)
        #expect(entities(stripped) == original)
    }

    @Test("spans stay on the original code points, decomposed input included: Erdog + U+0306 + an")
    func spansStayOnOriginalCodePoints() {
        let text = "Mr. Erdog\u{306}an met Vuc\u{30C}ic\u{301}."
        let found = entities(text)
        let scalars = Array(text.unicodeScalars)
        let slices = found.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(slices == ["Erdog\u{306}an", "Vuc\u{30C}ic\u{301}"])
        #expect(found.map(\.name) == ["Recep Tayyip Erdoğan", "Aleksandar Vučić"])
    }

    @Test("a name no gazetteer knows gets one spelling with or without its marks: Zeynep Çağlayan and Zeynep Caglayan")
    func ruleFoundNamesShareOneSpelling() {
        let text = "Zeynep Çağlayan, the mayor, said the vote was fair. Çağlayan spoke in Bursa."
        let original = entities(text), stripped = entities(Self.strip(text))
        #expect(original == stripped)
        #expect(original.filter { $0.type == "PERSON" }.map(\.name) == ["Zeynep Caglayan", "Zeynep Caglayan"])
    }

    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    @Test("every sample and test article annotates like its stripped copy",
          arguments: ["Samples", "Tests/NewsAnnotationTests/Fixtures/articles"])
    func foldersAreInvariant(folder: String) throws {
        let names = try DocumentReader.textFiles(in: Self.root + "/" + folder)
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try #require(FileBytes.read(Self.root + "/" + folder + "/" + name))
            let text = String(decoding: bytes, as: UTF8.self)
            let stripped = Self.strip(text)
            guard stripped.unicodeScalars.count == text.unicodeScalars.count else {
                Issue.record("\(name): stripping changed the length")
                continue
            }
            let a = entities(text), b = entities(stripped)
            #expect(a.map { [$0.start, $0.end] } == b.map { [$0.start, $0.end] }, "\(name): spans")
            #expect(a.map(\.type) == b.map(\.type), "\(name): types")
            #expect(a.map(\.name) == b.map(\.name), "\(name): names")
        }
    }
}
