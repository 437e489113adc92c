/// Variant keys of words already seen: the resolver asks for the key of every capitalised word it has not tagged,
/// and the same words come back document after document. A lookup costs a hash; making a key costs buffers and a
/// new string.
///
/// Not thread-safe: each worker's resolver owns one.
final class VariantKeyCache {
    private var keys: [String: String] = [:]

    func key(_ folded: String) -> String {
        if let known = keys[folded] { return known }
        let key = RomanizationVariants.key(folded)
        // Bounded: a stream of millions of documents must not grow it without end.
        if keys.count >= 200_000 { keys.removeAll(keepingCapacity: true) }
        keys[folded] = key
        return key
    }
}
