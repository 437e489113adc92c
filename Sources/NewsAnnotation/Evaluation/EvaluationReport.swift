/// Precision, recall and F1 (each rounded as Python's `round(x, 4)`) with the counts behind them.
public struct PRF: Sendable, Equatable {
    public var p: Double
    public var r: Double
    public var f1: Double
    public var tp: Int
    public var pred: Int
    public var gold: Int
}

/// Speaker attribution on matched quotes: `accuracy` is right/matched rounded to 4 places, nil with no matches.
public struct AttributionFigures: Sendable, Equatable {
    public var right: Int
    public var matched: Int
    public var accuracy: Double?
}

public struct EntityCounts: Sendable, Equatable {
    public var tp: Int
    public var pred: Int
    public var gold: Int
}

public struct QuoteCounts: Sendable, Equatable {
    public var matched: Int
    public var speakerOK: Int
    public var pred: Int
    public var gold: Int
}

/// One gold document's counts (score.py's `per_doc` entry).
public struct DocumentFigures: Sendable, Equatable {
    public var id: DocumentID
    /// No prediction for this id, or a prediction carrying a non-null "error".
    public var missingPrediction: Bool
    public var entities: EntityCounts
    public var mainQuotes: QuoteCounts
    public var indirectQuotes: QuoteCounts
}

/// Everything score.py's `score()` returns, with its `table()` text and its `--json` text.
public struct EvaluationReport: Sendable, Equatable {
    /// Number of gold documents scored.
    public var docs: Int
    public var entities: PRF
    /// Keyed by "PERSON", "PLACE", "ORG".
    public var perType: [String: PRF]
    public var entitiesPartial: PRF
    public var perTypePartial: [String: PRF]
    /// Main bucket (direct + block + turn) detection.
    public var quoteDetection: PRF
    public var indirect: PRF
    public var attributionMain: AttributionFigures
    public var attributionIndirect: AttributionFigures
    /// The headline: quote-and-speaker over the main bucket.
    public var quoteAndSpeaker: PRF
    public var quoteAndSpeakerIndirect: PRF
    public var quoteAndSpeakerAllKinds: PRF
    /// In score order (Python's `sorted` of the gold ids).
    public var perDoc: [DocumentFigures]

    public var entitiesPartialF1: Double { entitiesPartial.f1 }
    public var attributionAccuracy: Double? { attributionMain.accuracy }

    /// score.py's `table(res)`, byte for byte, without the final newline that its `print` adds.
    public var table: String {
        func fmt(_ name: String, _ r: PRF) -> String {
            PythonNumber.leftAligned(name, 38) + " " + PythonNumber.rightAligned(PythonNumber.fixed(r.p, 3), 6) + " "
                + PythonNumber.rightAligned(PythonNumber.fixed(r.r, 3), 6) + " "
                + PythonNumber.rightAligned(PythonNumber.fixed(r.f1, 3), 6) + " "
                + PythonNumber.rightAligned(String(r.tp), 5) + " " + PythonNumber.rightAligned(String(r.pred), 5) + " "
                + PythonNumber.rightAligned(String(r.gold), 5)
        }
        var first = "\(docs) gold docs"
        for doc in perDoc where doc.missingPrediction { first += "; \(doc.id.description): no prediction" }
        var out = [first]
        out.append(
            String(repeating: " ", count: 38) + " " + ["P", "R", "F1"].map { PythonNumber.rightAligned($0, 6) }
                .joined(separator: " ") + " " + ["tp", "pred", "gold"].map { PythonNumber.rightAligned($0, 5) }
                .joined(separator: " "))
        out.append(fmt("entities exact (micro)", entities))
        for t in Scorer.entityTypes { out.append(fmt("  \(t)", perType[t]!)) }
        out.append(fmt("entities partial (overlap+type)", entitiesPartial))
        for t in Scorer.entityTypes { out.append(fmt("  \(t) partial", perTypePartial[t]!)) }
        out.append(fmt("quote detection (direct+block+turn)", quoteDetection))
        out.append(fmt("quote-and-speaker (direct+block+turn)", quoteAndSpeaker))
        out.append(fmt("indirect detection", indirect))
        out.append(fmt("quote-and-speaker (indirect)", quoteAndSpeakerIndirect))
        out.append(fmt("quote-and-speaker (all kinds)", quoteAndSpeakerAllKinds))
        for (a, label) in [(attributionMain, "direct+block+turn"), (attributionIndirect, "indirect")] {
            let accs = a.accuracy.map { PythonNumber.rightAligned(PythonNumber.fixed($0, 3), 6) } ?? "  n/a"
            out.append(
                PythonNumber.leftAligned("attribution on matched (" + label + ")", 44) + " " + accs
                    + " (\(a.right)/\(a.matched))")
        }
        return out.joined(separator: "\n")
    }

    /// score.py's `json.dumps(score(...), ensure_ascii=False)`: the same keys in the same order, the same number
    /// formatting, without the final newline that its `print` adds.
    public var json: String {
        let w = PythonJSONWriter()
        w.object {
            w.member("docs") { w.int(docs) }
            w.member("entities") { w.prf(entities) }
            w.member("per_type") { w.byType(perType) }
            w.member("entities_partial") { w.prf(entitiesPartial) }
            w.member("entities_partial_f1") { w.float(entitiesPartialF1) }
            w.member("per_type_partial") { w.byType(perTypePartial) }
            w.member("quote_detection") { w.prf(quoteDetection) }
            w.member("indirect") { w.prf(indirect) }
            w.member("attribution_accuracy") { w.optionalFloat(attributionAccuracy) }
            w.member("attribution") {
                w.object {
                    for (key, a) in [("main", attributionMain), ("indirect", attributionIndirect)] {
                        w.member(key) {
                            w.object {
                                w.member("right") { w.int(a.right) }
                                w.member("matched") { w.int(a.matched) }
                                w.member("accuracy") { w.optionalFloat(a.accuracy) }
                            }
                        }
                    }
                }
            }
            w.member("quote_and_speaker") { w.prf(quoteAndSpeaker) }
            w.member("quote_and_speaker_indirect") { w.prf(quoteAndSpeakerIndirect) }
            w.member("quote_and_speaker_all_kinds") { w.prf(quoteAndSpeakerAllKinds) }
            w.member("per_doc") {
                w.object {
                    for doc in perDoc {
                        w.member(doc.id.jsonKey) {
                            w.object {
                                w.member("missing_pred") { w.bool(doc.missingPrediction) }
                                w.member("entities") {
                                    w.object {
                                        w.member("tp") { w.int(doc.entities.tp) }
                                        w.member("pred") { w.int(doc.entities.pred) }
                                        w.member("gold") { w.int(doc.entities.gold) }
                                    }
                                }
                                w.member("quotes") {
                                    w.object {
                                        for (key, q) in [("main", doc.mainQuotes), ("indirect", doc.indirectQuotes)] {
                                            w.member(key) {
                                                w.object {
                                                    w.member("matched") { w.int(q.matched) }
                                                    w.member("speaker_ok") { w.int(q.speakerOK) }
                                                    w.member("pred") { w.int(q.pred) }
                                                    w.member("gold") { w.int(q.gold) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return w.text
    }
}

/// Writes JSON as Python's `json.dumps(..., ensure_ascii=False)` does: ", " and ": " separators, floats as
/// `repr(float)`, strings escaping only `"`, `\` and control characters.
private final class PythonJSONWriter {
    var text = ""
    private var needsComma: [Bool] = []

    func object(_ body: () -> Void) {
        text += "{"
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "}"
    }

    func member(_ key: String, _ value: () -> Void) {
        if needsComma[needsComma.count - 1] { text += ", " }
        needsComma[needsComma.count - 1] = true
        string(key)
        text += ": "
        value()
    }

    func int(_ v: Int) { text += String(v) }
    func bool(_ v: Bool) { text += v ? "true" : "false" }

    func float(_ v: Double) {
        if v.isNaN {
            text += "NaN"
        } else if v.isInfinite {
            text += v < 0 ? "-Infinity" : "Infinity"
        } else {
            text += PythonText.floatRepr(v)
        }
    }

    func optionalFloat(_ v: Double?) {
        if let v { float(v) } else { text += "null" }
    }

    func prf(_ r: PRF) {
        object {
            member("p") { float(r.p) }
            member("r") { float(r.r) }
            member("f1") { float(r.f1) }
            member("tp") { int(r.tp) }
            member("pred") { int(r.pred) }
            member("gold") { int(r.gold) }
        }
    }

    func byType(_ figures: [String: PRF]) {
        object {
            for t in Scorer.entityTypes { member(t) { prf(figures[t]!) } }
        }
    }

    func string(_ s: String) {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for c in s.unicodeScalars {
            switch c {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\u{08}": out.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": out.append(contentsOf: "\\f".unicodeScalars)
            default:
                if c.value < 0x20 {
                    let hex = Array("0123456789abcdef".unicodeScalars)
                    out.append(contentsOf: "\\u00".unicodeScalars)
                    out.append(hex[Int(c.value >> 4)])
                    out.append(hex[Int(c.value & 0xF)])
                } else {
                    out.append(c)
                }
            }
        }
        out.append("\"")
        text += String(out)
    }
}
