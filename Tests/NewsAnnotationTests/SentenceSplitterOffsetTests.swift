import Testing
@testable import NewsAnnotation

/// The breaker decodes UTF-8 in place (ICU, which it must equal, counts UTF-16 units); these check that boundaries
/// are the right UTF-8 byte offsets when two-, three- and four-byte scalars (a surrogate pair in UTF-16) come before
/// them.
@Suite("Sentence boundaries after non-ASCII text")
struct SentenceSplitterOffsetTests {
    func sentences(_ s: String) throws -> [String] {
        let bytes = Array(s.utf8)
        let splitter = try SentenceSplitter()
        return bytes.withUnsafeBufferPointer { text in
            splitter.sentences(text).map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        }
    }

    @Test func boundariesAfterMultiByteScalars() throws {
        #expect(try sentences("Ça coûte 5 €. 😀 Il a dit oui. Fin 𝔸.")
                == ["Ça coûte 5 €.", "😀 Il a dit oui.", "Fin 𝔸."])
    }

    @Test func oneSplitterServesDocumentsOfMixedScripts() throws {
        let splitter = try SentenceSplitter()
        let cases: [(String, [String])] = [
            ("Ölçü 🎉🎉. İki.", ["Ölçü 🎉🎉.", "İki."]),
            ("Plain ASCII. Again.", ["Plain ASCII.", "Again."]),
            ("Ёлка. Ель 😀.", ["Ёлка.", "Ель 😀."]),
            ("Last one. Done.", ["Last one.", "Done."]),
        ]
        for (s, expected) in cases {
            let bytes = Array(s.utf8)
            let got = bytes.withUnsafeBufferPointer { text in
                splitter.sentences(text).map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
            }
            #expect(got == expected)
        }
    }

    @Test func titleAbbreviationsStillHoldTheSentenceTogether() throws {
        #expect(try sentences("Gen. Omer spoke. Sen. Smith left. Ölçü.") == ["Gen. Omer spoke.", "Sen. Smith left.", "Ölçü."])
    }
}
