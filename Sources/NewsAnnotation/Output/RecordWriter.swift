/// Turns an annotated `Document` (or a failure) into one JSON line, in the gold files' schema with a fixed key order:
/// `id`, copied input fields, `entities`, `quotes`. Offsets become original code-point offsets here, once, through
/// the document's `OffsetMap`; each span's `text` is cut from the original bytes, so `text[start:end]` in Python
/// is exactly the span's `text`.
public struct RecordWriter: Sendable {
    public init() {}

    public func write(_ doc: Document, into out: inout JSONBuffer) {
        out.raw("{\"id\":")
        out.raw(doc.idJSON)
        for member in doc.passthroughJSON {
            out.raw(UInt8(ascii: ","))
            out.raw(member)
        }
        out.raw(",\"entities\":[")
        for (i, entity) in doc.entities.enumerated() {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            out.raw(UInt8(ascii: "{"))
            span(entity.range, doc, &out)
            switch entity.type {
            case .person: out.raw(",\"type\":\"PERSON\",\"name\":")
            case .place: out.raw(",\"type\":\"PLACE\",\"name\":")
            case .org: out.raw(",\"type\":\"ORG\",\"name\":")
            }
            out.string(entity.name)
            out.raw(UInt8(ascii: "}"))
        }
        out.raw("],\"quotes\":[")
        for (i, quote) in doc.quotes.enumerated() {
            if i > 0 { out.raw(UInt8(ascii: ",")) }
            out.raw(UInt8(ascii: "{"))
            span(quote.range, doc, &out)
            switch quote.kind {
            case .direct: out.raw(",\"kind\":\"direct\",\"speaker\":{")
            case .block: out.raw(",\"kind\":\"block\",\"speaker\":{")
            case .turn: out.raw(",\"kind\":\"turn\",\"speaker\":{")
            case .indirect: out.raw(",\"kind\":\"indirect\",\"speaker\":{")
            }
            if let range = quote.speaker.range {
                span(range, doc, &out)
                out.raw(UInt8(ascii: ","))
            }
            out.raw("\"name\":")
            if let name = quote.speaker.name { out.string(name) } else { out.raw("null") }
            out.raw("},\"cue\":")
            if let cue = quote.cue {
                out.raw(UInt8(ascii: "{"))
                span(cue, doc, &out)
                out.raw(UInt8(ascii: "}"))
            } else {
                out.raw("null")
            }
            out.raw(UInt8(ascii: "}"))
        }
        out.raw("]}\n")
    }

    public func write(_ failure: DocumentFailure, into out: inout JSONBuffer) {
        out.raw("{\"id\":")
        out.raw(failure.idJSON)
        out.raw(",\"error\":{\"code\":\"")
        out.raw(Array(failure.error.code.rawValue.utf8))
        out.raw("\",\"message\":")
        out.string(failure.error.message)
        out.raw("}}\n")
    }

    /// `"start":…,"end":…,"text":…` of a normalized range, in original coordinates.
    private func span(_ range: TextRange, _ doc: Document, _ out: inout JSONBuffer) {
        let start = doc.offsets.start(Int(range.start))
        let end = doc.offsets.end(Int(range.end))
        out.raw("\"start\":")
        out.int(start.scalar)
        out.raw(",\"end\":")
        out.int(end.scalar)
        out.raw(",\"text\":")
        doc.original.withUnsafeBufferPointer { original in
            out.string(UnsafeBufferPointer(rebasing: original[start.byte..<max(start.byte, end.byte)]))
        }
    }
}
