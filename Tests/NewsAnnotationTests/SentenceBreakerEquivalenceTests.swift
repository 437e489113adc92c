import CICU
import Foundation
import Testing

/// cicu_sentence_breaker replaces ICU's sentence iterator in the pipeline only because it is faster; these pin that it
/// gives exactly ICU's boundaries for "en@ss=standard" (rules, classes and the abbreviation filter) by running both on
/// the same texts. scripts/sentence-breaker-diff.sh does the same over the large corpora and every scalar.
@Suite("Sentence breaker equals ICU's")
struct SentenceBreakerEquivalenceTests {
    static let locale = "en@ss=standard"

    /// Both breakers, opened once per comparison run.
    final class Pair {
        let mine: OpaquePointer
        let icu: OpaquePointer

        init(locale: String = SentenceBreakerEquivalenceTests.locale) throws {
            var status: Int32 = 0
            let mine = try #require(cicu_sentence_breaker_open(locale, &status), "status \(status)")
            let icu = try #require(cicu_icu_sentence_breaker_open(locale, &status), "status \(status)")
            self.mine = mine
            self.icu = icu
        }

        deinit {
            cicu_sentence_breaker_close(mine)
            cicu_icu_sentence_breaker_close(icu)
        }

        func boundaries(_ text: [UInt8]) -> (mine: [Int64], icu: [Int64]) {
            text.withUnsafeBufferPointer { t in
                var a: [Int64] = [], b: [Int64] = []
                _ = cicu_sentence_breaker_set_text(mine, t.baseAddress, Int64(t.count))
                while case let n = cicu_sentence_breaker_next(mine), n >= 0 { a.append(n) }
                if cicu_icu_sentence_breaker_set_text(icu, t.baseAddress, Int64(t.count)) == 0 {
                    while case let n = cicu_icu_sentence_breaker_next(icu), n >= 0 { b.append(n) }
                }
                return (a, b)
            }
        }

        /// The texts whose boundaries differ, each with both lists, for the failure message.
        func differences(_ texts: [String]) -> [String] {
            var found: [String] = []
            for text in texts {
                let (a, b) = boundaries(Array(text.utf8))
                if a != b { found.append("\(text.debugDescription): mine \(a), ICU \(b)") }
            }
            return found
        }
    }

    func expectSame(_ texts: [String], minimum: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(texts.count >= minimum, "only \(texts.count) texts compared", sourceLocation: sourceLocation)
        let diffs = try Pair().differences(texts)
        #expect(diffs.isEmpty, "\(diffs.count) of \(texts.count) differ; first: \(diffs.prefix(5))",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: ["Samples", "Tests/NewsAnnotationTests/Fixtures/articles"])
    func everyArticleBreaksWhereICUBreaks(folder: String) throws {
        let texts = try RepositoryTexts.texts(in: folder)
        try expectSame(texts, minimum: 5)
    }

    /// The whole English exception list of ICU 72 (brkitr/en.txt, exceptions/SentenceBreak), as test input only:
    /// the breaker reads the list from ICU's data.
    static let listedAbbreviations = """
        L.P. Alt. Approx. E.G. O. Maj. Misc. P.O. J.D. Jam. Card. Dec. Sept. MR. Long. Hat. G. Link. DC. D.C. M.T. \
        Hz. Mrs. By. Act. Var. N.V. Aug. B. S.A. Up. Job. Num. M.I.T. Ok. Org. Ex. Cont. U. Mart. Fn. Abs. Lt. OK. \
        Z. E. Kb. Est. A.M. L.A. Prof. U.S. Nov. Ph.D. Mar. I.T. exec. Jan. N.Y. X. Md. Op. vs. D.A. A.D. R.L. P.M. \
        Or. M.R. Cap. PC. Feb. Exec. I.e. Sep. Gb. K. U.S.C. Mt. S. A.S. C.O.D. Capt. Col. In. C.F. Adj. AD. I.D. \
        Mgr. R.T. B.V. M. Conn. Yr. Rev. Phys. pp. Ms. To. Sgt. J.K. Nr. Jun. Fri. S.A.R. Lev. Lt.Cdr. Def. F. Do. \
        Joe. Id. Mr. Dept. Is. Pvt. Diff. Hon.B.A. Q. Mb. On. Min. J.B. Ed. AB. A. S.p.A. I. a.m. Comm. Go. VS. L. \
        All. PP. P.V. T. K.R. Etc. D. Adv. Lib. E.g. Pro. U.S.A. S.E. AA. Rep. Sq. As.
        """.split(separator: " ").map(String.init)

    @Test func listedAbbreviationsKeepOrBreakAsICUDoes() throws {
        let before = ["", "See ", "x", "(", "“", "The "]
        let after = [" Brown", " brown", " 5 people", " 5 People", "  Brown", "\nBrown", ") Brown", "” Brown",
                     "\u{00A0}Brown", "", ".", " (Brown", "Brown", "D. Smith", " D.C. office", "\r\nBrown",
                     " «Brown»", "’ Brown", "\u{0301} Brown", "? Brown"]
        var texts: [String] = []
        for a in Self.listedAbbreviations {
            for b in before { for c in after { texts.append(b + a + c) } }
        }
        try expectSame(texts, minimum: 15_000)
    }

    static let trickyTexts = [
        "He met Mr. Aliyev. Then he left.", "The U.S. Army said so. The U.S. said so.", "In the U.S. he is known.",
        "e.g. this one. E.g. That one.", "J. R. R. Tolkien wrote it. J.R.R. Tolkien too.", "Wait... what? Yes...",
        "Really?! No!? Fine.", "He said \"Stop.\" Then he left.", "He said “Stop.” Then he left.",
        "He said ‘Stop.’ Then he left.", "He said «Stop.» Then he left.", "(It ended.) Then it began.",
        "[It ended.] Then.", "Line one\r\nLine two.\r\nThree", "Lone\rCR. Here\r", "Para\u{2028}graph. Next\u{2029}Next.",
        "Next\u{0085}line. Next.", "Tabs.\tTabs.\t\tMore.", "No\u{00A0}break. Space.\u{00A0}Next.",
        "Dash — here. Dash – there.", "Cafe\u{0301}. Next.", "End.\u{0301} Next.", "End.\u{0301}\u{0301}Next.",
        "東京に行った。次の文。", "यह एक वाक्य है। दूसरा वाक्य।", "هل هذا سؤال؟ نعم.", "Value 3.5 is up. No. 5 won.",
        "See No. 5. It won.", "It cost $3.50. Cheap.", "Ph.D. students. Ph. D. student.", "Lt. Smith. Lt.Cdr. Jones.",
        "Hon.B.A. Smith. S.p.A. Firm.", "a.m. Then p.m. Later.", "etc. 5 apples", "etc. 5 Apples", "end. 5",
        "end.)", "end. )a", "end. )A", "x.5 y", "A.B c", "a.B c", "1.A b", "?5 x", "x? a", "x. a", "x., y", "x.; y",
        "x.. y", "x.? Y", "x\u{0000}. Y\u{0000}", "\u{0000}", ".", " . ", "..", "  ", "\n\n\n", "\r\r\n\n",
        "😀. 👍🏽 Done. 𝔸. Next", "שלום. עולם.", "مرحبا. عالم.", "Ölçü. İki.", "x.\u{200D}Y", "x.\u{00AD} Y",
        "HMr. Brown", "Mr.  Brown", "Mr.\nBrown", "Mr.\u{00A0}Brown", "U.S.A. Today", "U.S.\nA", "D.C. Brown",
        "Approx. 5", "Mt. Everest. Mt.Everest.", "Fullwidth．Ｎext！Ｙes？", "Bullet\u{2024} Next",
        "Small\u{FE52} Next", "x.\u{2018}y", String(repeating: "word ", count: 2_000) + ". End. Then.",
        String(repeating: "a.", count: 1_000), String(repeating: "Mr. ", count: 500) + "Brown. Next.",
    ]

    @Test func trickyFragmentsBreakAsICUDoes() throws {
        try expectSame(Self.trickyTexts, minimum: 50)
    }

    /// One character of every Sentence_Break class (and a second one for most), so every pair and triple of
    /// classes is seen after a few contexts.
    static let classRepresentatives: [String] = [
        "b", "é", "W", "É", "ח", "中", "7", "١", ".", "\u{2024}", "?", "\u{3002}", "!", ",", ":", "-", ")", "”", "«",
        " ", "\t", "\u{00A0}", "\u{0301}", "\u{00AD}", "\u{200D}", "\n", "\r", "\u{2028}", "\u{0085}", "#", "😀",
    ]

    @Test func everyTripleOfClassesBreaksAsICUDoes() throws {
        let reps = Self.classRepresentatives
        var texts: [String] = []
        for context in ["", "a", "A.", "x. "] {
            for a in reps { for b in reps { for c in reps { texts.append(context + a + b + c) } } }
        }
        try expectSame(texts, minimum: 100_000)
    }

    static let fragments = [
        "Mr.", "Mrs.", "Dr.", "Prof.", "U.S.", "U.S.A.", "e.g.", "E.g.", "i.e.", "Ph.D.", "Lt.", "Lt.Cdr.", "a.m.",
        "No.", "3.5", "J.", "R.", "etc.", "vs.", "Gen.", "...", "…", "?!", "!", "?", ".", " ", " ", "  ", "\t", "\n",
        "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{0085}", "\u{00A0}", "—", "–", "\"", "'", "(", ")", "“", "”", "‘",
        "’", "«", "»", "\u{0301}", "\u{200D}", "。", "।", "؟", "．", "The", "the", "Brown", "said", "5", "2024",
        ",", ";", "-", "שלום", "中文", "😀", "👍🏽", "\u{0000}", "A", "a", "x", "D.C.", "É", "é", "#", "١",
    ]

    @Test func seededRandomFragmentStringsBreakAsICUDoes() throws {
        var random = FragmentRandom()
        func next() -> Int { random.next() }
        var texts: [String] = []
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<(1 + next() % 30) { s += Self.fragments[next() % Self.fragments.count] }
            texts.append(s)
        }
        try expectSame(texts, minimum: 5_000)
    }

    /// Without the keyword there is no abbreviation filter, in ICU and here.
    @Test func plainEnglishHasNoAbbreviationFilterInEither() throws {
        let pair = try Pair(locale: "en")
        let (mine, icu) = pair.boundaries(Array("He met Mr. Aliyev. Then".utf8))
        #expect(mine == icu)
        #expect(mine == [11, 19, 23])
    }
}
