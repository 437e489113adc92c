#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the JSON lines go: standard output, or a file written under a temporary name beside it and renamed into
/// place only when the run completes, so a reader never sees a half-written file under the real name.
final class OutputFile {
    enum Failure: Error {
        /// The reader of standard output went away (`annotate … | head -1`): stop quietly.
        case brokenPipe
        case io(String)
    }

    private let fd: Int32
    let path: String?
    private let temporaryPath: String?

    /// Standard output.
    init() {
        fd = 1
        path = nil
        temporaryPath = nil
    }

    /// A file, through a temporary file in the same folder. With `keepingPrefixOf`, the temporary file starts as a copy
    /// of the first `keepingPrefixOf` bytes of the existing file (for `--resume`).
    init(path: String, keepingPrefixOf existingBytes: Int? = nil) throws {
        self.path = path
        let temporary = path + ".partial-\(getpid())"
        temporaryPath = temporary
        // Handlers first: a signal that arrives just after the file is created must still remove it.
        SignalCleanup.register(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            SignalCleanup.unregister()
            throw Failure.io("cannot write '\(temporary)': \(reason); check that the folder of --output exists and is writable")
        }
        self.fd = fd
        if let keep = existingBytes, keep > 0 {
            do {
                try copyPrefix(of: path, bytes: keep)
            } catch {
                abandon()  // no temporary file is left when resuming fails
                throw error
            }
        }
    }

    private func copyPrefix(of source: String, bytes: Int) throws {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw Failure.io("cannot read '\(source)' to resume: \(String(cString: strerror(errno)))") }
        defer { close(input) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var left = bytes
        while left > 0 {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, min(left, $0.count)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure.io("'\(source)' ended early while resuming") }
            try write(Array(buffer[0..<n]))
            left -= n
        }
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw Failure.brokenPipe }
                throw Failure.io("writing the output failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Makes the output final: renames the temporary file into place.
    func finish() throws {
        guard let temporary = temporaryPath, let path else { return }
        guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
            throw Failure.io("closing '\(temporary)' failed: \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            throw Failure.io("cannot rename '\(temporary)' to '\(path)': \(String(cString: strerror(errno)))")
        }
        SignalCleanup.unregister()
    }

    /// Removes the temporary file of an unfinished run.
    func abandon() {
        guard let temporary = temporaryPath else { return }
        close(fd)
        unlink(temporary)
        SignalCleanup.unregister()
    }
}

/// Removes the temporary output file when the run is interrupted (Ctrl-C, SIGTERM), so no half-written file is left.
enum SignalCleanup {
    /// The path, as a C string the signal handler can read without allocating.
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

    static func register(_ temporary: String) {
        path = strdup(temporary)
        signal(SIGINT, onSignal)
        signal(SIGTERM, onSignal)
        signal(SIGHUP, onSignal)
    }

    static func unregister() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
        if let p = path { free(p) }
        path = nil
    }
}

private func onSignal(_ signal: Int32) {
    if let p = SignalCleanup.path { unlink(p) }
    _exit(128 + signal)
}
