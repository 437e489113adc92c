import Testing
@testable import NewsAnnotation

@Suite("JSONRecordParser")
struct JSONRecordParserTests {
    func parse(_ line: String, parser: JSONRecordParser = JSONRecordParser()) -> Result<JSONRecordParser.Record, DocumentError> {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { parser.parse($0) }
    }

    func record(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSONRecordParser.Record? {
        switch parse(line) {
        case let .success(record): return record
        case let .failure(error):
            Issue.record("\(line) failed: \(error.code.rawValue) \(error.message)", sourceLocation: sourceLocation)
            return nil
        }
    }

    func code(_ line: String) -> DocumentError.Code? {
        switch parse(line) {
        case .success: return nil
        case let .failure(error): return error.code
        }
    }

    func text(_ r: JSONRecordParser.Record?) -> String? {
        guard let r, case let .success(bytes) = r.text else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    func textError(_ r: JSONRecordParser.Record?) -> DocumentError.Code? {
        guard let r, case let .failure(error) = r.text else { return nil }
        return error.code
    }

    func string(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    @Test func aPlainRecordGivesIdTextAndOtherMembersInOrder() {
        let r = record(#"{"id": "a1", "source" : "AP", "text":"Hello", "n":[1, {"x":null}]}"#)
        #expect(string(r?.idJSON) == #""a1""#)
        #expect(text(r) == "Hello")
        #expect(r?.passthrough.map { String(decoding: $0, as: UTF8.self) } == [#""source":"AP""#, #""n":[1, {"x":null}]"#])
    }

    @Test func theOutputsOwnKeysAreNotCopiedThrough() {
        let r = record(#"{"id":1,"text":"t","entities":[],"quotes":[1],"error":{"code":"x"},"keep":true}"#)
        #expect(r?.passthrough.map { String(decoding: $0, as: UTF8.self) } == [#""keep":true"#])
    }

    @Test func escapesInTextAreDecoded() {
        let r = record(#"{"text":"a\"b\\c\/d\be\ff\ng\rh\ti \u00e9 \u2028 \ud83d\ude00 \u0000"}"#)
        #expect(text(r).map { Array($0.unicodeScalars) } ==
                Array("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti \u{E9} \u{2028} \u{1F600} \u{0}".unicodeScalars))
    }

    @Test func rawUTF8InTextIsKeptAsIs() {
        let r = record("{\"text\":\"Z\u{FC}rich \u{6771}\u{4EAC} e\u{301}\"}")
        #expect(text(r).map { Array($0.unicodeScalars) } == Array("Z\u{FC}rich \u{6771}\u{4EAC} e\u{301}".unicodeScalars))
    }

    @Test(arguments: [#"\ud800"#, #"\udfff"#, #"\ud800x"#, #"\ud800\u0041"#, #"\ud800\ud800"#, #"\udc00\ud800"#])
    func loneSurrogateEscapesMakeTheTextInvalid(escape: String) {
        let r = record(#"{"id":"s","text":"a"# + escape + #"b"}"#)
        #expect(textError(r) == .invalidText)
        #expect(string(r?.idJSON) == #""s""#)
    }

    @Test func aLoneSurrogateOutsideTextDoesNotSpoilTheRecord() {
        let r = record(#"{"id":"s","note":"\ud800","text":"fine"}"#)
        #expect(text(r) == "fine")
        #expect(r?.passthrough.map { String(decoding: $0, as: UTF8.self) } == [#""note":"\ud800""#])
    }

    @Test(arguments: ["null", "1", "-2.5", "true", "false", "[]", "[\"a\"]", "{}", "{\"text\":\"a\"}"])
    func nonStringTextIsTextNotString(value: String) {
        #expect(textError(record(#"{"id":1,"text":"# + value + "}")) == .textNotString)
    }

    @Test func aRecordWithoutTextIsMissingText() {
        #expect(textError(record(#"{"id":1}"#)) == .missingText)
        #expect(textError(record("{}")) == .missingText)
        #expect(textError(record(#"{"Text":"a","TEXT":"b"}"#)) == .missingText)
    }

    @Test(arguments: ["[1]", "\"text\"", "3", "null", "true", "[{\"text\":\"a\"}]", " [ ] "])
    func validJSONThatIsNotAnObjectIsNotAnObject(line: String) {
        #expect(code(line) == .notAnObject)
    }

    @Test(arguments: ["", " ", "\t \r", "\r"])
    func anEmptyOrBlankLineIsEmptyLine(line: String) {
        #expect(code(line) == .emptyLine)
    }

    @Test(arguments: [
        #"{"a":1,}"#, #"{"a":1} x"#, #"{a:1}"#, "{'a':1}", #"{"a":NaN}"#, #"{"a":Infinity}"#, #"{"a":01}"#,
        #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":-}"#, #"{"a":+1}"#, "{\"a\":\"x\ty\"}", #"{"a":"\x"}"#, #"{"a":"\u12"}"#,
        #"{"a":"\u12G4"}"#, #"{"a"}"#, #"{"a":}"#, #"{"a":1"#, #"{"a":"b"#, "{", "}", "[1,]", "[1 2]", #"{"a":1 "b":2}"#,
        #"{"a":tru}"#, #"{"a":nulll}"#, #"{"a":[1}"#, #"{"a":{"b":1]}"#, "{\"a\":1}\u{0}", "\u{FEFF}{}", #"{"a":1}}"#,
        #"{,"a":1}"#, #"{"a":1e}"#, #"{"a":1e+}"#, #"{"a":--1}"#, "\u{A0}{}", "{\"a\":\u{C}1}",
    ])
    func malformedJSONIsInvalidJSON(line: String) {
        #expect(code(line) == .invalidJSON)
    }

    @Test(arguments: [
        #"{"a":-0}"#, #"{"a":0.5e-3}"#, #"{"a":1E+2}"#, #"{"a":-12.25E7}"#, " \t{ \"a\" :\r[ ] , \"b\":{ } }\r ",
        #"{"a":"\/\b\f"}"#, #"{"":1}"#, #"{"a":[[],[[]],{}]}"#,
    ])
    func validJSONEdgeCasesParse(line: String) {
        #expect(code(line) == nil)
    }

    @Test func duplicateKeysKeepTheLastValueAtTheFirstPosition() {
        let r = record(#"{"id":1,"a":"first","b":2,"a":"last","text":"x","text":"y","id":2}"#)
        #expect(string(r?.idJSON) == "2")
        #expect(text(r) == "y")
        #expect(r?.passthrough.map { String(decoding: $0, as: UTF8.self) } == [#""a":"last""#, #""b":2"#])
    }

    @Test func keysAreComparedAfterDecodingEscapes() {
        let r = record(#"{"\u0069d":"x","t\u0065xt":"decoded","\u0061":1,"a":2}"#)
        #expect(string(r?.idJSON) == #""x""#)
        #expect(text(r) == "decoded")
        #expect(r?.passthrough.map { String(decoding: $0, as: UTF8.self) } == [#""a":2"#])
    }

    @Test func aDuplicateTextKeyThatIsFineAfterABadOneIsFine() {
        #expect(text(record(#"{"text":5,"text":"ok"}"#)) == "ok")
        #expect(textError(record(#"{"text":"ok","text":5}"#)) == .textNotString)
        #expect(text(record(#"{"text":"\ud800","text":"ok"}"#)) == "ok")
    }

    @Test func nestingUpToTheLimitParsesAndDeeperIsInvalidJSON() {
        let parser = JSONRecordParser(maxDepth: 3)
        let ok = #"{"a":[[[1]]],"text":"x"}"#
        let deep = #"{"a":[[[[1]]]],"text":"x"}"#
        #expect((Array(ok.utf8).withUnsafeBufferPointer { parser.parse($0) }).isSuccess)
        #expect(code(deep) == nil)  // the default limit (512) is higher
        let failure = Array(deep.utf8).withUnsafeBufferPointer { parser.parse($0) }
        if case let .failure(error) = failure {
            #expect(error.code == .invalidJSON)
        } else {
            Issue.record("four levels should fail with maxDepth 3")
        }
    }

    @Test func aMillionOpenBracketsAreRejectedWithoutRecursion() {
        let line = String(repeating: "[", count: 1_000_000)
        #expect(code(line) == .invalidJSON)
        let inRecord = #"{"id":1,"x":"# + String(repeating: "{\"k\":", count: 200_000) + "1" + String(repeating: "}", count: 200_000) + "}"
        #expect(code(inRecord) == .invalidJSON)
    }

    @Test func salvageIDReadsALeadingStringOrNumberIDOnly() {
        let parser = JSONRecordParser()
        func salvage(_ s: String) -> String? {
            Array(s.utf8).withUnsafeBufferPointer { parser.salvageID($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(salvage(#"{"id":"a-1","text":broken"#) == #""a-1""#)
        #expect(salvage(#" { "id" : 42 , "text": "#) == "42")
        #expect(salvage(#"{"id":-3.5e1,"#) == "-3.5e1")
        #expect(salvage(#"{"text":"x","id":"late"}"#) == nil)
        #expect(salvage(#"{"id":{"a":1}}"#) == nil)
        #expect(salvage(#"{"id":null}"#) == nil)
        #expect(salvage(#"{"id":"unterminated"#) == nil)
        #expect(salvage("[1]") == nil)
        #expect(salvage("") == nil)
    }
}

fileprivate extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
