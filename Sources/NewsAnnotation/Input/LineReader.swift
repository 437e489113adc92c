#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `\n`-terminated lines from a file descriptor in large chunks, with a cap on line length that holds memory
/// flat: a longer line is skipped to its newline without being buffered, and reported as too long.
public struct LineReader {
    public enum Line {
        /// A line without its `\n`; `terminated` is false for a last line that has no newline.
        case line([UInt8], terminated: Bool)
        /// A line longer than the cap; its bytes were skipped.
        case tooLong(length: Int)
    }

    private let fd: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    public private(set) var readError: Int32 = 0

    public init(fd: Int32, maxLineBytes: Int, chunkSize: Int = 1 << 20) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 4096))
    }

    public mutating func next() -> Line? {
        switch nextExtent() {
        case nil: return nil
        case let .tooLong(length): return .tooLong(length: length)
        case let .line(from, to, terminated): return .line(Array(buffer[from..<to]), terminated: terminated)
        }
    }

    /// A line as `next()` gives it, but its bytes lent in place: valid only inside `body`.
    public enum BorrowedLine {
        case line(UnsafeBufferPointer<UInt8>, terminated: Bool)
        case tooLong(length: Int)
    }

    /// The next line lent to `body` without a copy of its own (the reader's documents are copied out of it anyway:
    /// the decoded text, the id, the passthrough members); nil at the end of the input.
    public mutating func withNextLine<R>(_ body: (BorrowedLine) -> R) -> R? {
        switch nextExtent() {
        case nil: return nil
        case let .tooLong(length): return body(.tooLong(length: length))
        case let .line(from, to, terminated):
            return buffer.withUnsafeBufferPointer {
                body(.line(UnsafeBufferPointer(rebasing: $0[from..<to]), terminated: terminated))
            }
        }
    }

    private enum Extent {
        case line(Int, Int, terminated: Bool)
        case tooLong(Int)
    }

    /// Where the next line lies in `buffer` (which stays as it is until the next call).
    private mutating func nextExtent() -> Extent? {
        var skipped = 0  // bytes of an over-long line already dropped
        var scanFrom = start
        while true {
            if let nl = findNewline(from: scanFrom) {
                let length = skipped + (nl - start)
                defer { start = nl + 1 }
                if skipped > 0 || length > maxLineBytes { return .tooLong(length) }
                return .line(start, nl, terminated: true)
            }
            if eof {
                guard start < end || skipped > 0 else { return nil }
                let length = skipped + (end - start)
                defer { start = end }
                if skipped > 0 || length > maxLineBytes { return .tooLong(length) }
                return .line(start, end, terminated: false)
            }
            // No newline in what is buffered: make room and read more.
            if end - start > maxLineBytes {
                skipped += end - start
                start = 0
                end = 0
            } else if start > 0 {
                let pending = end - start
                if pending > 0 {
                    buffer.withUnsafeMutableBufferPointer { b in
                        _ = memmove(b.baseAddress!, b.baseAddress! + start, pending)
                    }
                }
                start = 0
                end = pending
            }
            if end == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            scanFrom = end
            let n = buffer.withUnsafeMutableBufferPointer { b in
                read(fd, b.baseAddress! + end, b.count - end)
            }
            if n < 0 {
                if errno == EINTR { continue }
                readError = errno
                eof = true
            } else if n == 0 {
                eof = true
            } else {
                end += n
            }
        }
    }

    private func findNewline(from: Int) -> Int? {
        guard from < end else { return nil }
        return buffer.withUnsafeBufferPointer { b -> Int? in
            guard let p = memchr(b.baseAddress! + from, 0x0A, end - from) else { return nil }
            return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }
}
