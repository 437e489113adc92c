/// Where the workers of `ParallelAnnotator` take batches of input and leave their output, and where the writer picks
/// the output up in input order. Every field is guarded by `lock`.
final class BatchExchange: @unchecked Sendable {
    let lock = ConditionLock()
    private let next: () -> InputItem?
    private let maxBatchesInFlight: Int
    private var exhausted = false
    private var cancelled = false
    /// Batches are numbered in input order: the next one to hand out, and the next one the writer wants.
    private var nextToRead = 0
    private var nextToWrite = 0
    private var ready: [Int: [UInt8]] = [:]
    private(set) var summary = ParallelAnnotator.Summary()

    init(next: @escaping () -> InputItem?, maxBatchesInFlight: Int) {
        self.next = next
        self.maxBatchesInFlight = maxBatchesInFlight
    }

    /// Fills `batch` with the next documents and returns its number, or nil when the input is over or the run was
    /// cancelled. Waits while the writer is `maxBatchesInFlight` batches behind: that bounds memory.
    func takeBatch(into batch: inout [InputItem], maxDocuments: Int, maxBytes: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        while !exhausted && !cancelled && nextToRead - nextToWrite >= maxBatchesInFlight { lock.wait() }
        guard !exhausted && !cancelled else { return nil }
        var bytes = 0
        while batch.count < maxDocuments && bytes < maxBytes {
            guard let item = next() else {
                exhausted = true
                // The writer may be waiting to learn that no more batches come.
                lock.broadcast()
                break
            }
            summary.count(item)
            if case let .document(doc) = item { bytes += doc.original.count }
            batch.append(item)
        }
        guard !batch.isEmpty else { return nil }
        defer { nextToRead += 1 }
        if nextToRead == 0 { lock.broadcast() }  // workers wait for the first batch in `waitForASecondBatch`
        return nextToRead
    }

    /// Whether the input holds more than the first batch: waits until the first batch has been taken, and says
    /// whether more may follow. A worker opens its pipeline only then, so a tiny input costs one pipeline.
    func waitForASecondBatch() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while nextToRead == 0 && !exhausted && !cancelled { lock.wait() }
        return !exhausted && !cancelled
    }

    func deliver(_ output: [UInt8], for sequence: Int) {
        lock.lock()
        ready[sequence] = output
        lock.broadcast()
        lock.unlock()
    }

    /// The next batch's output in input order, waiting for it; nil once every batch has been written.
    func nextOutput() -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let output = ready.removeValue(forKey: nextToWrite) {
                nextToWrite += 1
                lock.broadcast()
                return output
            }
            if exhausted && nextToWrite == nextToRead { return nil }
            lock.wait()
        }
    }

    /// Stops the workers after their current batch (the output can no longer be written).
    func cancel() {
        lock.lock()
        cancelled = true
        lock.broadcast()
        lock.unlock()
    }
}
