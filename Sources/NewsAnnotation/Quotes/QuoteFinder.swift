/// Quotes stage. Takes tokens, sentences, paragraphs and entities; gives quotes with speakers.
///
/// Order matters: turns and blocks first (they are whole paragraphs and bound everything inside them), then
/// quotation marks (nested quotes inside a speech see the speech around them), then reported speech (which must
/// not repeat a clause already in quotation marks), and names last, when every mention is known.
public final class QuoteFinder {
    let gazetteer: Gazetteer
    /// Token words remembered across this worker's documents.
    let wordCache = QuoteWordCache()
    /// Person names' suffix keys remembered across this worker's documents.
    let suffixKeys = NameSuffixKeys()

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public func process(_ doc: inout Document) {
        guard !doc.tokens.isEmpty else {
            doc.quotes = []
            return
        }
        let c = QuoteContext(doc, givenNames: gazetteer.givenNames, cache: wordCache)
        let finder = SpeakerFinder(c)
        let voice = ParagraphVoice(c: c, finder: finder)
        var quotes: [FoundQuote] = []
        TurnFinder(c: c, finder: finder).find(voice: voice, into: &quotes)
        BlockQuoteFinder(c: c, finder: finder).find(voice: voice, into: &quotes)
        quotes = QuoteFinder.withoutOverlaps(quotes)
        DirectQuoteFinder(c: c, finder: finder).find(QuoteMarks.spans(c), into: &quotes)
        IndirectQuoteFinder(c: c, finder: finder).find(into: &quotes)
        QuoteFinder.setContainers(&quotes)
        var resolver = SpeakerResolver(c: c, parser: finder.parser, quotes: quotes, suffixKeys: suffixKeys)
        resolver.resolve(&quotes)
        doc.quotes = quotes.map { q in
            Quote(range: c.range(q.first, q.end), kind: q.kind,
                  speaker: Quote.Speaker(range: q.speaker.map { c.range($0.first, $0.end) }, name: q.name),
                  cue: q.cue.map { c.range($0.lowerBound, $0.upperBound) })
        }.sorted { $0.range < $1.range }
    }

    /// Turns and blocks never share text: where two claim the same paragraphs, the one that starts first keeps
    /// them.
    static func withoutOverlaps(_ quotes: [FoundQuote]) -> [FoundQuote] {
        var kept: [FoundQuote] = []
        for q in quotes.sorted(by: { $0.first < $1.first || ($0.first == $1.first && $0.end > $1.end) }) {
            if var last = kept.last, q.first < last.end {
                if q.end > last.end && q.first > last.first {
                    // The later one begins inside the earlier: the earlier ends where it begins.
                    last.end = q.first
                    kept[kept.count - 1] = last
                    if last.end <= last.first { kept.removeLast() }
                    kept.append(q)
                }
                continue
            }
            kept.append(q)
        }
        return kept
    }

    /// Each quote's innermost enclosing quote (indirect reports enclose nothing).
    /// Each quote's innermost container among the direct, block and turn quotes: a sweep in order of start (longest
    /// first at equal starts) with a stack of the containers still open — linear but for the sort.
    static func setContainers(_ quotes: inout [FoundQuote]) {
        let order = quotes.indices.sorted {
            quotes[$0].first != quotes[$1].first ? quotes[$0].first < quotes[$1].first
                : (quotes[$0].end - quotes[$0].first) > (quotes[$1].end - quotes[$1].first)
        }
        var open: [Int] = []
        for i in order {
            // A container that ends before this quote starts contains nothing after it either.
            while let top = open.last, quotes[top].end <= quotes[i].first { open.removeLast() }
            quotes[i].container = open.last(where: { quotes[$0].contains(quotes[i]) })
            if quotes[i].kind != .indirect { open.append(i) }
        }
    }
}
