import CGazetteerData

/// The rules of `Gazetteers/folding-rules.txt`, embedded in the binary and parsed once, on first use: how letters
/// without a decomposition fold (`letter`), their second readings (`alt`), which ICU transform romanises a word in
/// another script (`script`), and the rewrites that make the variant key (`variant`). The file explains each kind.
public struct FoldingRules: Sendable {
    public enum Kind: String, Sendable {
        case letter, alt, script, variant
    }

    /// Where a variant rewrite applies.
    public enum Place: String, Sendable {
        /// Every occurrence, left to right.
        case anywhere
        /// A letter after a vowel and not before one: the j of "Sergej", not the j of "Dijon".
        case glide
        /// A run of the letter becomes one letter.
        case runs
    }

    /// One row of the file, kept for the tests that check each row's example.
    public struct Row: Sendable, CustomStringConvertible {
        public var kind: Kind
        public var from: String
        public var to: String
        public var place: String
        public var example: String
        public var result: String
        public var line: Int

        public var description: String { "\(kind.rawValue) \(from) → \(to): \(example) → \(result)" }
    }

    public struct Script: Sendable {
        /// The letters that select this transform; nil for "*" (any word).
        public var letters: Set<UInt32>?
        /// ICU rules, "::Any-Latin; ::Latin-ASCII;" included.
        public var rules: String
    }

    /// A second reading of some letters, with the letters a word must hold for it to apply (nil: any word).
    public struct Alternative: Sendable {
        public var letters: Set<UInt32>
        public var to: String
        public var onlyWith: Set<UInt32>?
    }

    public struct Variant: Sendable {
        public var from: [UInt8]
        public var to: [UInt8]
        public var place: Place
    }

    public let rows: [Row]
    /// Letter → its key, for letters with no decomposition.
    public let letters: [UInt32: String]
    /// Second readings, in file order.
    public let alternatives: [Alternative]
    public let scripts: [Script]
    public let variants: [Variant]

    /// A row the parser could not read (only a broken build of the rule file gives one).
    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The embedded rule file. A file that does not parse stops the program at the first use: it is part of the
    /// binary, and a test reads it.
    public static let embedded: FoldingRules = {
        let bytes = UnsafeBufferPointer(start: gazetteer_folding_rules_bytes(), count: gazetteer_folding_rules_length())
        do {
            return try FoldingRules(String(decoding: bytes, as: UTF8.self))
        } catch {
            fatalError("Gazetteers/folding-rules.txt: \(error)")
        }
    }()

    public init(_ text: String) throws {
        var rows: [Row] = []
        var letters: [UInt32: String] = [:]
        var alternatives: [Alternative] = []
        var scripts: [Script] = []
        var variants: [Variant] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let kind = Kind(rawValue: fields[0]), !fields[1].isEmpty else {
                throw ParseError(description: "line \(lineNumber): expected kind<TAB>from<TAB>to<TAB>where<TAB>example<TAB>result")
            }
            let row = Row(kind: kind, from: fields[1], to: fields[2], place: fields[3], example: fields[4],
                          result: fields[5], line: lineNumber)
            rows.append(row)
            switch kind {
            case .letter:
                for s in row.from.unicodeScalars { letters[s.value] = row.to }
            case .alt:
                var onlyWith: Set<UInt32>?
                if row.place.hasPrefix("with:") {
                    onlyWith = Set(row.place.dropFirst(5).unicodeScalars.map(\.value))
                } else if row.place != "-" {
                    throw ParseError(description: "line \(lineNumber): an alt applies in any word (-) or with:LETTERS")
                }
                alternatives.append(Alternative(letters: Set(row.from.unicodeScalars.map(\.value)),
                                                to: LatinFolding.asciiLowercased(row.to), onlyWith: onlyWith))
            case .script:
                let set = row.from == "*" ? nil : Set(row.from.unicodeScalars.map(\.value))
                scripts.append(Script(letters: set, rules: row.to + " ::Any-Latin; ::Latin-ASCII;"))
            case .variant:
                guard let place = Place(rawValue: row.place), row.from.utf8.allSatisfy({ $0 < 0x80 }),
                      row.to.utf8.allSatisfy({ $0 < 0x80 }) else {
                    throw ParseError(description: "line \(lineNumber): a variant rewrites ASCII, where anywhere|glide|runs")
                }
                variants.append(Variant(from: Array(row.from.utf8), to: Array(row.to.utf8), place: place))
            }
        }
        self.rows = rows
        self.letters = letters
        self.alternatives = alternatives
        self.scripts = scripts
        self.variants = variants
    }
}
