import Foundation
import PropertyBased
import Testing
@testable import NewsAnnotation

/// Properties of the whole output over random Unicode text: offsets valid, span texts equal the original slice,
/// entities flat and sorted, quote spans inside the text, and output identical for 1 and 2 jobs and across runs.
@Suite("Output properties over random text")
struct OutputPropertyTests {
    /// Pieces random texts are made of: ASCII words, capitalised names, quotation marks, punctuation, emoji, combining
    /// marks, CJK and RTL text, line ends, spaces and invisible characters.
    static let pieces: [String] = [
        // words
        "the", "said", "told", "according to", "of", "and", "in", "that", "he", "she", "they", "minister", "said that",
        "government", "percent", "on Monday", "president", "Reuters", "AP",
        // names
        "Paris", "Angela Merkel", "Kenya", "United Nations", "Mr.", "Dr.", "Ms. Smith", "William Ruto", "Volkswagen",
        "Ghana", "Mahama", "New York", "European Union", "U.S.", "Lula", "Brazil", "Jos\u{E9} Mart\u{ED}",
        "O'Brien", "Xi\u{2019}an", "Al Jazeera", "Bank of England", "Tokyo", "Z\u{FC}rich", "Fran\u{E7}ois",
        // quotation marks
        "\"", "\u{201C}", "\u{201D}", "\u{AB}", "\u{BB}", "\u{2018}", "\u{2019}", "\u{201E}", "'", "\u{2039}", "\u{203A}",
        "\u{FF02}",
        // punctuation
        ",", ".", ":", ";", "!", "?", "-", "\u{2013}", "\u{2014}", "(", ")", "\u{2026}", "'s", "\u{2019}s", "3.5%", "1,200",
        // emoji
        "\u{1F600}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F1EB}\u{1F1F7}", "\u{1F44D}\u{1F3FD}", "\u{2764}\u{FE0F}",
        // combining marks
        "\u{301}", "e\u{301}", "Cafe\u{301}", "Jose\u{301}", "a\u{323}\u{302}", "=\u{338}\u{301}", "\"\u{301}", "A\u{30A}",
        // CJK and RTL
        "\u{6771}\u{4EAC}", "\u{5317}\u{4EAC}\u{5E02}", "\u{3002}", "\u{300C}", "\u{300D}", "\u{FF0C}",
        "\u{5E9}\u{5DC}\u{5D5}\u{5DD}", "\u{627}\u{644}\u{633}\u{644}\u{627}\u{645}", "\u{200F}", "\u{200E}",
        "\u{1100}\u{1161}\u{11A8}", "\u{D55C}\u{AD6D}",
        // line ends and spaces
        "\n", "\n\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\t", "\u{A0}", "\u{2009}", "\u{3000}",
        // invisible
        "\u{AD}", "\u{FEFF}", "\u{200B}", "\u{2060}", "\u{0}", "\u{1B}",
    ]

    /// Random text: up to 120 pieces, mostly separated by spaces.
    static func text(pieces indices: [Int]) -> String {
        var out = ""
        for (k, i) in indices.enumerated() {
            out += pieces[i]
            if (k + i) % 4 != 0 { out += " " }
        }
        return out
    }

    func documents(_ texts: [String]) -> [InputItem] {
        texts.enumerated().map { i, text in
            .document(Document(idJSON: Array("\"p\(i)\"".utf8), original: Array(text.utf8)))
        }
    }

    func check(_ output: [UInt8], _ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        IOKit.verify(output, ids: texts.indices.map { "\"p\($0)\"" }, outcomes: texts.map { .text($0) },
                     sourceLocation: sourceLocation)
    }

    @Test func spansAreValidCodePointSlicesAndOutputIsTheSameForOneAndTwoJobsAndAcrossRuns() async throws {
        let gazetteer = try IOKit.gazetteer()
        let one = try ParallelAnnotator(gazetteer: gazetteer, jobs: 1)
        let two = try ParallelAnnotator(gazetteer: gazetteer, jobs: 2)
        let texts = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...120).array(of: 1...6)
            .map { $0.map(Self.text(pieces:)) }
        await propertyCheck(count: 150, input: texts) { texts in
            let batch = documents(texts)
            let first = one.annotate(batch)
            check(first, texts)
            #expect(two.annotate(batch) == first, "jobs 2 gives the same bytes as jobs 1")
            #expect(one.annotate(batch) == first, "a second run gives the same bytes")
        }
    }

    @Test func theSameHoldsThroughJSONLFilesAndTheReader() async throws {
        let texts = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...120).array(of: 1...6)
            .map { $0.map(Self.text(pieces:)) }
        await propertyCheck(count: 25, input: texts) { texts in
            var lines: [[UInt8]] = []
            for (i, text) in texts.enumerated() { lines.append(IOKit.jsonLine(id: "p\(i)", text: text)) }
            let input = IOKit.joinLines(lines)
            do {
                let first = try IOKit.annotateJSONL(input, jobs: 1)
                check(first, texts)
                #expect(try IOKit.annotateJSONL(input, jobs: 2) == first)
            } catch {
                Issue.record(error)
            }
        }
    }

    @Test func normalizedSpansOnEveryCodePointBoundaryMapToValidOriginalSlices() async {
        let text = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...120).map(Self.text(pieces:))
        await propertyCheck(count: 200, input: text) { text in
            var doc = Document(idJSON: [], original: Array(text.utf8))
            Normalizer().process(&doc)
            let original = Array(text.unicodeScalars)
            #expect(UTF8Validation.firstInvalidOffset(doc.text) == nil)
            var boundaries = [0]
            for s in String(decoding: doc.text, as: UTF8.self).unicodeScalars {
                boundaries.append(boundaries.last! + String(s).utf8.count)
            }
            // The end of the text: a span starting there starts after any deleted tail; one ending there may end
            // before it (a trailing deleted character is never inside a span).
            #expect(doc.offsets.start(boundaries.last!).scalar == original.count)
            #expect(doc.offsets.end(boundaries.last!).scalar <= original.count)
            for (a, b) in zip(boundaries, boundaries.dropFirst()) {
                let start = doc.offsets.start(a), end = doc.offsets.end(b)
                #expect(0 <= start.scalar && start.scalar < end.scalar && end.scalar <= original.count)
                // Bytes and code points agree: the writer cuts text by bytes, offsets count code points.
                let bytes = Array(String(String.UnicodeScalarView(original[0..<start.scalar])).utf8).count
                #expect(start.byte == bytes)
                let endBytes = Array(String(String.UnicodeScalarView(original[0..<end.scalar])).utf8).count
                #expect(end.byte == endBytes)
            }
        }
    }
}
