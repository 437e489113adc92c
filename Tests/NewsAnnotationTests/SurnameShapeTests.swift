import Testing
@testable import NewsAnnotation

/// `NameWords.hasSurnameShape` tests the endings on bytes before it counts characters: it must answer exactly what
/// the plain definition (five characters or more, a listed ending as a `String` suffix) answers.
struct SurnameShapeTests {
    static func plain(_ key: String) -> Bool {
        key.count >= 5 && NameWords.surnameEndings.contains { key.hasSuffix($0) }
    }

    @Test("the byte-first test answers as the plain definition, short words, marks and other scripts included")
    func answersAsThePlainDefinition() {
        var words = ["ivanov", "petrova", "saakashvili", "kov", "ov", "lavrov", "shevchenko", "gonzalez", "ruiz",
                     "perez", "aliyev", "mammadova", "obrien", "said", "minister", "iyev", "xov", "ab\u{301}ov",
                     "abcov\u{301}", "o\u{301}v", "лавров", "ابراهيم", "zadeh", "siddaramaiah", "appa", "kappa",
                     "ivanovna", "nakamura", "", "e\u{301}\u{301}\u{301}ov", "🇺🇸🇺🇸ov"]
        words += NameWords.surnameEndings.flatMap { ending in ["", "a", "ab", "abc", "x\u{301}y"].map { $0 + ending } }
        for word in words {
            #expect(NameWords.hasSurnameShape(word) == Self.plain(word), "\(word)")
        }
    }
}
