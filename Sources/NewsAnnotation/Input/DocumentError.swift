/// Why one document could not be annotated. It becomes an error record on the document's own output line; the run
/// goes on. Codes are stable: scripts match on them (README, "Error codes").
public struct DocumentError: Error, Equatable, Sendable {
    public enum Code: String, Sendable, CaseIterable {
        /// The bytes are not valid UTF-8 (a `.txt` file, or a JSONL line).
        case invalidUTF8 = "invalid_utf8"
        /// A JSONL line is not valid JSON.
        case invalidJSON = "invalid_json"
        /// A JSONL line is valid JSON but not an object.
        case notAnObject = "not_an_object"
        /// A JSONL record has no `text` field.
        case missingText = "missing_text"
        /// A JSONL record's `text` is not a string.
        case textNotString = "text_not_string"
        /// A JSONL record's `text` holds an escape that is not a Unicode scalar (a lone surrogate such as `\ud800`).
        case invalidText = "invalid_text"
        /// A JSONL line is empty or only white space.
        case emptyLine = "empty_line"
        /// The last JSONL line has no newline and does not parse: the input was cut off.
        case truncatedLine = "truncated_line"
        /// A JSONL line is longer than `--max-line-bytes`.
        case lineTooLong = "line_too_long"
        /// A text is longer than `--max-document-bytes`.
        case documentTooLarge = "document_too_large"
        /// A file could not be read.
        case unreadableFile = "unreadable_file"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// A document that failed before annotation: its id (as JSON, `null` when unknown) and the error.
public struct DocumentFailure: Sendable {
    public var idJSON: [UInt8]
    public var error: DocumentError

    public init(idJSON: [UInt8], error: DocumentError) {
        self.idJSON = idJSON
        self.error = error
    }
}

/// What a reader yields for each input document, in input order.
public enum InputItem: Sendable {
    case document(Document)
    case failure(DocumentFailure)
}
