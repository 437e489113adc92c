/// ANNOTATION.md §4 scoring, reproducing the reference scorer (tools/score.py) figure for figure: the same span
/// filtering, matching, kind buckets, speaker alias mapping and rounding.
///
/// Entities: exact match of (start, end, type), P/R/F1 micro over all entities and per type; an entity of another
/// type counts against micro precision only. Partial: one-to-one matching of same-type overlapping spans, greedy,
/// largest overlap first (ties by gold start, then predicted start, then list order).
/// Quotes: one-to-one matching at character Jaccard >= 0.5, greedy by best Jaccard (same ties). Buckets: main =
/// every kind except "indirect" (kinds inside need not agree), indirect = "indirect" against "indirect".
/// Attribution: speaker names agree after mapping both through the gold document's entity table (see
/// `AliasTable`). Documents missing from the prediction, or whose prediction carries a non-null "error", score as
/// all misses; predictions for ids not in gold are ignored.
///
/// Known differences from score.py, all outside what annotation files contain in practice:
/// - where Python raises (gold ids mixing strings and numbers, an array/object as id or entity type, invalid
///   JSON or UTF-8), this throws `EvaluationError` instead of printing a traceback;
/// - integer literals beyond `Int` (±9.2e18) are read as floats, so such a span is dropped (Python keeps the int);
/// - a `\u` escape of a lone surrogate reads as U+FFFD (Python keeps the lone surrogate);
/// - nesting deeper than 1,000 levels is an error (Python fails near the same depth);
/// - NFC comes from the system ICU (Unicode 15), Python 3.11's from Unicode 14; the case folding table was
///   generated from Python 3.11 itself (CaseFoldData.swift), so it is exact for that version;
/// - offsets beyond ±2^53 may change a Jaccard ratio in its last bit.
public struct Scorer: Sendable {
    public static let entityTypes = ["PERSON", "PLACE", "ORG"]
    public static let quoteThreshold = 0.5

    public init() {}

    /// Scores `predicted` against `gold`. Throws only where score.py itself fails: gold ids of kinds Python cannot
    /// sort together (e.g. strings and numbers), or an entity `type` that is an array or object.
    public func score(gold: AnnotationSet, predicted: AnnotationSet) throws(EvaluationError) -> EvaluationReport {
        var ent = Tally()
        var perType = [Tally](repeating: Tally(), count: Self.entityTypes.count)
        var partial = Tally()
        var partialType = [Tally](repeating: Tally(), count: Self.entityTypes.count)
        var bucket = [Tally(), Tally()]  // main, indirect: matched quotes
        var quoteSpeaker = [Tally(), Tally()]  // main, indirect: matched with the right speaker
        var attribution = [(right: 0, matched: 0), (right: 0, matched: 0)]
        var perDoc: [DocumentFigures] = []
        let typeKeys = Self.entityTypes.map { PythonKey.text($0) }

        var ids = gold.ids
        try sortIDs(&ids)
        for id in ids {
            let g = gold[id]
            var p = predicted[id]
            let missing: Bool
            if let record = p, let error = record["error"], error != .null {
                missing = true
            } else {
                missing = p == nil
            }
            if missing { p = nil }

            // entities
            let ge = try EntityCounter(Self.spanList(g, "entities"))
            let pe = try EntityCounter(Self.spanList(p, "entities"))
            let tp = ge.intersectionCount(pe)
            ent.add(tp, pe.total, ge.total)
            for (t, typeKey) in typeKeys.enumerated() {
                let gt = ge.filtered { $0.type == typeKey }
                let pt = pe.filtered { $0.type == typeKey }
                perType[t].add(gt.intersectionCount(pt), pt.total, gt.total)
                let pm = Self.matchPartial(gt.elements(), pt.elements())
                partialType[t].add(pm, pt.total, gt.total)
            }
            partial.add(Self.matchPartial(ge.elements(), pe.elements()), pe.total, ge.total)

            // quotes
            let table = AliasTable(gold: g)
            let gq = Self.spanList(g, "quotes")
            let pq = Self.spanList(p, "quotes")
            var docQuotes: [QuoteCounts] = []
            for b in 0..<2 {
                let wantIndirect = b == 1
                let gs = gq.filter { Self.isIndirect($0.object) == wantIndirect }
                let ps = pq.filter { Self.isIndirect($0.object) == wantIndirect }
                let matches = Self.matchQuotes(gs.map { ($0.start, $0.end) }, ps.map { ($0.start, $0.end) })
                var hits = 0
                for (i, j) in matches where table.predictedSpeaker(ps[j].object).contains(table.goldSpeaker(gs[i].object)) {
                    hits += 1
                }
                bucket[b].add(matches.count, ps.count, gs.count)
                quoteSpeaker[b].add(hits, ps.count, gs.count)
                attribution[b].right += hits
                attribution[b].matched += matches.count
                docQuotes.append(QuoteCounts(matched: matches.count, speakerOK: hits, pred: ps.count, gold: gs.count))
            }
            perDoc.append(
                DocumentFigures(
                    id: id, missingPrediction: missing,
                    entities: EntityCounts(tp: tp, pred: pe.total, gold: ge.total),
                    mainQuotes: docQuotes[0], indirectQuotes: docQuotes[1]))
        }

        func accuracy(_ a: (right: Int, matched: Int)) -> AttributionFigures {
            AttributionFigures(
                right: a.right, matched: a.matched,
                accuracy: a.matched != 0 ? PythonNumber.round(Double(a.right) / Double(a.matched), 4) : nil)
        }
        var allKinds = Tally()
        allKinds.add(
            quoteSpeaker[0].tp + quoteSpeaker[1].tp, quoteSpeaker[0].pred + quoteSpeaker[1].pred,
            quoteSpeaker[0].gold + quoteSpeaker[1].gold)
        var perTypeFigures: [String: PRF] = [:]
        var perTypePartialFigures: [String: PRF] = [:]
        for (t, name) in Self.entityTypes.enumerated() {
            perTypeFigures[name] = perType[t].prf
            perTypePartialFigures[name] = partialType[t].prf
        }
        return EvaluationReport(
            docs: gold.count,
            entities: ent.prf,
            perType: perTypeFigures,
            entitiesPartial: partial.prf,
            perTypePartial: perTypePartialFigures,
            quoteDetection: bucket[0].prf,
            indirect: bucket[1].prf,
            attributionMain: accuracy(attribution[0]),
            attributionIndirect: accuracy(attribution[1]),
            quoteAndSpeaker: quoteSpeaker[0].prf,
            quoteAndSpeakerIndirect: quoteSpeaker[1].prf,
            quoteAndSpeakerAllKinds: allKinds.prf,
            perDoc: perDoc)
    }

    /// `score.py GOLD PRED [--docs=ID,ID]`: loads both JSONL files (gold first, as score.py does), keeps only the
    /// gold documents whose string id is in `onlyDocs` when given, and scores.
    public func score(goldPath: String, predictedPath: String, onlyDocs: Set<String>? = nil) throws(EvaluationError)
        -> EvaluationReport
    {
        var gold = try AnnotationSet.load(path: goldPath)
        let predicted = try AnnotationSet.load(path: predictedPath)
        if let onlyDocs { gold = gold.filtered(keepingIDs: onlyDocs) }
        return try score(gold: gold, predicted: predicted)
    }

    /// Python's `sorted(gold_docs)`.
    private func sortIDs(_ ids: inout [DocumentID]) throws(EvaluationError) {
        guard ids.count > 1 else { return }
        // Check comparability once (Python fails as soon as two kinds meet), then sort without throwing.
        for id in ids.dropFirst() { _ = try PythonKey.pythonLess(ids[0].key, id.key) }
        ids.sort { (try? PythonKey.pythonLess($0.key, $1.key)) ?? false }
    }

    // MARK: - score.py's helpers

    /// score.py's `prf`.
    public static func prf(tp: Int, pred: Int, gold: Int) -> PRF {
        let p = pred != 0 ? Double(tp) / Double(pred) : (gold == 0 ? 1.0 : 0.0)
        let r = gold != 0 ? Double(tp) / Double(gold) : (pred == 0 ? 1.0 : 0.0)
        let f = p + r != 0 ? 2 * p * r / (p + r) : 0.0
        return PRF(
            p: PythonNumber.round(p, 4), r: PythonNumber.round(r, 4), f1: PythonNumber.round(f, 4),
            tp: tp, pred: pred, gold: gold)
    }

    /// score.py's `jaccard` of two [start, end) spans.
    public static func jaccard(_ a: (Int, Int), _ b: (Int, Int)) -> Double {
        let inter = Int128(min(a.1, b.1)) - Int128(max(a.0, b.0))
        if inter <= 0 { return 0.0 }
        return Double(inter) / Double(Int128(max(a.1, b.1)) - Int128(min(a.0, b.0)))
    }

    /// score.py's `match_quotes`: one-to-one pairs (gold index, predicted index) with Jaccard >= 0.5, greedy by best
    /// Jaccard, ties by gold start, predicted start, gold index, predicted index.
    public static func matchQuotes(_ golds: [(Int, Int)], _ preds: [(Int, Int)], threshold: Double = quoteThreshold)
        -> [(Int, Int)]
    {
        var pairs: [(score: Double, gs: Int, ps: Int, i: Int, j: Int)] = []
        for (i, g) in golds.enumerated() {
            for (j, p) in preds.enumerated() {
                let jac = jaccard(g, p)
                if jac >= threshold { pairs.append((jac, g.0, p.0, i, j)) }
            }
        }
        return greedyOneToOne(pairs)
    }

    /// score.py's greedy one-to-one matching: pairs taken best score first, ties by gold start, predicted start, gold
    /// index, predicted index; a pair is kept when neither side is taken yet. Returns (gold index, predicted index).
    static func greedyOneToOne<Score: Comparable>(_ candidates: [(score: Score, gs: Int, ps: Int, i: Int, j: Int)])
        -> [(Int, Int)]
    {
        let pairs = candidates.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.gs != b.gs { return a.gs < b.gs }
            if a.ps != b.ps { return a.ps < b.ps }
            if a.i != b.i { return a.i < b.i }
            return a.j < b.j
        }
        var usedG = Set<Int>(), usedP = Set<Int>()
        var out: [(Int, Int)] = []
        for pair in pairs where !usedG.contains(pair.i) && !usedP.contains(pair.j) {
            usedG.insert(pair.i)
            usedP.insert(pair.j)
            out.append((pair.i, pair.j))
        }
        return out
    }

    /// score.py's `match_partial`: how many one-to-one pairs of same-type overlapping spans, largest overlap first.
    static func matchPartial(_ golds: [EntityKey], _ preds: [EntityKey]) -> Int {
        var pairs: [(score: Int128, gs: Int, ps: Int, i: Int, j: Int)] = []
        for (i, g) in golds.enumerated() {
            for (j, p) in preds.enumerated() {
                let overlap = Int128(min(g.end, p.end)) - Int128(max(g.start, p.start))
                if overlap > 0 && g.type == p.type { pairs.append((overlap, g.start, p.start, i, j)) }
            }
        }
        return greedyOneToOne(pairs).count
    }

    /// `x.get("kind") == "indirect"`.
    static func isIndirect(_ record: JSONObject) -> Bool {
        if case .string(let kind)? = record["kind"] { return sameUTF8(kind, "indirect") }
        return false
    }

    /// score.py's `_list(doc, key)`: the members of `doc[key]` that pass `_span_ok` (an object whose `start` is an
    /// int, not a bool, and whose `end` is an int, a bool counting as 0/1, greater than `start`).
    static func spanList(_ doc: JSONObject?, _ key: String) -> [Span] {
        guard case .array(let items)? = doc?[key] else { return [] }
        var out: [Span] = []
        for item in items {
            guard case .object(let object) = item, case .int(let start)? = object["start"] else { continue }
            let end: Int
            switch object["end"] {
            case .int(let e)?: end = e
            case .bool(let b)?: end = b ? 1 : 0
            default: continue
            }
            if end > start { out.append(Span(start: start, end: end, object: object)) }
        }
        return out
    }
}

struct Span {
    var start: Int
    var end: Int
    var object: JSONObject
}

/// (start, end, type) of an entity, compared as score.py's Counter keys compare.
struct EntityKey: Hashable {
    var start: Int
    var end: Int
    var type: PythonKey
}

/// A `collections.Counter` of entity keys that remembers first-appearance order (which `elements()` follows).
struct EntityCounter {
    private(set) var keys: [EntityKey] = []
    private(set) var counts: [EntityKey: Int] = [:]
    private(set) var total = 0

    init() {}

    init(_ spans: [Span]) throws(EvaluationError) {
        for span in spans {
            let typeValue = span.object["type"] ?? .null
            guard let type = PythonKey(typeValue) else {
                throw EvaluationError("entity type \(PythonText.repr(typeValue)) is an unhashable type")
            }
            add(EntityKey(start: span.start, end: span.end, type: type), count: 1)
        }
    }

    private mutating func add(_ key: EntityKey, count: Int) {
        if let c = counts[key] {
            counts[key] = c + count
        } else {
            keys.append(key)
            counts[key] = count
        }
        total += count
    }

    func filtered(_ keep: (EntityKey) -> Bool) -> EntityCounter {
        var out = EntityCounter()
        for key in keys where keep(key) { out.add(key, count: counts[key]!) }
        return out
    }

    /// `sum((self & other).values())`.
    func intersectionCount(_ other: EntityCounter) -> Int {
        var n = 0
        for (key, c) in counts {
            if let d = other.counts[key] { n += min(c, d) }
        }
        return n
    }

    /// `list(self.elements())`.
    func elements() -> [EntityKey] {
        var out: [EntityKey] = []
        out.reserveCapacity(total)
        for key in keys { out.append(contentsOf: repeatElement(key, count: counts[key]!)) }
        return out
    }
}

/// score.py's `alias_table` and the speaker mapping built on it: canonical names of the gold document's entities,
/// and mention text → the canonical names it stands for, all normalized (`PythonText.norm`).
struct AliasTable {
    var names: Set<FoldedName> = []
    var texts: [FoldedName: Set<FoldedName>] = [:]

    init(gold: JSONObject?) {
        for span in Scorer.spanList(gold, "entities") {
            let e = span.object
            // canon = e.get("name") or e.get("text")
            let name = e["name"] ?? .null
            let canonValue = PythonText.truthy(name) ? name : (e["text"] ?? .null)
            guard PythonText.truthy(canonValue) else { continue }
            let canon = PythonText.norm(PythonText.str(canonValue))
            names.insert(canon)
            if let text = e["text"], PythonText.truthy(text) {
                texts[PythonText.norm(PythonText.str(text)), default: []].insert(canon)
            }
        }
    }

    /// `_lookup`: the canonical names a string stands for (empty when none).
    func lookup(_ s: String) -> Set<FoldedName> {
        let n = PythonText.norm(s)
        if names.contains(n) { return [n] }
        return texts[n] ?? []
    }

    /// `pred_speaker`: the names a predicted quote's speaker maps to; `[nil]` when it names no one.
    func predictedSpeaker(_ quote: JSONObject) -> Set<FoldedName?> {
        guard case .object(let speaker)? = quote["speaker"] else { return [nil] }
        let name = speaker["name"]?.stringValue
        let text = speaker["text"]?.stringValue
        for s in [name, text] {
            if let s, PythonText.hasNonSpace(s) {
                let hit = lookup(s)
                if !hit.isEmpty { return Set(hit.map { Optional($0) }) }
            }
        }
        if let name, PythonText.hasNonSpace(name) { return [PythonText.norm(name)] }
        return [nil]
    }

    /// `gold_speaker`: the gold quote's speaker name mapped through the table, or nil when it names no one.
    func goldSpeaker(_ quote: JSONObject) -> FoldedName? {
        guard case .object(let speaker)? = quote["speaker"], let name = speaker["name"]?.stringValue,
            PythonText.hasNonSpace(name)
        else { return nil }
        let n = PythonText.norm(name)
        let hit = lookup(name)
        return hit.isEmpty || hit.contains(n) ? n : hit.min()!
    }
}

private struct Tally {
    var tp = 0
    var pred = 0
    var gold = 0

    mutating func add(_ tp: Int, _ pred: Int, _ gold: Int) {
        self.tp += tp
        self.pred += pred
        self.gold += gold
    }

    var prf: PRF { Scorer.prf(tp: tp, pred: pred, gold: gold) }
}
