/// A coarse key that joins romanisation variants of one name: y/i, -iy/-yy/-y endings, ye/e, kh/h/x, ou/u, dzh/j.
/// "Sergey" and "Sergei", "Zelenskyy" and "Zelensky", "Mirziyoyev" and "Mirziyoev" share it. Used only to compare
/// names the document already holds, never to find new ones.
enum RomanizationVariants {
    static func key(_ folded: String) -> String {
        var s = folded
        for (from, to) in replacements { s = s.replacingAll(from, with: to) }
        var out = ""
        var last: Character?
        for ch in s where ch != last {  // doubled letters: "Zelenskyy"
            out.append(ch)
            last = ch
        }
        return out
    }

    static let replacements: [(String, String)] = [
        ("dzh", "j"), ("kh", "h"), ("x", "h"), ("ou", "u"), ("yo", "o"), ("ye", "e"), ("iy", "i"), ("yy", "i"),
        ("y", "i"), ("ei", "e"), ("ij", "i"),
    ]
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) {
                return start..<index(start, offsetBy: target.count)
            }
            start = index(after: start)
        }
        return nil
    }
}
