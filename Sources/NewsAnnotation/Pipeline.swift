/// The stages a document goes through, in order. Read top to bottom:
///
///     Normalizer        original text        → normalized text + OffsetMap
///     SentenceSplitter  normalized text      → paragraphs, sentences
///     Tokenizer         text, sentences      → tokens
///     EntityRecognizer  tokens               → entities (gazetteer, rules, canonical names)
///     QuoteFinder       tokens, entities     → quotes with speakers
///     RecordWriter      everything           → one JSON line (original code-point offsets)
///
/// A `Pipeline` owns per-worker state (ICU iterators, caches): make one per thread. What is shared and read-only
/// (the gazetteer) is built once and passed in.
public final class Pipeline {
    let normalizer = Normalizer()
    let sentences: SentenceSplitter
    let tokenizer = Tokenizer()
    let entities: EntityRecognizer
    let quotes: QuoteFinder
    let writer = RecordWriter()
    public var profile: StageProfile?

    /// `sentences` may come already opened (start-up opens it while the gazetteer is built).
    public init(gazetteer: Gazetteer, sentences: SentenceSplitter? = nil) throws {
        self.sentences = try sentences ?? SentenceSplitter()
        entities = EntityRecognizer(gazetteer: gazetteer)
        quotes = QuoteFinder(gazetteer: gazetteer)
    }

    /// Annotates one document in place.
    public func annotate(_ doc: inout Document) {
        if var p = profile {
            p.time(.normalize) { normalizer.process(&doc) }
            p.time(.sentences) {
                sentences.process(&doc)
                tokenizer.process(&doc)
            }
            p.time(.entities) { entities.process(&doc) }
            p.time(.quotes) { quotes.process(&doc) }
            profile = p
        } else {
            normalizer.process(&doc)
            sentences.process(&doc)
            tokenizer.process(&doc)
            entities.process(&doc)
            quotes.process(&doc)
        }
    }

    /// Annotates one input item and appends its output line.
    public func process(_ item: InputItem, into out: inout JSONBuffer) {
        switch item {
        case var .document(doc):
            annotate(&doc)
            if var p = profile {
                p.time(.writing) { writer.write(doc, into: &out) }
                profile = p
            } else {
                writer.write(doc, into: &out)
            }
        case let .failure(failure):
            writer.write(failure, into: &out)
        }
    }

    /// Annotates a text and returns the document (for the library's users and tests).
    public func annotate(text: String, id: String = "doc") -> Document {
        var doc = Document(idJSON: JSONBuffer.quoted(Array(id.utf8)), original: Array(text.utf8))
        annotate(&doc)
        return doc
    }
}
