/// Quotes stage. Takes tokens, sentences, paragraphs and entities; gives quotes with speakers.
public final class QuoteFinder {
    let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public func process(_ doc: inout Document) {
        var quotes: [Quote] = []
        let tokens = doc.tokens
        var open: Int?
        for (i, token) in tokens.enumerated() where token.kind == .punct {
            let c = doc.text[token.start]
            let isOpen = c == 0xE2 && doc.text[token.start + 2] == 0x9C   // “
            let isClose = c == 0xE2 && doc.text[token.start + 2] == 0x9D  // ”
            if isOpen {
                open = i
            } else if isClose, let o = open, i > o + 1 {
                let range = TextRange(tokens[o + 1].range.start, tokens[i - 1].range.end)
                let speaker = doc.entities.last(where: { $0.type == .person && $0.range.end <= range.start })
                    ?? doc.entities.first(where: { $0.type == .person && $0.range.start >= range.end })
                quotes.append(Quote(range: range, kind: .direct,
                                    speaker: Quote.Speaker(range: speaker?.range, name: speaker?.name), cue: nil))
                open = nil
            }
        }
        doc.quotes = quotes
    }
}
