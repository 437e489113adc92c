/// Runs the pipeline over a stream of documents on several threads and hands the output lines back in input order.
///
/// With one job everything happens on the calling thread. With more, `jobs` worker threads each take the next small
/// batch from the reader (under a lock, so reading overlaps the other workers' annotating), annotate it with their own
/// `Pipeline` and hand its lines to the calling thread, which emits batches strictly in input order. A worker never
/// runs more than `maxBatchesInFlight` batches ahead of the writer, so memory stays flat whatever the input's size.
/// Each document's line depends only on that document, so the output is byte-identical for any number of jobs.
public final class ParallelAnnotator {
    public struct Summary: Sendable {
        public var documents = 0
        public var errors = 0
        public var inputBytes = 0
        public var profile = StageProfile()
    }

    /// One per worker; a worker makes its own when it first gets a batch, so a one-document run opens one ICU sentence
    /// breaker, not one per core. Touched by workers only under the exchange's lock, otherwise only between runs.
    private var pipelines: [Pipeline?]
    private let gazetteer: Gazetteer
    private let profiling: Bool
    public let jobs: Int
    /// A batch, the unit a worker takes, ends at this many documents or once it holds `maxBatchBytes` of text. Small
    /// batches keep the workers evenly loaded to the end of the input; a lock round trip per batch costs nothing.
    public var maxBatchDocuments = 64
    public var maxBatchBytes = 256 << 10
    /// With one job, output is handed to `emit` in pieces of about this size.
    public var emitBytes = 1 << 20

    private var maxBatchesInFlight: Int { 4 * jobs }

    /// `firstSplitter`, when given, serves the first worker (it may have been opened while the gazetteer was built).
    public init(gazetteer: Gazetteer, jobs: Int, profile: Bool = false, firstSplitter: SentenceSplitter? = nil) throws {
        self.jobs = max(1, jobs)
        self.gazetteer = gazetteer
        self.profiling = profile
        let first = try Pipeline(gazetteer: gazetteer, sentences: firstSplitter)
        if profile { first.profile = StageProfile() }
        pipelines = [first] + [Pipeline?](repeating: nil, count: self.jobs - 1)
    }

    /// Reads every document from `reader`, annotates it, and passes the output bytes to `emit` in input order, whole
    /// lines at a time. Stops early, rethrowing, when `emit` throws (say, the output pipe closed).
    public func run(reader: inout DocumentReader, emit: ([UInt8]) throws -> Void) throws -> Summary {
        var summary: Summary
        if jobs == 1 {
            summary = try runSerially(next: { reader.next() }, emit: emit)
        } else {
            let box = ReaderBox(reader)
            defer { reader = box.reader }
            summary = try runInParallel(next: { box.reader.next() }, emit: emit)
        }
        for case let p? in pipelines {
            if let profile = p.profile { summary.profile.add(profile) }
        }
        return summary
    }

    /// The output lines of a batch, concatenated in input order.
    public func annotate(_ batch: [InputItem]) -> [UInt8] {
        let box = ArrayBox(batch)
        var out: [UInt8] = []
        let emit: ([UInt8]) -> Void = { out.append(contentsOf: $0) }
        if jobs == 1 {
            _ = try? runSerially(next: { box.next() }, emit: emit)
        } else {
            _ = try? runInParallel(next: { box.next() }, emit: emit)
        }
        return out
    }

    private func runSerially(next: () -> InputItem?, emit: ([UInt8]) throws -> Void) throws -> Summary {
        var summary = Summary()
        let pipeline = pipelines[0]!
        var out = JSONBuffer(capacity: emitBytes + (64 << 10))
        while let item = next() {
            summary.count(item)
            pipeline.process(item, into: &out)
            if out.count >= emitBytes { try emit(out.take()) }
        }
        if out.count > 0 { try emit(out.take()) }
        return summary
    }

    private func runInParallel(next: @escaping () -> InputItem?, emit: ([UInt8]) throws -> Void) throws -> Summary {
        let exchange = BatchExchange(next: next, maxBatchesInFlight: maxBatchesInFlight)
        var threads: [WorkerThread] = []
        for w in 0..<jobs {
            // A thread the system refuses leaves fewer workers, never a lost document.
            if let thread = WorkerThread.start({ [self] in work(w, exchange) }) { threads.append(thread) }
        }
        guard !threads.isEmpty else { return try runSerially(next: next, emit: emit) }
        defer { for thread in threads { thread.join() } }
        do {
            while let bytes = exchange.nextOutput() { try emit(bytes) }
        } catch {
            exchange.cancel()
            throw error
        }
        return exchange.summary
    }

    /// One worker's loop: take a batch, annotate it outside the lock, hand its lines over; until the input ends.
    private func work(_ w: Int, _ exchange: BatchExchange) {
        exchange.lock.lock()
        var pipeline = pipelines[w]
        exchange.lock.unlock()
        if pipeline == nil {
            // Opened only once the input proves longer than one batch; a worker without one (ICU refused) stops.
            guard exchange.waitForASecondBatch() else { return }
            let made = try? Pipeline(gazetteer: gazetteer)
            guard let made else { return }
            if profiling { made.profile = StageProfile() }
            exchange.lock.lock()
            pipelines[w] = made
            exchange.lock.unlock()
            pipeline = made
        }
        var batch: [InputItem] = []
        var out = JSONBuffer(capacity: maxBatchBytes * 3)
        while let sequence = exchange.takeBatch(into: &batch, maxDocuments: maxBatchDocuments, maxBytes: maxBatchBytes) {
            for item in batch { pipeline!.process(item, into: &out) }
            // The documents are released here, on the thread that made them, before the next batch is read.
            batch.removeAll(keepingCapacity: true)
            exchange.deliver(out.take(), for: sequence)
        }
    }
}

extension ParallelAnnotator.Summary {
    mutating func count(_ item: InputItem) {
        documents += 1
        switch item {
        case let .document(doc): inputBytes += doc.original.count
        case .failure: errors += 1
        }
    }
}

/// The reader, moved into a class so that the workers can share it (only ever under the exchange's lock).
private final class ReaderBox: @unchecked Sendable {
    var reader: DocumentReader
    init(_ reader: DocumentReader) { self.reader = reader }
}

/// An array's items as a stream, for `annotate(_:)`.
private final class ArrayBox: @unchecked Sendable {
    let items: [InputItem]
    var index = 0
    init(_ items: [InputItem]) { self.items = items }
    func next() -> InputItem? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}
