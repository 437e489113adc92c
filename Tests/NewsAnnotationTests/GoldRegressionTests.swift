#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import NewsAnnotation

/// Scores the pipeline against gold and fails when any §4 figure drops below the floor recorded in
/// `Fixtures/regression-floors.txt`. Raise the floors as the pipeline improves (`make floors` prints the figures).
@Suite struct GoldRegressionTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/NewsAnnotationTests/GoldRegressionTests.swift
        return parts.joined(separator: "/")
    }()

    static let gazetteer = try! Gazetteer()

    /// The figures a floor can be recorded for.
    static func figures(_ r: EvaluationReport) -> [String: Double] {
        var f: [String: Double] = [
            "entities.f1": r.entities.f1,
            "quote_detection.f1": r.quoteDetection.f1,
            "quote_and_speaker.f1": r.quoteAndSpeaker.f1,
            "indirect.f1": r.indirect.f1,
            "quote_and_speaker_indirect.f1": r.quoteAndSpeakerIndirect.f1,
        ]
        for (type, prf) in r.perType { f["\(type).f1"] = prf.f1 }
        return f
    }

    /// Annotates a folder of .txt files and scores it against the .jsonl gold files beside them.
    static func score(folder: String) throws -> EvaluationReport {
        var reader = try DocumentReader(paths: [root + "/" + folder])
        let annotator = try ParallelAnnotator(gazetteer: gazetteer, jobs: 2)
        var output: [UInt8] = []
        _ = try annotator.run(reader: &reader) { output += $0 }
        var gold = ""
        for name in try DocumentReader.textFiles(in: root + "/" + folder) {
            let path = root + "/" + folder + "/" + String(name.dropLast(4)) + ".jsonl"
            gold += String(decoding: try #require(FileBytes.read(path)), as: UTF8.self)
        }
        let predicted = try AnnotationSet(jsonl: String(decoding: output, as: UTF8.self))
        return try Scorer().score(gold: try AnnotationSet(jsonl: gold), predicted: predicted)
    }

    static func floors() throws -> [(set: String, figure: String, floor: Double)] {
        let text = String(decoding: try #require(FileBytes.read(root + "/Tests/NewsAnnotationTests/Fixtures/regression-floors.txt")),
                          as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, !line.hasPrefix("#"), let value = Double(fields[2]) else { return nil }
            return (String(fields[0]), String(fields[1]), value)
        }
    }

    @Test(arguments: ["Samples", "Tests/NewsAnnotationTests/Fixtures/articles"])
    func noScoreDropsBelowItsRecordedFloor(folder: String) throws {
        let report = try Self.score(folder: folder)
        let figures = Self.figures(report)
        let set = folder == "Samples" ? "samples" : "articles"
        let floors = try Self.floors().filter { $0.set == set }
        #expect(!floors.isEmpty, "no floors recorded for \(set)")
        for floor in floors {
            let value = try #require(figures[floor.figure], "unknown figure \(floor.figure)")
            #expect(value >= floor.floor - 1e-9, "\(set) \(floor.figure) is \(value), below its floor \(floor.floor)")
        }
        print("\(set):\n\(report.table)")
    }
}
