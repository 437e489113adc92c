/// Pairs quotation marks into quoted spans, paragraph by paragraph.
///
/// Curly marks say which way they face; straight ones are read from their neighbours (an opening mark follows a
/// space and touches the next word, a closing one touches the word before). ’ is also the apostrophe: it closes a
/// quote only when a ‘ or ' is open in the same paragraph and a space or punctuation follows.
enum QuoteMarks {
    enum Mark { case openDouble, closeDouble, straightDouble, openSingle, closeSingle, straightSingle }

    /// A quoted span: content tokens `first..<end` between the marks.
    struct Span {
        var open: Int?
        var close: Int?
        var first: Int
        var end: Int
        var double: Bool
        /// Left open at the end of its paragraph while the next paragraph opens again: one quote running on.
        var continues = false
        /// Opened with no closing mark, or closed with no opening mark (taken from a "said:" before it).
        var repaired = false
    }

    static func mark(_ i: Int, _ c: QuoteContext) -> Mark? {
        let t = c.tokens[i]
        guard t.kind == .punct else { return nil }
        let s = t.start
        switch t.range.length {
        case 1:
            if c.text[s] == 0x22 { return .straightDouble }
            if c.text[s] == 0x27 { return .straightSingle }
        case 3 where c.text[s] == 0xE2 && c.text[s + 1] == 0x80:
            switch c.text[s + 2] {
            case 0x9C: return .openDouble
            case 0x9D: return .closeDouble
            case 0x98: return .openSingle
            case 0x99: return .closeSingle
            default: return nil
            }
        default: break
        }
        return nil
    }

    static func isMark(_ i: Int, _ c: QuoteContext) -> Bool { mark(i, c) != nil }

    private static let closers: WordTag = [.comma, .period, .semicolon, .colon, .exclamation, .question, .closeParen,
                                           .closeBracket, .dash, .ellipsis]
    private static let openers: WordTag = [.openParen, .openBracket, .dash, .slash]

    static func spans(_ c: QuoteContext) -> [Span] {
        var result: [Span] = []
        for (pIndex, paragraph) in c.paragraphs.enumerated() {
            var stack: [(token: Int, double: Bool, straight: Bool)] = []
            var found: [Span] = []
            var orphans: [Int] = []
            for i in paragraph {
                guard let m = mark(i, c) else { continue }
                let spaceBefore = i == paragraph.lowerBound || !c.glued(i) || c.isPunct(i - 1, openers)
                    || (i > paragraph.lowerBound && mark(i - 1, c) != nil)
                let touchesNext = i + 1 < paragraph.upperBound && c.glued(i + 1)
                let nextIsWord = touchesNext && c.tokens[i + 1].kind != .punct
                let spaceAfter = i + 1 >= paragraph.upperBound || !c.glued(i + 1) || c.isPunct(i + 1, closers)
                    || mark(i + 1, c) != nil
                func close(double: Bool) -> Bool {
                    guard let at = stack.lastIndex(where: { $0.double == double }) else { return false }
                    let open = stack[at].token
                    stack.removeSubrange(at...)
                    if open + 1 < i { found.append(Span(open: open, close: i, first: open + 1, end: i, double: double)) }
                    return true
                }
                switch m {
                case .openDouble:
                    stack.append((i, true, false))
                case .closeDouble:
                    if !close(double: true) { orphans.append(i) }
                case .straightDouble:
                    let openStraight = stack.last(where: { $0.double })?.straight ?? false
                    if openStraight && (spaceAfter || !spaceBefore) {
                        _ = close(double: true)
                    } else if spaceBefore && touchesNext {
                        stack.append((i, true, true))
                    } else if !close(double: true) {
                        orphans.append(i)
                    }
                case .openSingle:
                    if nextIsWord { stack.append((i, false, false)) }
                case .closeSingle, .straightSingle:
                    let singleOpen = stack.contains { !$0.double }
                    if singleOpen && !spaceBefore && spaceAfter {
                        _ = close(double: false)
                    } else if m == .straightSingle && spaceBefore && nextIsWord && c.tokens[i + 1].kind == .word {
                        stack.append((i, false, true))
                    }
                }
            }
            // A double mark left open: the quote runs to the paragraph's end (and on, if the next paragraph opens).
            if let open = stack.first(where: { $0.double }) {
                let next = pIndex + 1 < c.paragraphs.count ? c.paragraphs[pIndex + 1].lowerBound : c.count
                let reopens = next < c.count && (mark(next, c) == .openDouble || mark(next, c) == .straightDouble)
                var end = paragraph.upperBound
                while end > open.token + 1, mark(end - 1, c) != nil { end -= 1 }
                if open.token + 1 < end {
                    found.append(Span(open: open.token, close: nil, first: open.token + 1, end: end, double: true,
                                      continues: reopens, repaired: !reopens))
                }
            }
            // A closing mark with no opening one: the quote began after the "said:" before it.
            for close in orphans {
                var colon = close - 1
                while colon > paragraph.lowerBound, !(c.tokens[colon].kind == .punct && c.words[colon] == ":") {
                    if mark(colon, c) != nil { colon = paragraph.lowerBound; break }
                    colon -= 1
                }
                guard colon > paragraph.lowerBound, colon + 3 < close,
                      found.allSatisfy({ !($0.first <= colon && colon < $0.end) }) else { continue }
                found.append(Span(open: colon, close: close, first: colon + 1, end: close, double: true,
                                  repaired: true))
            }
            found.sort { $0.first < $1.first || ($0.first == $1.first && $0.end > $1.end) }
            result += found
        }
        return result
    }
}
