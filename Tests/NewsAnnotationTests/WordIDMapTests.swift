import Testing
@testable import NewsAnnotation

/// `WordIDMap`: a dictionary from word ids for one document at a time, whose `startDocument` forgets everything.
struct WordIDMapTests {
    @Test("values set for one document are gone in the next, and ids never set read nil")
    func startDocumentForgetsEveryValue() {
        let map = WordIDMap<String>()
        map.startDocument()
        #expect(map.isEmpty)
        map[3] = "three"
        map[1_000] = "thousand"  // grows past the first size
        #expect(map[3] == "three" && map[1_000] == "thousand" && map[4] == nil && map[5_000] == nil)
        #expect(!map.isEmpty)
        map.startDocument()
        #expect(map.isEmpty && map[3] == nil && map[1_000] == nil)
        map[3] = "again"
        #expect(map[3] == "again")
    }

    @Test("an optional value keeps nil apart from absent, as a dictionary of optionals does")
    func optionalValuesKeepNilApartFromAbsent() {
        let map = WordIDMap<String?>()
        var dictionary: [Int32: String?] = [:]
        map.startDocument()
        for (id, value) in [(Int32(2), "a" as String?), (7, nil), (2, nil), (9, "b")] {
            map[id] = .some(value)
            dictionary[id] = .some(value)
        }
        for id in Int32(0)..<12 { #expect(map[id] == dictionary[id], "id \(id)") }
        map[9] = nil  // removes, as setting a dictionary's value to nil does
        dictionary[9] = nil
        #expect(map[9] == dictionary[9])
    }
}
