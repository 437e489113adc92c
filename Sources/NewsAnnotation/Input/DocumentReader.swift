#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the documents named by the command line, in order: `.txt` files (id = file name without `.txt`), folders
/// (their `.txt` files in byte order of name), JSONL files and standard input (`-`). Every document becomes exactly
/// one `InputItem`; one that cannot be read is a `.failure`, never a gap.
public struct DocumentReader {
    enum Source {
        /// `path` is raw bytes: a folder entry's name need not be UTF-8 (a Latin-1 name still opens); `name`, which
        /// gives the id, is the name as UTF-8 (invalid bytes become U+FFFD).
        case textFile(path: [UInt8], name: String)
        case jsonl(path: String)  // "-" is standard input
    }

    private var sources: [Source]
    private var sourceIndex = 0
    private var lines: LineReader?
    private var linesFD: Int32 = -1
    private var lineNumber = 0
    private var currentPath = ""
    public let limits: ReaderLimits
    private let parser = JSONRecordParser()

    /// Plans the sources. Throws when a path does not exist or a folder cannot be listed: nothing has been written yet,
    /// and the message says what to fix.
    public init(paths: [String], limits: ReaderLimits = ReaderLimits()) throws {
        self.limits = limits
        var planned: [Source] = []
        for path in paths.isEmpty ? ["-"] : paths {
            if path == "-" {
                planned.append(.jsonl(path: "-"))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw InputError("cannot open '\(path)': \(String(cString: strerror(errno))); give a .txt file, a folder of .txt files, a .jsonl file or - for standard input")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let folder = Array((path.hasSuffix("/") ? path : path + "/").utf8)
                for name in try Self.textFileNames(in: path) {
                    planned.append(.textFile(path: folder + name, name: String(decoding: name, as: UTF8.self)))
                }
            } else if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
                planned.append(.jsonl(path: path))
            } else {
                let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
                planned.append(.textFile(path: Array(path.utf8), name: name))
            }
        }
        self.sources = planned
    }

    /// The `.txt` files of a folder, in byte order of their names.
    static func textFiles(in folder: String) throws -> [String] {
        try textFileNames(in: folder).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names of the `.txt` files of a folder as raw bytes, in byte order.
    static func textFileNames(in folder: String) throws -> [[UInt8]] {
        guard let dir = opendir(folder) else {
            throw InputError("cannot list folder '\(folder)': \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let bytes = raw.bindMemory(to: UInt8.self)
                let n = bytes.firstIndex(of: 0) ?? bytes.count
                return Array(bytes[0..<n])
            }
            guard name.count > 4, name.suffix(4).elementsEqual(".txt".utf8), name.first != UInt8(ascii: ".") else { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return names
    }

    /// The next document, or nil at the end of the input.
    public mutating func next() -> InputItem? {
        while true {
            if lines != nil {
                if let item = nextLine() { return item }
                continue
            }
            guard sourceIndex < sources.count else { return nil }
            let source = sources[sourceIndex]
            sourceIndex += 1
            switch source {
            case let .textFile(path, name):
                return readTextFile(path: path, name: name)
            case let .jsonl(path):
                if path == "-" {
                    linesFD = 0
                } else {
                    linesFD = open(path, O_RDONLY)
                    if linesFD < 0 {
                        // The whole file is unreadable: one record says so (its documents cannot be counted).
                        let message = "cannot read '\(path)': \(String(cString: strerror(errno)))"
                        return .failure(DocumentFailure(idJSON: JSONBuffer.quoted(Array(path.utf8)),
                                                        error: DocumentError(.unreadableFile, message)))
                    }
                }
                currentPath = path
                lineNumber = 0
                lines = LineReader(fd: linesFD, maxLineBytes: limits.maxLineBytes)
            }
        }
    }

    private mutating func nextLine() -> InputItem? {
        // Taken out while it lends a line, so the line can be read while this reader counts it.
        var reader = lines!
        lines = nil
        let next = reader.withNextLine { line -> InputItem in
            lineNumber += 1
            switch line {
            case let .tooLong(length):
                return .failure(DocumentFailure(idJSON: Array("null".utf8), error: DocumentError(
                    .lineTooLong, "line \(lineNumber) has \(length) bytes, more than --max-line-bytes \(limits.maxLineBytes)")))
            case let .line(bytes, terminated):
                // A byte order mark before the first record (files saved by some Windows editors) is not part of it.
                if lineNumber == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                    return item(line: UnsafeBufferPointer(rebasing: bytes[3...]), terminated: terminated)
                }
                return item(line: bytes, terminated: terminated)
            }
        }
        lines = reader
        guard let next else {
            let error = reader.readError
            if linesFD > 0 { close(linesFD) }
            lines = nil
            linesFD = -1
            if error != 0 {
                let message = "reading '\(currentPath)' failed after line \(lineNumber): \(String(cString: strerror(error)))"
                return .failure(DocumentFailure(idJSON: Array("null".utf8), error: DocumentError(.unreadableFile, message)))
            }
            return nil
        }
        return next
    }

    private func item(line: UnsafeBufferPointer<UInt8>, terminated: Bool) -> InputItem {
        let null = Array("null".utf8)
        if let bad = UTF8Validation.firstInvalidOffset(line) {
            var id = parser.salvageID(line) ?? null
            if UTF8Validation.firstInvalidOffset(id) != nil { id = null }
            if !terminated && UTF8Validation.isCutSequence(line, at: bad) {
                // The last line ends inside a character: the input was cut off, not mis-encoded.
                return .failure(DocumentFailure(idJSON: id, error: DocumentError(
                    .truncatedLine, "the last line (\(lineNumber)) has no newline and ends inside a UTF-8 character: the input looks cut off")))
            }
            return .failure(DocumentFailure(idJSON: id, error: DocumentError(
                .invalidUTF8, "line \(lineNumber) is not valid UTF-8 (byte \(bad))")))
        }
        switch parser.parse(line) {
        case let .failure(error):
            var error = error
            if error.code == .invalidJSON && !terminated {
                error = DocumentError(.truncatedLine, "the last line (\(lineNumber)) has no newline and is not complete JSON: the input looks cut off")
            } else if error.code == .emptyLine {
                error.message = "line \(lineNumber) is empty"
            }
            return .failure(DocumentFailure(idJSON: parser.salvageID(line) ?? null, error: error))
        case let .success(record):
            let id = record.idJSON ?? null
            switch record.text {
            case let .failure(error):
                return .failure(DocumentFailure(idJSON: id, error: error))
            case let .success(text):
                if text.count > limits.maxDocumentBytes {
                    return .failure(DocumentFailure(idJSON: id, error: DocumentError(
                        .documentTooLarge, "the text has \(text.count) bytes, more than --max-document-bytes \(limits.maxDocumentBytes)")))
                }
                return .document(Document(idJSON: id, original: text, passthroughJSON: record.passthrough))
            }
        }
    }

    private func readTextFile(path rawPath: [UInt8], name: String) -> InputItem {
        let base = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        let id = JSONBuffer.quoted(Array(base.utf8))
        let path = String(decoding: rawPath, as: UTF8.self)  // for messages
        func failure(_ code: DocumentError.Code, _ message: String) -> InputItem {
            .failure(DocumentFailure(idJSON: id, error: DocumentError(code, message)))
        }
        let fd = (rawPath + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY) }
        }
        guard fd >= 0 else { return failure(.unreadableFile, "cannot read '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failure(.unreadableFile, "cannot read '\(path)': \(String(cString: strerror(errno)))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { return failure(.unreadableFile, "'\(path)' is a folder") }
        let size = Int(info.st_size)
        if size > limits.maxDocumentBytes {
            return failure(.documentTooLarge, "'\(path)' has \(size) bytes, more than --max-document-bytes \(limits.maxDocumentBytes)")
        }
        // Read to the end, not to the size stat gave: a file may grow, or be a pipe.
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limits.maxDocumentBytes else {
                    return failure(.documentTooLarge, "'\(path)' has more than --max-document-bytes \(limits.maxDocumentBytes) bytes")
                }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return failure(.unreadableFile, "cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        if count > limits.maxDocumentBytes {
            return failure(.documentTooLarge, "'\(path)' has \(count) bytes, more than --max-document-bytes \(limits.maxDocumentBytes)")
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            return failure(.invalidUTF8, "'\(path)' is not valid UTF-8 (byte \(bad))")
        }
        return .document(Document(idJSON: id, original: bytes))
    }
}
