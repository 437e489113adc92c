import Foundation
import Testing
@testable import NewsAnnotation

/// The threaded driver: the same bytes for any number of jobs and any batch size, every document counted once, and
/// an output that fails stops the run instead of hanging it.
@Suite("ParallelAnnotator")
struct ParallelAnnotatorTests {
    private static let gazetteerResult = Result<Gazetteer, any Error> { try Gazetteer() }

    private static func items(_ count: Int) -> [InputItem] {
        (0..<count).map { i in
            if i % 7 == 3 {
                return .failure(DocumentFailure(idJSON: Array("\"bad-\(i)\"".utf8), error: DocumentError(.emptyLine, "line \(i) is empty")))
            }
            let text = "Ilham Aliyev met Sergei Shoigu in Baku on day \(i). \"We agreed,\" Aliyev said."
            return .document(Document(idJSON: Array("\"doc-\(i)\"".utf8), original: Array(text.utf8)))
        }
    }

    @Test func sameBytesForAnyJobsAndBatchSize() throws {
        let gazetteer = try Self.gazetteerResult.get()
        let batch = Self.items(200)
        let reference = try ParallelAnnotator(gazetteer: gazetteer, jobs: 1).annotate(batch)
        #expect(reference.filter { $0 == 0x0A }.count == 200)
        for jobs in [2, 3] {
            for documents in [1, 3, 64] {
                let annotator = try ParallelAnnotator(gazetteer: gazetteer, jobs: jobs)
                annotator.maxBatchDocuments = documents
                #expect(annotator.annotate(batch) == reference, "jobs \(jobs), batches of \(documents)")
                #expect(annotator.annotate(batch) == reference, "a second run of the same annotator")
            }
        }
    }

    @Test func serialOutputComesInPieces() throws {
        let gazetteer = try Self.gazetteerResult.get()
        let batch = Self.items(50)
        let reference = try ParallelAnnotator(gazetteer: gazetteer, jobs: 1).annotate(batch)
        let annotator = try ParallelAnnotator(gazetteer: gazetteer, jobs: 1)
        annotator.emitBytes = 100
        #expect(annotator.annotate(batch) == reference)
    }

    @Test func summaryCountsEveryDocumentOnce() throws {
        let folder = NSTemporaryDirectory() + "/parallel-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines = ""
        for i in 0..<100 { lines += i % 10 == 5 ? "\n" : "{\"id\":\(i),\"text\":\"Aliyev spoke in Baku.\"}\n" }
        try lines.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        for jobs in [1, 2] {
            var reader = try DocumentReader(paths: [folder + "/in.jsonl"])
            let annotator = try ParallelAnnotator(gazetteer: try Self.gazetteerResult.get(), jobs: jobs)
            annotator.maxBatchDocuments = 7
            var out: [UInt8] = []
            let summary = try annotator.run(reader: &reader) { out.append(contentsOf: $0) }
            #expect(summary.documents == 100 && summary.errors == 10)
            #expect(summary.inputBytes == 90 * "Aliyev spoke in Baku.".utf8.count)
            #expect(out.filter { $0 == 0x0A }.count == 100)
        }
    }

    struct Closed: Error {}

    @Test func failingOutputStopsTheWorkers() throws {
        let folder = NSTemporaryDirectory() + "/parallel-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines = ""
        for i in 0..<2000 { lines += "{\"id\":\(i),\"text\":\"Aliyev spoke in Baku.\"}\n" }
        try lines.write(toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        var reader = try DocumentReader(paths: [folder + "/in.jsonl"])
        let annotator = try ParallelAnnotator(gazetteer: try Self.gazetteerResult.get(), jobs: 2)
        annotator.maxBatchDocuments = 5
        var calls = 0
        #expect(throws: Closed.self) {
            _ = try annotator.run(reader: &reader) { _ in
                calls += 1
                if calls == 3 { throw Closed() }
            }
        }
        #expect(calls == 3)
        // The reader was handed back: it goes on where the workers stopped, well before the end of the input.
        var rest = 0
        while reader.next() != nil { rest += 1 }
        #expect(rest > 0 && rest < 2000)
    }
}
