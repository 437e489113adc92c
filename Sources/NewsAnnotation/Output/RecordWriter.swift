/// Turns an annotated `Document` (or a failure) into one JSON line, in the gold files' schema with a fixed key order:
/// `id`, copied input fields, `entities`, `quotes`. Offsets become original code-point offsets here, once, through
/// the document's `OffsetMap`; each span's `text` is cut from the original bytes, so `text[start:end]` in Python
/// is exactly the span's `text`.
///
/// Each entity and each quote is written into one reservation of its worst case (`JSONCursor`), and span boundaries
/// are looked up with an `OffsetCursor` that walks on from the previous boundary.
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
        doc.offsets.anchors.withUnsafeBufferPointer { anchors in
            doc.original.withUnsafeBufferPointer { original in
                var offsets = OffsetCursor(anchors)
                // Fields read in place: copying each `Entity` or `Quote` out retained and released its strings once more.
                doc.entities.withUnsafeBufferPointer { entities in for i in entities.indices {
                    let span = Span(entities[i].range, &offsets, original)
                    let type = entities[i].type
                    var name = entities[i].name
                    name.withUTF8 { name in
                        // ",{" span ",\"type\":\"PERSON\",\"name\":" name "}"
                        out.write(reserving: 28 + span.capacity + JSONCursor.stringCapacity(name.count)) { w in
                            if i > 0 { w.raw(UInt8(ascii: ",")) }
                            w.raw(UInt8(ascii: "{"))
                            span.write(&w)
                            switch type {
                            case .person: w.raw(",\"type\":\"PERSON\",\"name\":")
                            case .place: w.raw(",\"type\":\"PLACE\",\"name\":")
                            case .org: w.raw(",\"type\":\"ORG\",\"name\":")
                            }
                            w.string(name)
                            w.raw(UInt8(ascii: "}"))
                        }
                    }
                } }
                out.raw("],\"quotes\":[")
                doc.quotes.withUnsafeBufferPointer { quotes in for i in quotes.indices {
                    let span = Span(quotes[i].range, &offsets, original)
                    let kind = quotes[i].kind
                    let speaker = quotes[i].speaker.range.map { Span($0, &offsets, original) }
                    let cue = quotes[i].cue.map { Span($0, &offsets, original) }
                    let named = quotes[i].speaker.name != nil
                    var name = quotes[i].speaker.name ?? ""
                    name.withUTF8 { name in
                        let capacity = 64 + span.capacity + (speaker?.capacity ?? 0) + (cue?.capacity ?? 0)
                            + JSONCursor.stringCapacity(name.count)
                        out.write(reserving: capacity) { w in
                            if i > 0 { w.raw(UInt8(ascii: ",")) }
                            w.raw(UInt8(ascii: "{"))
                            span.write(&w)
                            switch kind {
                            case .direct: w.raw(",\"kind\":\"direct\",\"speaker\":{")
                            case .block: w.raw(",\"kind\":\"block\",\"speaker\":{")
                            case .turn: w.raw(",\"kind\":\"turn\",\"speaker\":{")
                            case .indirect: w.raw(",\"kind\":\"indirect\",\"speaker\":{")
                            }
                            if let speaker {
                                speaker.write(&w)
                                w.raw(UInt8(ascii: ","))
                            }
                            w.raw("\"name\":")
                            if named { w.string(name) } else { w.raw("null") }
                            w.raw("},\"cue\":")
                            if let cue {
                                w.raw(UInt8(ascii: "{"))
                                cue.write(&w)
                                w.raw(UInt8(ascii: "}"))
                            } else {
                                w.raw("null")
                            }
                            w.raw(UInt8(ascii: "}"))
                        }
                    }
                } }
            }
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

    /// A normalized range in original coordinates, with its original bytes.
    private struct Span {
        var start: Int
        var end: Int
        var text: UnsafeBufferPointer<UInt8>

        @inline(__always) init(_ range: TextRange, _ offsets: inout OffsetCursor, _ original: UnsafeBufferPointer<UInt8>) {
            let start = offsets.start(Int(range.start))
            let end = offsets.end(Int(range.end))
            self.start = start.scalar
            self.end = end.scalar
            text = UnsafeBufferPointer(rebasing: original[start.byte..<max(start.byte, end.byte)])
        }

        /// The most `write` takes: the keys, two integers and the text.
        var capacity: Int { 8 + 20 + 7 + 20 + 8 + JSONCursor.stringCapacity(text.count) }

        /// `"start":…,"end":…,"text":…`
        @inline(__always) func write(_ w: inout JSONCursor) {
            w.raw("\"start\":")
            w.int(start)
            w.raw(",\"end\":")
            w.int(end)
            w.raw(",\"text\":")
            w.string(text)
        }
    }
}
