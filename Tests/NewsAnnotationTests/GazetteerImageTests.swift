import CGazetteerData
import Testing
@testable import NewsAnnotation

/// The precompiled gazetteer (Gazetteers/compiled/gazetteer.bin) must be exactly what building from the TSV tables
/// gives with this code; when these fail, run `make gazetteer-image` and rebuild.
@Suite struct GazetteerImageTests {
    static func embedded(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: bytes, count: count))
    }

    static let image = embedded(gazetteer_image_bytes(), gazetteer_image_length())
    static let entities = embedded(gazetteer_entities_bytes(), gazetteer_entities_length())
    static let lexicon = embedded(gazetteer_lexicon_bytes(), gazetteer_lexicon_length())

    @Test func embeddedImageMatchesTheEmbeddedTables() {
        #expect(GazetteerImage.embedded != nil, "gazetteer.bin was built from other tables: run make gazetteer-image")
    }

    /// Catches a change of the tokenizer, normalizer or key folder that the fingerprint cannot see.
    @Test func embeddedImageIsWhatTheTablesBuild() throws {
        let fresh = try GazetteerImageWriter.image(entities: Self.entities, lexicon: Self.lexicon)
        #expect(fresh == Self.image, "gazetteer.bin is stale: run make gazetteer-image")
    }

    /// Reading the image back loses nothing: the gazetteer it gives writes the same image.
    @Test func imageRoundTrips() throws {
        let image = try #require(GazetteerImage.embedded)
        let tables = try #require(Gazetteer.Tables(image))
        let english = try #require(image.strings(.englishWords))
        let rewritten = GazetteerImageWriter.image(of: Gazetteer(tables), englishWords: Set(english),
                                                   fingerprint: GazetteerImage.embeddedFingerprint)
        #expect(rewritten == Self.image)
        #expect(Set(english) == Self.lexicon.withUnsafeBufferPointer { EnglishWords.words(inLexicon: $0) })
    }

    @Test func damagedOrForeignImagesAreRefused() {
        let fingerprint = GazetteerImage.embeddedFingerprint
        Self.image.withUnsafeBufferPointer { bytes in
            #expect(GazetteerImage(bytes, fingerprint: fingerprint &+ 1) == nil)
            #expect(GazetteerImage(UnsafeBufferPointer(rebasing: bytes[0..<20]), fingerprint: fingerprint) == nil)
        }
        // Cut short: the header reads, the tables do not.
        let cut = Array(Self.image.prefix(Self.image.count / 2))
        cut.withUnsafeBufferPointer { bytes in
            if let image = GazetteerImage(bytes, fingerprint: fingerprint) {
                #expect(Gazetteer.Tables(image) == nil)
            }
        }
    }

    /// A `--gazetteer` file still goes through the builder, on top of the embedded tables.
    @Test func extraFilesStillApply() throws {
        let extra = Array("Zzyzx Quarterly\tORG\tZzyzx Quarterly Review\n".utf8)
        let g = try Gazetteer(extraFiles: [("extra.tsv", extra)])
        let pipeline = try Pipeline(gazetteer: g)
        let doc = pipeline.annotate(text: "The Zzyzx Quarterly said so.")
        #expect(doc.entities.map(\.name).contains("Zzyzx Quarterly Review"))
        #expect(g.entries.count == (try #require(GazetteerImage.embedded.flatMap { Gazetteer.Tables($0) })).entries.count + 1)
    }
}
