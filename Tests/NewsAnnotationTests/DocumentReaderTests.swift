import Foundation
import Testing
@testable import NewsAnnotation

#if canImport(Glibc)
import Glibc
#endif

@Suite("DocumentReader")
struct DocumentReaderTests {
    struct Item: Equatable, CustomStringConvertible {
        var id: String
        var code: DocumentError.Code?
        var text: [UInt8]?
        var message: String = ""

        var description: String { "\(id): \(code?.rawValue ?? "document") \(message)" }

        static func == (a: Item, b: Item) -> Bool { a.id == b.id && a.code == b.code }
    }

    func read(_ paths: [String], limits: ReaderLimits = ReaderLimits()) throws -> [Item] {
        var reader = try DocumentReader(paths: paths, limits: limits)
        var items: [Item] = []
        while let item = reader.next() {
            switch item {
            case let .document(doc):
                items.append(Item(id: String(decoding: doc.idJSON, as: UTF8.self), code: nil, text: doc.original))
            case let .failure(failure):
                items.append(Item(id: String(decoding: failure.idJSON, as: UTF8.self), code: failure.error.code,
                                  message: failure.error.message))
            }
            if items.count > 10_000 { break }
        }
        return items
    }

    func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        return try body(folder)
    }

    // MARK: Every error code from a real input

    @Test func invalidUTF8InATextFileAndInAJSONLLine() throws {
        try withFolder { folder in
            try IOKit.write(Array("ok ".utf8) + [0xC3, 0x28], to: folder + "/bad.txt")
            try IOKit.write(Array("{\"id\":\"j\",\"text\":\"".utf8) + [0xFF] + Array("\"}\n".utf8), to: folder + "/in.jsonl")
            let items = try read([folder + "/bad.txt", folder + "/in.jsonl"])
            #expect(items == [Item(id: "\"bad\"", code: .invalidUTF8), Item(id: "\"j\"", code: .invalidUTF8)])
            #expect(items[0].message.contains("byte 3"))
        }
    }

    @Test func anIDThatIsItselfInvalidUTF8IsReplacedByNull() throws {
        try withFolder { folder in
            try IOKit.write(Array("{\"id\":\"".utf8) + [0xFF] + Array("\",\"text\":\"x\"}\n".utf8), to: folder + "/in.jsonl")
            #expect(try read([folder + "/in.jsonl"]) == [Item(id: "null", code: .invalidUTF8)])
        }
    }

    @Test func eachJSONLProblemHasItsOwnCode() throws {
        try withFolder { folder in
            let lines = [
                #"{"id":"a","text":"#,                 // invalid_json (not the last line)
                #"["not","an","object"]"#,             // not_an_object
                #"{"id":"c"}"#,                        // missing_text
                #"{"id":"d","text":42}"#,              // text_not_string
                #"{"id":"e","text":"\ud800"}"#,        // invalid_text
                "",                                    // empty_line
                "   \t",                               // empty_line
                #"{"id":"g","text":"fine"}"#,
                #"{"id":"h","text":"cut"#,             // truncated_line: the last line, no newline
            ]
            try IOKit.write(Array(lines.joined(separator: "\n").utf8), to: folder + "/in.jsonl")
            let items = try read([folder + "/in.jsonl"])
            #expect(items == [
                Item(id: "\"a\"", code: .invalidJSON), Item(id: "null", code: .notAnObject),
                Item(id: "\"c\"", code: .missingText), Item(id: "\"d\"", code: .textNotString),
                Item(id: "\"e\"", code: .invalidText), Item(id: "null", code: .emptyLine), Item(id: "null", code: .emptyLine),
                Item(id: "\"g\"", code: nil), Item(id: "\"h\"", code: .truncatedLine),
            ])
            #expect(items[5].message == "line 6 is empty")
        }
    }

    @Test func aLineOverMaxLineBytesIsLineTooLongAndTheNextLineIsRead() throws {
        try withFolder { folder in
            let long = #"{"id":"long","text":""# + String(repeating: "x", count: 5000) + #""}"#
            let lines = [#"{"id":"a","text":"A"}"#, long, #"{"id":"b","text":"B"}"#, long]
            try IOKit.write(Array(lines.joined(separator: "\n").utf8), to: folder + "/in.jsonl")
            let items = try read([folder + "/in.jsonl"], limits: ReaderLimits(maxLineBytes: 1000))
            #expect(items == [Item(id: "\"a\"", code: nil), Item(id: "null", code: .lineTooLong),
                              Item(id: "\"b\"", code: nil), Item(id: "null", code: .lineTooLong)])
            #expect(items[1].message.contains("line 2"))
            #expect(items[3].message.contains("line 4"))
        }
    }

    @Test func aDocumentOverMaxDocumentBytesIsDocumentTooLargeInBothFormats() throws {
        try withFolder { folder in
            try IOKit.write(Array(repeating: UInt8(ascii: "a"), count: 101), to: folder + "/big.txt")
            try IOKit.write(Array(repeating: UInt8(ascii: "a"), count: 100), to: folder + "/fits.txt")
            let big = #"{"id":"big","text":""# + String(repeating: "a", count: 101) + "\"}\n"
            let fits = #"{"id":"fits","text":""# + String(repeating: "\\u00e9", count: 50) + "\"}\n"  // 100 bytes decoded
            try IOKit.write(Array((big + fits).utf8), to: folder + "/in.jsonl")
            let items = try read([folder, folder + "/in.jsonl"], limits: ReaderLimits(maxDocumentBytes: 100))
            #expect(items == [Item(id: "\"big\"", code: .documentTooLarge), Item(id: "\"fits\"", code: nil),
                              Item(id: "\"big\"", code: .documentTooLarge), Item(id: "\"fits\"", code: nil)])
        }
    }

    @Test func aDanglingSymlinkInAFolderIsUnreadableFile() throws {
        try withFolder { folder in
            try IOKit.write(Array("Paris".utf8), to: folder + "/a.txt")
            #expect(symlink(folder + "/nowhere", folder + "/b.txt") == 0)
            try IOKit.write(Array("London".utf8), to: folder + "/c.txt")
            let items = try read([folder])
            #expect(items == [Item(id: "\"a\"", code: nil), Item(id: "\"b\"", code: .unreadableFile), Item(id: "\"c\"", code: nil)])
        }
    }

    @Test func aFolderNamedLikeATextFileInsideAFolderIsUnreadableFile() throws {
        try withFolder { folder in
            #expect(mkdir(folder + "/x.txt", 0o755) == 0)
            try IOKit.write(Array("Paris".utf8), to: folder + "/y.txt")
            let items = try read([folder])
            #expect(items == [Item(id: "\"x\"", code: .unreadableFile), Item(id: "\"y\"", code: nil)])
            #expect(items[0].message.contains("folder"))
        }
    }

    @Test func everyDocumentErrorCodeIsProducedByARealInput() throws {
        try withFolder { folder in
            let sub = folder + "/docs"
            #expect(mkdir(sub, 0o755) == 0)
            try IOKit.write([0xFF], to: sub + "/a-bad.txt")
            try IOKit.write(Array(repeating: 0x61, count: 300), to: sub + "/b-big.txt")
            #expect(symlink(folder + "/missing", sub + "/c-gone.txt") == 0)
            let jsonl = [
                #"{"id":1,"text":"a"#, "[]", #"{"id":3}"#, #"{"id":4,"text":null}"#, #"{"id":5,"text":"\udc00"}"#, "",
                #"{"id":7,"text":""# + String(repeating: "b", count: 300) + #""}"#,
                #"{"id":8,"text":""# + String(repeating: "c", count: 2000) + #""}"#,
                "{\"id\":9,\"text\":\"\u{FF}\"}",
            ].joined(separator: "\n") + "\n"
            var bytes = Array(jsonl.utf8)
            bytes += Array("{\"id\":10,\"text\":\"".utf8) + [0xFE] + Array("\"}\n{\"id\":11,\"te".utf8)
            try IOKit.write(bytes, to: folder + "/in.jsonl")
            let items = try read([sub, folder + "/in.jsonl"], limits: ReaderLimits(maxDocumentBytes: 200, maxLineBytes: 1000))
            let seen = Set(items.compactMap(\.code))
            let all = Set(DocumentError.Code.allCases)
            #expect(seen == all, "missing: \(all.subtracting(seen).map(\.rawValue))")
            #expect(items.count == 3 + 11)
        }
    }

    // MARK: Planning and ids

    @Test func aFolderIsReadInByteOrderOfNamesSkippingHiddenAndOtherFiles() throws {
        try withFolder { folder in
            for name in ["b.txt", "B.txt", "a.txt", "\u{E9}.txt", "z.TXT", ".hidden.txt", "notes.md", ".txt", "10.txt", "9.txt"] {
                try IOKit.write(Array(name.utf8), to: folder + "/" + name)
            }
            let items = try read([folder + "/"])
            #expect(items.map(\.id) == ["\"10\"", "\"9\"", "\"B\"", "\"a\"", "\"b\"", "\"\u{E9}\""])
            #expect(items.allSatisfy { $0.code == nil })
            #expect(items[0].text == Array("10.txt".utf8))
        }
    }

    @Test func pathsAreReadInCommandLineOrderWithIdsFromFileNames() throws {
        try withFolder { folder in
            try IOKit.write(Array("one".utf8), to: folder + "/one.txt")
            try IOKit.write(Array("two".utf8), to: folder + "/two.text")
            try IOKit.write(Array("{\"id\":\"j\",\"text\":\"three\"}\n".utf8), to: folder + "/three.ndjson")
            try IOKit.write(Array("{\"id\":\"k\",\"text\":\"four\"}".utf8), to: folder + "/four.jsonl")
            let items = try read([folder + "/four.jsonl", folder + "/two.text", folder + "/three.ndjson", folder + "/one.txt"])
            #expect(items.map(\.id) == ["\"k\"", "\"two.text\"", "\"j\"", "\"one\""])
            #expect(items.map { $0.text.map { String(decoding: $0, as: UTF8.self) } } == ["four", "two", "three", "one"])
        }
    }

    @Test func aFileWhoseNameIsNotUTF8IsReadAndItsIdIsRepairedUTF8() throws {
        try withFolder { folder in
            // "café.txt" in Latin-1: the name's bytes are not UTF-8.
            let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
            let path = Array((folder + "/").utf8) + name + [0]
            let fd = path.withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            }
            #expect(fd >= 0)
            let text = Array("Paris".utf8)
            _ = text.withUnsafeBufferPointer { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
            let items = try read([folder])
            #expect(items == [Item(id: "\"caf\u{FFFD}\"", code: nil)], "\(items)")
            #expect(items.first?.text == text)
        }
    }

    @Test func aFileNameWithQuotesOrControlsBecomesAValidJSONId() throws {
        try withFolder { folder in
            try IOKit.write(Array("x".utf8), to: folder + "/say \"hi\"\t\\.txt")
            let items = try read([folder])
            #expect(items.map(\.id) == [#""say \"hi\"\t\\""#])
        }
    }

    @Test func aMissingPathThrowsAnInputErrorThatSaysWhatToGive() throws {
        do {
            _ = try DocumentReader(paths: ["/nonexistent/folder/x.txt"])
            Issue.record("expected an InputError")
        } catch let error as InputError {
            #expect(error.description.contains("/nonexistent/folder/x.txt"))
            #expect(error.description.contains("No such file"))
            #expect(error.description.contains(".jsonl"))
        }
    }

    @Test func aByteOrderMarkAtTheStartOfAJSONLFileIsSkipped() throws {
        try withFolder { folder in
            try IOKit.write([0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n".utf8),
                            to: folder + "/bom.jsonl")
            #expect(try read([folder + "/bom.jsonl"]) == [Item(id: "\"a\"", code: nil), Item(id: "\"b\"", code: nil)])
        }
    }

    @Test func aTruncatedLastLineCutInsideAUTF8SequenceIsTruncatedLine() throws {
        try withFolder { folder in
            let line = Array("{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"Z\u{FC}".utf8)
            try IOKit.write(Array(line.dropLast()), to: folder + "/cut.jsonl")  // drops the last byte of ü
            #expect(try read([folder + "/cut.jsonl"]) == [Item(id: "\"a\"", code: nil), Item(id: "\"b\"", code: .truncatedLine)])
            // The same bad byte in a terminated line is invalid UTF-8.
            try IOKit.write(Array(line.dropLast()) + [0x0A], to: folder + "/bad.jsonl")
            #expect(try read([folder + "/bad.jsonl"]) == [Item(id: "\"a\"", code: nil), Item(id: "\"b\"", code: .invalidUTF8)])
        }
    }

    @Test func jsonlTextKeepsCRLFInsideStringsAndDropsTheCRAfterTheRecord() throws {
        try withFolder { folder in
            try IOKit.write(Array("{\"id\":\"a\",\"text\":\"x\\r\\ny\"}\r\n{\"id\":\"b\",\"text\":\"z\"}\r\n".utf8), to: folder + "/crlf.jsonl")
            let items = try read([folder + "/crlf.jsonl"])
            #expect(items == [Item(id: "\"a\"", code: nil), Item(id: "\"b\"", code: nil)])
            #expect(items[0].text == Array("x\r\ny".utf8))
        }
    }

    // MARK: LineReader

    func lines(_ content: [UInt8], maxLineBytes: Int, chunkSize: Int) throws -> [String] {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        try IOKit.write(content, to: folder + "/f")
        let fd = open(folder + "/f", O_RDONLY)
        defer { close(fd) }
        var reader = LineReader(fd: fd, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
        var out: [String] = []
        while let line = reader.next() {
            switch line {
            case let .line(bytes, terminated): out.append(String(decoding: bytes, as: UTF8.self) + (terminated ? "⏎" : ""))
            case let .tooLong(length): out.append("<\(length)>")
            }
        }
        return out
    }

    @Test func lineReaderSplitsLinesAcrossChunkBoundaries() throws {
        var content = ""
        var expected: [String] = []
        for i in 0..<500 {
            let line = String(repeating: Character(UnicodeScalar(UInt8(65 + i % 26))), count: i % 37)
            content += line + "\n"
            expected.append(line + "⏎")
        }
        content += "tail"
        expected.append("tail")
        for chunk in [1, 7, 4096, 1 << 20] {
            #expect(try lines(Array(content.utf8), maxLineBytes: 100, chunkSize: chunk) == expected, "chunk \(chunk)")
        }
    }

    @Test func lineReaderReportsOverLongLinesWithTheirLengthAndKeepsGoing() throws {
        let long = String(repeating: "x", count: 20_000)
        let content = "a\n" + long + "\nb\n" + String(repeating: "y", count: 10) + "\n" + long
        for chunk in [4096, 1 << 20] {
            #expect(try lines(Array(content.utf8), maxLineBytes: 10, chunkSize: chunk) ==
                    ["a⏎", "<20000>", "b⏎", "yyyyyyyyyy⏎", "<20000>"], "chunk \(chunk)")
        }
    }

    @Test func lineReaderGivesEmptyLinesAndNothingForAnEmptyFile() throws {
        #expect(try lines([], maxLineBytes: 10, chunkSize: 4096) == [])
        #expect(try lines(Array("\n\n".utf8), maxLineBytes: 10, chunkSize: 4096) == ["⏎", "⏎"])
        #expect(try lines(Array("\n".utf8), maxLineBytes: 0, chunkSize: 4096) == ["⏎"])
    }
}
