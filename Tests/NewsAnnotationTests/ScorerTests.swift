import Testing

@testable import NewsAnnotation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The evaluator must print exactly what the reference scorer (tools/score.py) prints. The expected texts under
/// Fixtures/scorer/expected/ were produced by running score.py on the fixture files (see Fixtures/scorer/README.md).
@Suite struct ScorerTests {
    // MARK: - locating files

    static let testsDirectory: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/")
    }()
    static let fixtures = testsDirectory + "/Fixtures/scorer"
    /// Tests/NewsAnnotationTests → the package root.
    static let packageRoot: String = {
        var parts = testsDirectory.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/")
    }()

    static func readText(_ path: String) throws -> String {
        String(decoding: try AnnotationSet.readFile(path), as: UTF8.self)
    }

    static func sampleGoldFiles() -> [String] {
        let dir = packageRoot + "/Samples"
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".jsonl") { names.append(dir + "/" + name) }
        }
        return names.sorted()
    }

    static func set(_ jsonl: String) throws -> AnnotationSet {
        try AnnotationSet(jsonl: jsonl)
    }

    // MARK: - score.py's self-test: the synthetic document

    static func ent(_ s: Int, _ e: Int, _ t: String, _ text: String, _ name: String? = nil) -> JSONValue {
        .object(JSONObject([("start", .int(s)), ("end", .int(e)), ("type", .string(t)), ("text", .string(text)),
                            ("name", .string(name ?? text))]))
    }

    static func quote(_ s: Int, _ e: Int, _ kind: String, _ name: String?, _ text: String? = nil) -> JSONValue {
        let speakerText: JSONValue = (text ?? name).map { .string($0) } ?? .null
        let speakerName: JSONValue = name.map { .string($0) } ?? .null
        return .object(JSONObject([
            ("start", .int(s)), ("end", .int(e)), ("text", .string(String(repeating: "x", count: e - s))),
            ("kind", .string(kind)),
            ("speaker", .object(JSONObject([("text", speakerText), ("name", speakerName)]))),
        ]))
    }

    static func document(_ pairs: [(String, JSONValue)]) throws -> AnnotationSet {
        var set = AnnotationSet()
        try set.insert(JSONObject(pairs))
        return set
    }

    static let syntheticGold: AnnotationSet = try! document([
        ("id", .string("d")),
        ("entities", .array([
            ent(0, 5, "PERSON", "Aliev", "Ilham Aliyev"), ent(10, 15, "PLACE", "Baku"),
            ent(20, 23, "ORG", "CIS", "Commonwealth of Independent States"), ent(30, 42, "PERSON", "Ilham Aliyev"),
        ])),
        ("quotes", .array([
            quote(100, 200, "direct", "Ilham Aliyev"), quote(300, 400, "block", "Ilham Aliyev"),
            quote(500, 600, "indirect", "Commonwealth of Independent States"), quote(700, 800, "turn", nil),
        ])),
    ])

    static let syntheticPrediction: AnnotationSet = try! document([
        ("id", .string("d")),
        ("entities", .array([
            ent(0, 5, "PERSON", "Aliev"), ent(10, 16, "PLACE", "Baku,"), ent(20, 23, "PERSON", "CIS"), ent(50, 55, "GPE", "x"),
        ])),
        ("quotes", .array([
            quote(100, 200, "turn", nil, "ALIEV"),  // alias via mention text, kind differs
            quote(300, 351, "block", "Aliyev"),  // Jaccard 0.51, wrong name
            quote(500, 600, "indirect", "cis"),  // alias via text -> canonical
            quote(700, 749, "direct", nil),  // Jaccard 0.49: no match
            quote(100, 200, "direct", "Ilham Aliyev"),  // duplicate: one-to-one -> FP
        ])),
    ])

    static func syntheticReport() throws -> EvaluationReport {
        try Scorer().score(gold: syntheticGold, predicted: syntheticPrediction)
    }

    @Test func exactEntityMatchNeedsSameStartEndAndType() throws {
        let r = try Self.syntheticReport()
        #expect(r.entities.tp == 1 && r.entities.pred == 4 && r.entities.gold == 4)
    }

    @Test func partialMatchCountsOverlappingSpanOfSameType() throws {
        let r = try Self.syntheticReport()
        #expect(r.perTypePartial["PLACE"]!.tp == 1)
        #expect(r.perType["PLACE"]!.tp == 0)
    }

    @Test func partialMatchRequiresTypesToAgree() throws {
        #expect(try Self.syntheticReport().entitiesPartial.tp == 2)
    }

    @Test func mainBucketMatchesAcrossDirectBlockTurnOneToOne() throws {
        let r = try Self.syntheticReport()
        #expect(r.quoteDetection.tp == 2 && r.quoteDetection.pred == 4 && r.quoteDetection.gold == 3)
    }

    @Test func attributionAcceptsAliasByMentionTextButNotUnknownName() throws {
        let r = try Self.syntheticReport()
        #expect(r.attributionMain.right == 1 && r.attributionMain.matched == 2)
    }

    @Test func indirectQuoteSpeakerMapsThroughAlias() throws {
        #expect(try Self.syntheticReport().quoteAndSpeakerIndirect.tp == 1)
    }

    @Test func allKindsSumsHitsAndCountsOverBothBuckets() throws {
        let r = try Self.syntheticReport()
        let a = r.quoteAndSpeakerAllKinds
        #expect(a.tp == 2 && a.pred == 5 && a.gold == 4)
    }

    @Test func jaccardOfExactlyHalfMatches() {
        #expect(Scorer.jaccard((0, 100), (0, 50)) == 0.5)
        let m = Scorer.matchQuotes([(0, 100)], [(0, 50)])
        #expect(m.count == 1 && m[0] == (0, 0))
    }

    @Test func missingDocumentScoresAsAllMisses() throws {
        let r = try Scorer().score(gold: Self.syntheticGold, predicted: AnnotationSet())
        #expect(r.entities.tp == 0 && r.entities.gold == 4)
        #expect(r.quoteAndSpeaker.r == 0.0 && r.quoteDetection.gold == 3)
        #expect(r.perDoc.map(\.missingPrediction) == [true])
    }

    @Test func errorRecordScoresAsAllMisses() throws {
        let entities = Self.syntheticGold[DocumentID("d")]!["entities"]!
        let pred = try Self.document([("id", .string("d")), ("error", .string("boom")), ("entities", entities)])
        #expect(try Scorer().score(gold: Self.syntheticGold, predicted: pred).entities.tp == 0)
    }

    @Test func nullGoldNameAgreesWithUnresolvedPronoun() throws {
        let gold = try Self.document([("id", .string("d")), ("entities", .array([])),
                                      ("quotes", .array([Self.quote(0, 10, "direct", nil)]))])
        let pred = try Self.document([("id", .string("d")), ("quotes", .array([Self.quote(0, 10, "direct", nil, "he")]))])
        #expect(try Scorer().score(gold: gold, predicted: pred).quoteAndSpeaker.f1 == 1.0)
    }

    // MARK: - gold against itself

    /// score.py's `_all_one`: every P/R/F1 is 1.0 and every accuracy is 1.0 or n/a.
    static func allOne(_ r: EvaluationReport) -> [String] {
        var bad: [String] = []
        var figures: [(String, PRF)] = [
            ("entities", r.entities), ("entities_partial", r.entitiesPartial), ("quote_detection", r.quoteDetection),
            ("indirect", r.indirect), ("quote_and_speaker", r.quoteAndSpeaker),
            ("quote_and_speaker_indirect", r.quoteAndSpeakerIndirect),
            ("quote_and_speaker_all_kinds", r.quoteAndSpeakerAllKinds),
        ]
        for t in Scorer.entityTypes {
            figures.append(("per_type.\(t)", r.perType[t]!))
            figures.append(("per_type_partial.\(t)", r.perTypePartial[t]!))
        }
        for (name, f) in figures where !(f.p == 1.0 && f.r == 1.0 && f.f1 == 1.0) { bad.append("\(name)=\(f)") }
        for a in [r.attributionMain.accuracy, r.attributionIndirect.accuracy] where a != nil && a != 1.0 {
            bad.append("accuracy=\(a!)")
        }
        return bad
    }

    @Test func goldAgainstItselfScoresOneEverywhereForEverySampleGold() throws {
        let files = Self.sampleGoldFiles()
        #expect(!files.isEmpty, "no Samples/*.jsonl under \(Self.packageRoot)")
        var merged = AnnotationSet()
        for path in files {
            let gold = try AnnotationSet.load(path: path)
            #expect(gold.count > 0, "\(path) holds no documents")
            let bad = Self.allOne(try Scorer().score(gold: gold, predicted: gold))
            #expect(bad.isEmpty, "\(path): \(bad)")
            for id in gold.ids { try merged.insert(gold[id]!) }
        }
        let bad = Self.allOne(try Scorer().score(gold: merged, predicted: merged))
        #expect(bad.isEmpty, "all \(merged.count) sample docs together: \(bad)")
    }

    // MARK: - fixtures checked against score.py's own output

    struct FixtureCase: CustomTestStringConvertible, Sendable {
        var name: String
        var gold: String
        var pred: String
        var docs: Set<String>? = nil
        var testDescription: String { name }
    }

    /// Each case: `score.py GOLD PRED [--docs=…]` printed expected/NAME.txt, and with `--json` expected/NAME.json.
    static let fixtureCases: [FixtureCase] = [
        FixtureCase(name: "self", gold: "gold.jsonl", pred: "gold.jsonl"),
        FixtureCase(name: "perturbed", gold: "gold.jsonl", pred: "pred-perturbed.jsonl"),
        FixtureCase(name: "missing-errors", gold: "gold.jsonl", pred: "pred-missing-errors.jsonl"),
        FixtureCase(name: "malformed", gold: "gold.jsonl", pred: "pred-malformed.jsonl"),
        FixtureCase(name: "empty", gold: "gold.jsonl", pred: "pred-empty.jsonl"),
        FixtureCase(name: "rounding", gold: "gold-rounding.jsonl", pred: "pred-rounding.jsonl"),
        FixtureCase(name: "ties", gold: "gold-ties.jsonl", pred: "pred-ties.jsonl"),
        FixtureCase(name: "numeric-ids", gold: "gold-numeric-ids.jsonl", pred: "pred-numeric-ids.jsonl"),
        FixtureCase(name: "docs-filter", gold: "gold.jsonl", pred: "pred-perturbed.jsonl", docs: ["alpha", "7", "gamma"]),
        FixtureCase(name: "numeric-ids-docs-filter", gold: "gold-numeric-ids.jsonl", pred: "pred-numeric-ids.jsonl",
                    docs: ["1", "2", "10"]),
    ]

    static func report(_ c: FixtureCase) throws -> EvaluationReport {
        var gold = try AnnotationSet.load(path: fixtures + "/" + c.gold)
        let pred = try AnnotationSet.load(path: fixtures + "/" + c.pred)
        if let docs = c.docs { gold = gold.filtered(keepingIDs: docs) }
        return try Scorer().score(gold: gold, predicted: pred)
    }

    @Test(arguments: fixtureCases)
    func tableIsByteIdenticalToReferenceScorer(_ c: FixtureCase) throws {
        let expected = try Self.readText(Self.fixtures + "/expected/\(c.name).txt")
        let table = try Self.report(c).table + "\n"
        #expect(table == expected)
        #expect(Array(table.utf8) == Array(expected.utf8))
    }

    @Test(arguments: fixtureCases)
    func jsonIsByteIdenticalToReferenceScorer(_ c: FixtureCase) throws {
        let expected = try Self.readText(Self.fixtures + "/expected/\(c.name).json")
        let json = try Self.report(c).json + "\n"
        #expect(Array(json.utf8) == Array(expected.utf8))
    }

    @Test func laterLineWithSameIdReplacesEarlierAndNumericIdsCompareByValue() throws {
        let set = try Self.set("{\"id\": 1, \"a\": 1}\n{\"id\": 1.0, \"a\": 2}\n{\"id\": true, \"a\": 3}\n")
        #expect(set.count == 1)
        #expect(set.ids[0].description == "1")  // the first key object stays, as in a Python dict
        #expect(set[DocumentID(.int(1))!]?["a"] == .int(3))
        #expect(set[DocumentID("1")] == nil)
    }

    @Test func loaderSkipsBlankAndNonObjectLinesAndSplitsUniversalNewlines() throws {
        let set = try Self.set("\n  \t\n\u{A0}\n[1]\n\"x\"\n{\"no_id\": 1}\r\n{\"id\": \"a\"}\r{\"id\": \"b\"}")
        #expect(set.ids.map(\.description) == ["a", "b"])
    }

    @Test func invalidJSONLineIsAnErrorNamingTheLine() throws {
        #expect(throws: EvaluationError.self) { try Self.set("{\"id\": \"a\"}\n{\"id\": \"b\",}\n") }
        do {
            _ = try Self.set("{\"id\": \"a\"}\n{\"id\": \"b\",}\n")
        } catch {
            #expect((error as? EvaluationError)?.message.hasPrefix("<text>:2:") == true)
        }
    }

    @Test func goldIdsOfStringAndNumberKindsFailAsInPython() throws {
        let gold = try Self.set("{\"id\": \"a\"}\n{\"id\": 7}\n")
        #expect(throws: EvaluationError.self) { try Scorer().score(gold: gold, predicted: AnnotationSet()) }
        let single = try Self.set("{\"id\": null}\n")
        #expect(try Scorer().score(gold: single, predicted: AnnotationSet()).perDoc[0].id.description == "None")
    }

    @Test func unhashableEntityTypeOrIdFailsAsInPython() throws {
        let gold = try Self.set("{\"id\": \"a\", \"entities\": [{\"start\": 0, \"end\": 1, \"type\": [\"PERSON\"]}]}")
        #expect(throws: EvaluationError.self) { try Scorer().score(gold: gold, predicted: gold) }
        #expect(throws: EvaluationError.self) { try Self.set("{\"id\": [1]}") }
    }

    @Test func documentsAreScoredInPythonSortedIdOrder() throws {
        let gold = try Self.set("{\"id\": 10}\n{\"id\": 2}\n{\"id\": 1.5}\n{\"id\": -3}\n")
        let r = try Scorer().score(gold: gold, predicted: AnnotationSet())
        #expect(r.perDoc.map(\.id.description) == ["-3", "1.5", "2", "10"])
        let strings = try Self.set("{\"id\": \"b\"}\n{\"id\": \"B\"}\n{\"id\": \"\u{E9}\"}\n{\"id\": \"e\u{301}\"}\n")
        let s = try Scorer().score(gold: strings, predicted: AnnotationSet())
        // Code point order; precomposed and decomposed é are different ids, as in Python.
        #expect(s.perDoc.map { Array($0.id.description.unicodeScalars) }
            == [["B"], ["b"], ["e", "\u{301}"], ["\u{E9}"]])
    }

    // MARK: - Python number formatting

    @Test func roundingAndFixedFormattingMatchPythonForEveryFractionUpTo64() throws {
        let text = try Self.readText(Self.fixtures + "/python-rounding.txt")
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: " ").map(String.init)
            let tp = Int(f[0])!, n = Int(f[1])!
            let p = Double(tp) / Double(n), r = Double(tp) / Double(n + 1)
            let f1 = p + r != 0 ? 2 * p * r / (p + r) : 0.0
            let rounded = PythonNumber.round(p, 4)
            #expect(PythonText.floatRepr(rounded) == f[2], "round(\(tp)/\(n), 4)")
            #expect(PythonNumber.fixed(rounded, 3) == f[3], "format(round(\(tp)/\(n), 4), '.3f')")
            #expect(PythonText.floatRepr(PythonNumber.round(f1, 4)) == f[4], "f1 for \(tp)/\(n)")
            checked += 1
        }
        #expect(checked == 2144)
    }

    @Test func roundingIsHalfEvenOnTheExactBinaryValue() {
        #expect(PythonNumber.round(0.03125, 4) == 0.0312)  // exact tie: to even
        #expect(PythonNumber.round(0.15625, 4) == 0.1562)
        #expect(PythonNumber.round(0.00015, 4) == 0.0001)  // the double is just below the tie
        #expect(PythonNumber.round(2.675, 2) == 2.67)
        #expect(PythonNumber.fixed(0.0625, 3) == "0.062")
        #expect(PythonNumber.fixed(0.5625, 3) == "0.562")
        #expect(PythonNumber.fixed(1.0, 3) == "1.000")
        #expect(PythonNumber.fixed(0.0, 3) == "0.000")
    }

    @Test func floatReprMatchesPython() {
        #expect(PythonText.floatRepr(1.0) == "1.0")
        #expect(PythonText.floatRepr(0.0) == "0.0")
        #expect(PythonText.floatRepr(-0.0) == "-0.0")
        #expect(PythonText.floatRepr(0.1) == "0.1")
        #expect(PythonText.floatRepr(1.0 / 3) == "0.3333333333333333")
        #expect(PythonText.floatRepr(0.0001) == "0.0001")
        #expect(PythonText.floatRepr(0.00001) == "1e-05")
        #expect(PythonText.floatRepr(1e16) == "1e+16")
        #expect(PythonText.floatRepr(1234567890123456.0) == "1234567890123456.0")
        #expect(PythonText.floatRepr(1.5e300) == "1.5e+300")
        #expect(PythonText.floatRepr(5e-324) == "5e-324")
        #expect(PythonText.floatRepr(123.456) == "123.456")
    }

    // MARK: - names

    @Test func normComposesCollapsesWhitespaceAndCaseFoldsLikePython() {
        let n = PythonText.norm
        #expect(n("  Thomas \u{A0}\u{3000} Mu\u{308}ller\n") == n("thomas müller"))
        #expect(n("Thomas Müller").description == "thomas müller")
        #expect(n("Karl Groß") == n("KARL GROSS"))
        #expect(n("ΟΔΥΣΣΕΎΣ") == n("οδυσσεύς"))  // final sigma folds to σ
        #expect(n("ﬁsh") == n("FISH"))
        #expect(n("İstanbul").description == "i\u{307}stanbul")  // İ folds to i + combining dot
        #expect(n("İstanbul") != n("istanbul"))
        #expect(n("\u{212B}ngström") == n("ångström"))  // Å sign is canonically Å
        #expect(n("") == n(" \t "))
    }

    @Test func pythonStrOfNonStringJSONValues() {
        #expect(PythonText.str(.int(5)) == "5")
        #expect(PythonText.str(.double(1.0)) == "1.0")
        #expect(PythonText.str(.bool(true)) == "True")
        #expect(PythonText.str(.null) == "None")
        #expect(PythonText.str(.array([.string("a'b"), .string("c"), .null])) == "[\"a'b\", 'c', None]")
        #expect(PythonText.str(.object(JSONObject([("k", .string("\u{7}\u{E9}\u{200B}"))]))) == "{'k': '\\x07é\\u200b'}")
    }

    // MARK: - JSON reader

    @Test func jsonNumbersFollowPythonIntAndFloat() throws {
        #expect(try JSONValue.parse("5") == .int(5))
        #expect(try JSONValue.parse("-0") == .int(0))
        #expect(try JSONValue.parse("5.0") == .double(5.0))
        #expect(try JSONValue.parse("1e2") == .double(100))
        #expect(try JSONValue.parse("-Infinity") == .double(-.infinity))
        if case .double(let d) = try JSONValue.parse("NaN") { #expect(d.isNaN) } else { Issue.record("NaN") }
        for bad in ["01", "1.", ".5", "+1", "1e", "--1", "Inf", "nan", "tru"] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
    }

    @Test func jsonStringsDecodeEscapesAndSurrogatePairs() throws {
        #expect(try JSONValue.parse(#""a\"\\\/\b\f\n\r\t""#) == .string("a\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try JSONValue.parse(#""\u00e9\u00C9""#) == .string("éÉ"))
        #expect(try JSONValue.parse(#""\ud83d\ude00x""#) == .string("😀x"))
        #expect(try JSONValue.parse(#""\ud83dx""#) == .string("\u{FFFD}x"))  // lone surrogate
        #expect(try JSONValue.parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
        #expect(try JSONValue.parse("\"é😀\"") == .string("é😀"))
        for bad in ["\"a\tb\"", #""\x""#, #""\u12""#, "\"abc", #""\ud83d\uzzzz""#] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
    }

    @Test func jsonObjectsKeepOrderAndLastDuplicateWinsAtFirstPosition() throws {
        let v = try JSONValue.parse(#"{"b": 1, "a": 2, "b": 3}"#)
        #expect(v.objectValue?.keys == ["b", "a"])
        #expect(v["b"] == .int(3))
        var many = "{"
        for i in 0..<40 { many += "\"k\(i)\": \(i), " }
        many += "\"k3\": \"last\"}"
        let m = try JSONValue.parse(many)
        #expect(m.objectValue?.count == 40 && m["k3"] == .string("last") && m["k39"] == .int(39))
    }

    @Test func jsonRejectsMalformedStructure() throws {
        for bad in ["", " ", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1: 2}", "[1 2]", "{} x", "[", "{\"a\":", "\u{FEFF}{}"] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
        #expect(try JSONValue.parse(" \t\r\n[ ] ") == .array([]))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        let objects = String(repeating: "{\"a\":", count: 200_000) + "1" + String(repeating: "}", count: 200_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(objects) }
        let ok = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect(try JSONValue.parse(ok) != .null)
    }
}
