/// The variant key: a coarse key on which romanisations of one name meet, made by the `variant` rows of
/// `Gazetteers/folding-rules.txt`, in order — y/i and the -iy/-yy/-y endings, ye/e and yo/e, kh/h/x, sh/s, ch/c,
/// zh/z, gh/g, ou/u, dzh/j, ue/u, oe/o, ae/a, a glide j/i. "Sergey", "Sergei" and "Sergej" share "sergei";
/// "Zelenskyy", "Zelensky", "Zelenskiy" share "zelenski"; "Shusha" and "Şuşa" (key "susa") share "susa".
///
/// The key joins more than it should ("Sunni" and "Shunyi" share "suni", "Hindi" and "Xindi" "hindi"), so it is
/// only a fallback: the gazetteer matcher asks for it only for capitalised words the gazetteer does not hold
/// exactly, and takes a one-word match through it only on a word foreign by its letters or on an entity the
/// document has already named. Name rules use it to compare names the document already holds.
public enum RomanizationVariants {
    /// The variant key of a folded key (a `KeyFolder` key).
    public static func key(_ folded: String) -> String {
        var bytes = folded
        return bytes.withUTF8 { bytes in
            // Most words no rule can touch keep their key: no buffers, no new string.
            let present = Builder.letters(bytes[...])
            guard Builder.needs.contains(where: { present & $0 == $0 }) else { return folded }
            var builder = Builder()
            return String(decoding: builder.key(bytes), as: UTF8.self)
        }
    }

    /// Makes variant keys in two reused buffers: no allocation per word once warm.
    struct Builder {
        private var a: [UInt8] = []
        private var b: [UInt8] = []
        private static let rules = FoldingRules.embedded.variants
        /// Per rule: the letters a key must hold for the rule to possibly apply.
        static let needs: [UInt64] = rules.map { letters($0.from[...]) }

        init() {
            a.reserveCapacity(64)
            b.reserveCapacity(64)
        }

        /// Which bytes a key holds, by their low six bits (a few share a bit: a rule may be tried for nothing).
        @inline(__always)
        static func letters<Bytes: Collection<UInt8>>(_ s: Bytes) -> UInt64 {
            var mask: UInt64 = 0
            for b in s { mask |= 1 << UInt64(b & 63) }
            return mask
        }

        /// The variant key of a folded key's bytes; valid until the next call.
        mutating func key(_ folded: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            a.removeAll(keepingCapacity: true)
            a.append(contentsOf: folded)
            var present = Self.letters(a[...])
            for (r, rule) in Self.rules.enumerated() where present & Self.needs[r] == Self.needs[r] {
                if RomanizationVariants.apply(rule, from: a, to: &b) {
                    swap(&a, &b)
                    present = Self.letters(a[...])
                }
            }
            return a
        }
    }

    /// Writes `s` with `rule` applied into `out`; false (and `out` left in no particular state) when the rule does
    /// not apply.
    static func apply(_ rule: FoldingRules.Variant, from s: [UInt8], to out: inout [UInt8]) -> Bool {
        let from = rule.from, to = rule.to
        let m = from.count, n = s.count
        guard m > 0, m <= n else { return false }
        return s.withUnsafeBufferPointer { s in
            from.withUnsafeBufferPointer { f in
                @inline(__always)
                func at(_ i: Int) -> Bool {
                    guard i + m <= n else { return false }
                    for k in 0..<m where s[i + k] != f[k] { return false }
                    return true
                }
                /// Where the rule rewrites the occurrence at `i`, and how far it reaches.
                @inline(__always)
                func rewrite(_ i: Int) -> Int? {
                    guard at(i) else { return nil }
                    switch rule.place {
                    case .anywhere:
                        return i + m
                    case .glide:
                        let afterVowel = i > 0 && isVowel(s[i - 1])
                        let beforeVowel = i + m < n && isVowel(s[i + m])
                        return afterVowel && !beforeVowel ? i + m : nil
                    case .runs:
                        var j = i + m
                        while at(j) { j += m }
                        return j - i > m ? j : nil
                    }
                }
                var i = 0
                var first = -1
                while i < n {
                    if s[i] == f[0], rewrite(i) != nil {
                        first = i
                        break
                    }
                    i += 1
                }
                guard first >= 0 else { return false }
                out.removeAll(keepingCapacity: true)
                out.append(contentsOf: s[0..<first])
                i = first
                while i < n {
                    if s[i] == f[0], let end = rewrite(i) {
                        out.append(contentsOf: to)
                        i = end
                    } else {
                        out.append(s[i])
                        i += 1
                    }
                }
                return true
            }
        }
    }

    @inline(__always)
    static func isVowel(_ b: UInt8) -> Bool {
        b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x79
    }
}
