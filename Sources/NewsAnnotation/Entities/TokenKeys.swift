/// The folded key of every token of a document, read through the worker's `WordInterner`: a token's key is the
/// interner's string at the token's word id.
///
/// The rules ask a few tokens' keys each; an array of every token's key made each document retain a string per
/// token and release it again at the end, which cost more than all the rules' own reads.
struct TokenKeys: RandomAccessCollection {
    /// Word id of each token.
    let ids: [Int32]
    /// The interner's keys by word id.
    let table: [String]

    var startIndex: Int { 0 }
    var endIndex: Int { ids.count }

    @inline(__always) subscript(position: Int) -> String { table[Int(ids[position])] }
}
