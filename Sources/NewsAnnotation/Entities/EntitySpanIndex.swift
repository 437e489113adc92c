/// The token spans of a list of entities, sorted by first token, for the questions the resolver asks at every
/// parenthesised acronym: does an entity end here, does one straddle this span's edge. Asking the list itself costs
/// a pass over every entity, and a long document has as many acronyms as entities: quadratic.
struct EntitySpanIndex {
    private var spans: [(first: Int, end: Int)]
    /// No span is longer: a span overlapping `range` starts at most this far before it.
    private var longest = 0
    private var endsAt: [Bool]

    init(_ entities: [Entity], tokenCount: Int) {
        spans = entities.map { (Int($0.firstToken), Int($0.endToken)) }.sorted { $0.first < $1.first }
        endsAt = [Bool](repeating: false, count: tokenCount + 1)
        for span in spans {
            endsAt[span.end] = true
            longest = max(longest, span.end - span.first)
        }
    }

    func hasEntity(endingAt token: Int) -> Bool { endsAt[token] }

    /// Whether an entity overlaps `range` and reaches outside it.
    func hasEntity(straddling range: Range<Int>) -> Bool {
        var i = firstIndex(startingAtOrAfter: range.lowerBound - longest)
        while i < spans.count, spans[i].first < range.upperBound {
            let (first, end) = spans[i]
            if end > range.lowerBound && (first < range.lowerBound || end > range.upperBound) { return true }
            i += 1
        }
        return false
    }

    /// Drops the spans inside `range` and adds `range` itself, as the resolver does to its list.
    mutating func replaceSpans(inside range: Range<Int>) {
        var i = firstIndex(startingAtOrAfter: range.lowerBound)
        while i < spans.count, spans[i].first < range.upperBound {
            if spans[i].end <= range.upperBound { spans.remove(at: i) } else { i += 1 }
        }
        spans.insert((range.lowerBound, range.upperBound), at: firstIndex(startingAtOrAfter: range.lowerBound))
        // Ends of dropped spans stay marked: they lie inside `range`, before every token still to be asked about.
        endsAt[range.upperBound] = true
        longest = max(longest, range.count)
    }

    private func firstIndex(startingAtOrAfter token: Int) -> Int {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if spans[mid].first < token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
