/// Where the resolver finds the quote another one depends on: the report before a passive one, the speaker before
/// a quote whose "you" addresses them. Indexed once, so that a document with thousands of quotes does not search
/// every quote for each of them.
struct QuoteLinks {
    /// The quotes that may be a passive one's report (not blocks or turns), by the sentence of their cue. Cues are
    /// added as the resolver gives them to quotes that carry another on.
    private var reportsBySentence: [Int32: [Int]] = [:]
    /// The top-level quotes other than reports, latest start first (at equal starts, lowest index first).
    private let speeches: [Int]

    init(_ quotes: [FoundQuote], c: QuoteContext) {
        speeches = quotes.indices.filter { quotes[$0].container == nil && quotes[$0].kind != .indirect }
            .sorted { quotes[$0].first != quotes[$1].first ? quotes[$0].first > quotes[$1].first : $0 < $1 }
        for j in quotes.indices { addCue(of: j, quotes, c: c) }
    }

    /// Indexes quote `j` under its cue's sentence, when it has a cue and may be a report.
    mutating func addCue(of j: Int, _ quotes: [FoundQuote], c: QuoteContext) {
        guard quotes[j].kind != .block, quotes[j].kind != .turn, let cue = quotes[j].cue else { return }
        reportsBySentence[c.sentenceOf[cue.lowerBound], default: []].append(j)
    }

    /// The report in the sentence before a passive one (or earlier in its own sentence): the one whose cue comes
    /// last before the passive cue, the lowest index among equals; -1 when there is none.
    func report(before i: Int, _ quotes: [FoundQuote], c: QuoteContext) -> Int {
        guard let cue = quotes[i].cue else { return -1 }
        let sentence = c.sentenceOf[cue.lowerBound]
        var best = -1
        var bestStart = Int.min
        for s in [sentence - 1, sentence] {
            for j in reportsBySentence[s] ?? [] where j != i {
                let start = quotes[j].cue!.lowerBound
                guard start < cue.lowerBound else { continue }
                if best < 0 || start > bestStart || (start == bestStart && j < best) {
                    best = j
                    bestStart = start
                }
            }
        }
        return best
    }

    /// The name of the last top-level quote before `container` whose speaker is named and is not its own.
    func addressee(of container: Int, _ quotes: [FoundQuote]) -> String? {
        let own = quotes[container].name
        let first = quotes[container].first
        // `speeches` runs from the latest start down: skip those that start at or after the container.
        var lo = 0, hi = speeches.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if quotes[speeches[mid]].first >= first { lo = mid + 1 } else { hi = mid }
        }
        for j in speeches[lo...] {
            if let name = quotes[j].name, name != own { return name }
        }
        return nil
    }
}
