/// The keys under which a multi-word person name is found from its last words: "ilham aliyev" → ["aliyev"],
/// "chris van hollen" → ["hollen", "van hollen"], shortest first. The same names come back document after document
/// (and lower-casing and cutting them cost more than looking them up), so one worker remembers each name's keys.
/// One per `QuoteFinder`, and a `Pipeline` is one worker's: never shared between threads.
final class NameSuffixKeys {
    private var byName: [String: [String]] = [:]
    /// Past this many names (a pathological input) new ones are worked out each time; answers stay the same.
    static let maxNames = 1 << 16

    func keys(of name: String) -> [String] {
        if let keys = byName[name] { return keys }
        let keys = NameSuffixKeys.make(name)
        if byName.count < NameSuffixKeys.maxNames { byName[name] = keys }
        return keys
    }

    static func make(_ name: String) -> [String] {
        let lower = name.lowercased()
        // An ASCII name with single spaces between its words: the last k words joined again are a suffix of the
        // name itself, cut at a space byte, rather than split and joined. Other names take the long way.
        var simple: [String]? = []
        var bytes = lower
        bytes.withUTF8 { u in
            let space = UInt8(ascii: " ")
            guard let first = u.first, first != space, u.last != space else { simple = nil; return }
            var k = u.count - 1
            while k > 0 {
                let b = u[k]
                if b >= 0x80 || b == 0x0D || (b == space && u[k - 1] == space) { simple = nil; return }
                if b == space { simple!.append(String(decoding: UnsafeBufferPointer(rebasing: u[(k + 1)...]), as: UTF8.self)) }
                k -= 1
            }
            if first >= 0x80 || first == 0x0D { simple = nil }
        }
        if let keys = simple { return keys }
        let words = lower.split(separator: " ")
        guard words.count > 1 else { return [] }
        return (1..<words.count).map { words.suffix($0).joined(separator: " ") }
    }
}
