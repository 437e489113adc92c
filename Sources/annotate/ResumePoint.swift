import NewsAnnotation

/// Where an interrupted run stopped: the whole lines already in the output file. A last line cut off mid-record is
/// dropped (its document is annotated again); every kept line must be a complete JSON object.
struct ResumePoint {
    var lines: Int
    var bytes: Int

    /// Nil when the file does not exist yet (nothing to resume: start from the beginning).
    static func find(in path: String) throws -> ResumePoint? {
        guard let contents = FileBytes.read(path) else { return nil }
        var end = contents.count
        while end > 0 && contents[end - 1] != 0x0A { end -= 1 }
        var lines = 0
        let parser = JSONRecordParser()
        var start = 0
        try contents.withUnsafeBufferPointer { buffer in
            for i in 0..<end where buffer[i] == 0x0A {
                let line = UnsafeBufferPointer(rebasing: buffer[start..<i])
                if case let .failure(error) = parser.parse(line), error.code != .missingText {
                    throw RunFailure("cannot resume: line \(lines + 1) of '\(path)' is not a whole JSON record (\(error.message)); the file was not written by annotate, or was changed")
                }
                lines += 1
                start = i + 1
            }
        }
        return ResumePoint(lines: lines, bytes: end)
    }
}
