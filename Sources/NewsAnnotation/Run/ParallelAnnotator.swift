import Dispatch

/// Runs the pipeline over a stream of documents on several threads and hands the output lines back in input order.
///
/// Documents are read in batches (bounded by count and bytes, so memory stays flat whatever the input's size); the
/// workers annotate a batch in parallel, each with its own `Pipeline`; the batch's lines are then emitted in order.
/// Each document's line depends only on that document, so the output is byte-identical for any number of jobs.
public final class ParallelAnnotator {
    public struct Summary: Sendable {
        public var documents = 0
        public var errors = 0
        public var inputBytes = 0
        public var profile = StageProfile()
    }

    /// One per worker, made when a batch first needs that many workers: a one-document run opens one ICU
    /// sentence breaker, not one per core.
    private var pipelines: [Pipeline] = []
    private let gazetteer: Gazetteer
    private let profiling: Bool
    public let jobs: Int
    public var maxBatchDocuments = 256
    public var maxBatchBytes = 8 << 20

    /// `firstSplitter`, when given, serves the first worker (it may have been opened while the gazetteer was built).
    public init(gazetteer: Gazetteer, jobs: Int, profile: Bool = false, firstSplitter: SentenceSplitter? = nil) throws {
        self.jobs = max(1, jobs)
        self.gazetteer = gazetteer
        self.profiling = profile
        let first = try Pipeline(gazetteer: gazetteer, sentences: firstSplitter)
        if profile { first.profile = StageProfile() }
        pipelines.append(first)
    }

    private func ensurePipelines(_ count: Int) throws {
        while pipelines.count < count {
            let p = try Pipeline(gazetteer: gazetteer)
            if profiling { p.profile = StageProfile() }
            pipelines.append(p)
        }
    }

    /// Reads every document from `reader`, annotates it, and passes each batch's output bytes to `emit` in order.
    /// Stops early, rethrowing, when `emit` throws (say, the output pipe closed).
    public func run(reader: inout DocumentReader, emit: ([UInt8]) throws -> Void) throws -> Summary {
        var summary = Summary()
        var batch: [InputItem] = []
        var batchBytes = 0
        var done = false
        while !done {
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            while batch.count < maxBatchDocuments && batchBytes < maxBatchBytes {
                guard let item = reader.next() else {
                    done = true
                    break
                }
                switch item {
                case let .document(doc):
                    batchBytes += doc.original.count
                case .failure:
                    summary.errors += 1
                }
                batch.append(item)
            }
            guard !batch.isEmpty else { break }
            summary.documents += batch.count
            summary.inputBytes += batchBytes
            try emit(annotate(batch))
        }
        for p in pipelines {
            if let profile = p.profile { summary.profile.add(profile) }
        }
        return summary
    }

    /// The output lines of a batch, concatenated in input order.
    public func annotate(_ batch: [InputItem]) -> [UInt8] {
        // Pipelines that cannot be made (ICU refused) leave fewer workers, never a lost document.
        try? ensurePipelines(min(jobs, batch.count))
        let workers = min(jobs, batch.count, pipelines.count)
        if workers <= 1 {
            var out = JSONBuffer(capacity: 1 << 16)
            for item in batch { pipelines[0].process(item, into: &out) }
            return out.bytes
        }
        // Worker w takes items w, w + workers, …; each writes only its own slots and uses only its own pipeline.
        let results = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: batch.count)
        results.initialize(repeating: [])
        defer {
            // Release the lines before the memory that holds them, or every batch leaks its output.
            results.deinitialize()
            results.deallocate()
        }
        let shared = SharedBatch(items: batch, results: results, pipelines: pipelines)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var index = w
            while index < shared.items.count {
                var out = JSONBuffer(capacity: 4096)
                shared.pipelines[w].process(shared.items[index], into: &out)
                shared.results[index] = out.bytes
                index += workers
            }
        }
        var total = 0
        for r in results { total += r.count }
        var out: [UInt8] = []
        out.reserveCapacity(total)
        for r in results { out.append(contentsOf: r) }
        return out
    }
}

/// What the workers of one batch share. Safe to send: each worker touches only the result slots and the pipeline of
/// its own index, and the items are only read.
private struct SharedBatch: @unchecked Sendable {
    let items: [InputItem]
    let results: UnsafeMutableBufferPointer<[UInt8]>
    let pipelines: [Pipeline]
}
