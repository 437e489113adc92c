/// A quote while the finders work on it: content tokens `first..<end`, the speaker as mentioned, and the links the
/// resolver follows to a name.
struct FoundQuote {
    var first: Int
    var end: Int
    var kind: Quote.Kind
    var speaker: Mention?
    /// The cue's tokens ("said", "according to", ":").
    var cue: Range<Int>?
    /// Another quote (index in the finder's list) whose speaker this one shares: the second half of an
    /// interrupted quote, a paragraph that carries a quote on.
    var sameSpeakerAs: Int?
    /// A passive report ("it was stated that …"): it names no one, but goes on the report just before it.
    var passive = false
    /// An interview's answer ("A: …"): the words of the person the interview is with.
    var interviewee = false
    /// An interview's question ("Q: …"): the words of the interviewer, whom the byline names.
    var interviewer = false
    /// The quote this one sits inside (a quoted remark within a speech), set once all quotes are found.
    var container: Int?
    /// The canonical name, set by the resolver.
    var name: String?

    init(first: Int, end: Int, kind: Quote.Kind, speaker: Mention? = nil, cue: Range<Int>? = nil) {
        self.first = first
        self.end = end
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
    }

    func contains(_ other: FoundQuote) -> Bool {
        first <= other.first && other.end <= end && (end - first) > (other.end - other.first)
    }
}
