import Testing
@testable import NewsAnnotation

/// `Gazetteers/folding-rules.txt` as the binary embeds it: it parses, every row's example holds, and its `letter`
/// rows only name letters that mark-stripping leaves alone (so a text and its stripped copy fold alike).
@Suite struct FoldingRuleFileTests {
    static let rules = FoldingRules.embedded

    @Test func theEmbeddedFileParsesAndHasEveryKind() {
        let kinds = Set(Self.rules.rows.map(\.kind))
        #expect(kinds == [.letter, .alt, .script, .variant])
        #expect(Self.rules.rows.allSatisfy { !$0.example.isEmpty && !$0.result.isEmpty })
    }

    @Test("every row's example gives its result", arguments: FoldingRules.embedded.rows)
    func rowExample(_ row: FoldingRules.Row) {
        switch row.kind {
        case .letter, .script:
            let keys = row.example.split(separator: " ").map { KeyFolder.fold(String($0)) }
            #expect(keys.joined(separator: " ") == row.result, "line \(row.line)")
        case .alt:
            #expect(KeyFolder.alternativeFolds(row.example).contains(row.result), "line \(row.line)")
        case .variant:
            // "Spelling/Other spelling": both give the result.
            let spellings = row.example.split(separator: "/").map(String.init)
            #expect(spellings.count == 2, "line \(row.line): two spellings")
            for spelling in spellings {
                #expect(RomanizationVariants.key(KeyFolder.fold(spelling)) == row.result, "line \(row.line): \(spelling)")
            }
        }
    }

    @Test("letter rows only name letters with no canonical decomposition")
    func letterRowsDoNotOverrideDecomposableLetters() {
        for row in Self.rules.rows where row.kind == .letter || row.kind == .alt {
            for scalar in row.from.unicodeScalars {
                #expect(LatinFolding.baseLetter(scalar.value) == nil, "line \(row.line): \(scalar) decomposes")
            }
        }
    }

    @Test func aBrokenRowIsReported() {
        #expect(throws: FoldingRules.ParseError.self) { try FoldingRules("letter\tə\ta\n") }
        #expect(throws: FoldingRules.ParseError.self) { try FoldingRules("variant\tkh\th\tsomewhere\tA/B\tx\n") }
        #expect(throws: FoldingRules.ParseError.self) { try FoldingRules("alt\tc\tj\tsomewhere\tA\tx\n") }
    }
}
