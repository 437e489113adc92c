import Foundation

/// The repository's own texts, for tests that run over every sample and test article: the folder this file sits in
/// tells where the repository is, wherever the tests run from.
enum RepositoryTexts {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/NewsAnnotationTests/RepositoryTexts.swift
        return parts.joined(separator: "/")
    }()

    /// Every `.txt` file of a folder of the repository ("Samples"), in the order of their names.
    static func texts(in folder: String) throws -> [String] {
        let dir = root + "/" + folder
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
    }
}
