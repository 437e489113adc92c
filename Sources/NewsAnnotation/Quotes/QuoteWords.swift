/// The lower-case text of every token of a document, read through the worker's `QuoteWordCache`: a token holds the
/// reference of its cache entry, not a string of its own.
///
/// An array of one string per token retained every string as the context was built and released every one when it
/// went, a twentieth of the quote stage's time; a reference is an integer. Words the cache does not keep (longer than
/// its keys, or met once it is full) are this document's `extras`.
struct QuoteWords: RandomAccessCollection {
    /// Per token: a cache entry (≥ 0), or `extra(k)` for `extras[k]`.
    let references: [Int32]
    /// The cache's words by entry, as they were when the document was read.
    let entries: [String]
    let extras: [String]

    /// The reference of `extras[index]`: negative, so that it cannot be an entry.
    @inline(__always) static func extra(_ index: Int) -> Int32 { ~Int32(index) }

    var startIndex: Int { 0 }
    var endIndex: Int { references.count }

    @inline(__always) subscript(position: Int) -> String {
        let reference = references[position]
        return reference >= 0 ? entries[Int(reference)] : extras[Int(~reference)]
    }

    /// Whether one of the tokens in `range` reads `word`.
    func contains(_ word: String, in range: Range<Int>) -> Bool {
        for i in range where self[i] == word { return true }
        return false
    }
}
