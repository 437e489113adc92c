import Foundation
import Testing
@testable import NewsAnnotation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `annotate` binary: the sibling of the test bundle in the build folder.
@Suite("annotate command line", .enabled(if: AnnotateBinary.path != nil,
                                          "the annotate binary is not next to the test bundle: run `swift build` first"))
struct CLITests {
    static var binary: String? { AnnotateBinary.path }
}

enum AnnotateBinary {
    static let path: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        var candidates: [String] = []
        if n > 0 {
            let exe = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var folder = (exe as NSString).deletingLastPathComponent
            // The test binary may sit inside a bundle folder (Foo.xctest/…); walk up to the build folder.
            for _ in 0..<4 {
                candidates.append(folder + "/annotate")
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        candidates.append(Bundle.main.bundlePath + "/annotate")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

extension CLITests {

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    /// Runs annotate to completion, feeding `stdin`; collects both streams.
    func run(_ arguments: [String], stdin: [UInt8] = [], in folder: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Drain both streams on their own threads so a full pipe never blocks the child.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                group.leave()
            }
        }
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: [UInt8](collected.out),
                      stderr: String(decoding: collected.err, as: UTF8.self))
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var _out = Data(), _err = Data()
        func set(_ data: Data, isOut: Bool) {
            lock.lock()
            if isOut { _out = data } else { _err = data }
            lock.unlock()
        }
        var out: Data { lock.lock(); defer { lock.unlock() }; return _out }
        var err: Data { lock.lock(); defer { lock.unlock() }; return _err }
    }

    /// A JSONL input with annotated documents and error records mixed.
    func sampleInput(documents: Int) -> [UInt8] {
        var lines: [[UInt8]] = []
        for i in 0..<documents {
            switch i % 10 {
            case 3: lines.append(Array("{\"id\":\(i),\"text\":\"bad \\udc00\"}".utf8))
            case 7: lines.append(Array("{\"id\":\(i)}".utf8))
            default:
                lines.append(IOKit.jsonLine(id: "doc-\(i)", text:
                    "Kenya\u{2019}s President William Ruto met Emmanuel Macron in Paris on Monday, document \(i). "
                    + "\u{201C}We agreed on trade,\u{201D} Ruto told Reuters. Caf\u{E9}s in Nairobi stayed open.\r\n"))
            }
        }
        return IOKit.joinLines(lines)
    }

    func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func outputToStandardOutputIsTheSameForOneAndTwoJobsAndForStdinAndAFile() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        let input = sampleInput(documents: 40)
        try IOKit.write(input, to: folder + "/in.jsonl")
        let one = try run(["-q", "--jobs", "1", folder + "/in.jsonl"])
        let two = try run(["-q", "--jobs", "2", folder + "/in.jsonl"])
        let piped = try run(["-q", "-"], stdin: input)
        #expect(one.status == 0 && two.status == 0 && piped.status == 0)
        #expect(one.stderr.isEmpty)
        #expect(IOKit.lines(one.stdout).count == 40)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == piped.stdout)
        #expect(one.stdout == (try IOKit.annotate(paths: [folder + "/in.jsonl"])), "CLI and library agree")
    }

    @Test func outputFileIsCompleteAndLeavesNoTemporaryFile() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        try IOKit.write(sampleInput(documents: 30), to: folder + "/in.jsonl")
        try IOKit.write(Array("old contents\n".utf8), to: folder + "/out.jsonl")
        let result = try run(["--output", folder + "/out.jsonl", folder + "/in.jsonl"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("30 documents"))
        #expect(files(in: folder) == ["in.jsonl", "out.jsonl"])
        let stdoutRun = try run(["-q", folder + "/in.jsonl"])
        #expect(try IOKit.read(folder + "/out.jsonl") == stdoutRun.stdout)
    }

    @Test func aRunKilledMidwayLeavesTheOldOutputUntouchedAndNoTemporaryFile() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        let old = Array("{\"id\":\"old\",\"entities\":[],\"quotes\":[]}\n".utf8)
        try IOKit.write(old, to: folder + "/out.jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = ["-q", "--output", folder + "/out.jsonl", "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // The child inherits the signal mask of the thread that starts it, and the test runner's threads block
        // SIGTERM: unblock it on this thread while starting the child, as a shell would have it.
        var unblock = sigset_t(), saved = sigset_t()
        sigemptyset(&unblock)
        for s in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&unblock, s) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
        // Feed some documents but keep standard input open: the run cannot finish.
        input.fileHandleForWriting.write(Data(sampleInput(documents: 5)))
        var sawPartial = false
        for _ in 0..<500 {
            if files(in: folder).contains(where: { $0.hasPrefix("out.jsonl.partial") }) {
                sawPartial = true
                break
            }
            usleep(10_000)
        }
        #expect(sawPartial, "the output is written under a temporary name first")
        #expect(try IOKit.read(folder + "/out.jsonl") == old, "the real name is untouched while the run goes on")
        process.terminate()
        var waited = 0
        while process.isRunning && waited < 1000 {
            usleep(10_000)
            waited += 1
        }
        if process.isRunning {
            Issue.record("annotate did not stop on SIGTERM")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationStatus != 0)
        #expect(files(in: folder) == ["out.jsonl"], "the temporary file is removed")
        #expect(try IOKit.read(folder + "/out.jsonl") == old)
    }

    @Test(arguments: [0, 1, 37, 50, 99])
    func resumeAfterATruncatedOutputGivesTheSameBytesAsAFullRun(percent: Int) throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        try IOKit.write(sampleInput(documents: 60), to: folder + "/in.jsonl")
        let full = try run(["-q", "--output", folder + "/full.jsonl", folder + "/in.jsonl"])
        #expect(full.status == 0)
        let expected = try IOKit.read(folder + "/full.jsonl")
        // Cut the output mid-line (a run killed while writing).
        let cut = expected.count * percent / 100
        try IOKit.write(Array(expected.prefix(cut)), to: folder + "/out.jsonl")
        let resumed = try run(["--resume", "--output", folder + "/out.jsonl", folder + "/in.jsonl"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try IOKit.read(folder + "/out.jsonl") == expected)
        #expect(files(in: folder) == ["full.jsonl", "in.jsonl", "out.jsonl"])
        let done = IOKit.lines(Array(expected.prefix(cut))).count - (cut > 0 && expected[cut - 1] != 0x0A ? 1 : 0)
        if done > 0 { #expect(resumed.stderr.contains("\(done) already done"), "\(resumed.stderr)") }
    }

    @Test func resumeWithoutAnExistingOutputStartsFromTheBeginning() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        try IOKit.write(sampleInput(documents: 12), to: folder + "/in.jsonl")
        let resumed = try run(["-q", "--resume", "--output", folder + "/out.jsonl", folder + "/in.jsonl"])
        #expect(resumed.status == 0)
        #expect(try IOKit.read(folder + "/out.jsonl") == (try run(["-q", folder + "/in.jsonl"])).stdout)
    }

    @Test func resumeRefusesAFileThatAnnotateDidNotWrite() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        try IOKit.write(sampleInput(documents: 5), to: folder + "/in.jsonl")
        let precious = Array("this is not JSON\n{\"id\":1}\n".utf8)
        try IOKit.write(precious, to: folder + "/out.jsonl")
        let resumed = try run(["-q", "--resume", "--output", folder + "/out.jsonl", folder + "/in.jsonl"])
        #expect(resumed.status != 0)
        #expect(resumed.stderr.contains("cannot resume"))
        #expect(try IOKit.read(folder + "/out.jsonl") == precious)
        #expect(files(in: folder) == ["in.jsonl", "out.jsonl"])
    }

    @Test func aClosedOutputPipeEndsTheRunQuietly() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        // Enough output to fill the pipe many times over, so the writer must meet the closed pipe.
        try IOKit.write(sampleInput(documents: 3000), to: folder + "/in.jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = ["--jobs", "2", folder + "/in.jsonl"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // `head -1`: read one line, then close the pipe.
        var first: [UInt8] = []
        while !first.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first += chunk
        }
        try output.fileHandleForReading.close()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(first.starts(with: Array("{\"id\":\"doc-0\"".utf8)))
        #expect(process.terminationReason == .exit, "not killed by SIGPIPE")
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: stderr, as: UTF8.self) == "", "nothing on standard error")
    }

    @Test func aMissingInputPathFailsWithAMessageThatSaysWhatToDo() throws {
        let result = try run(["/nonexistent/input/file.txt"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/input/file.txt"))
        #expect(result.stderr.contains("give a .txt file, a folder of .txt files, a .jsonl file or - for standard input"))
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
    }

    @Test func aMissingOutputFolderFailsBeforeReadingAndSaysWhatToCheck() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        try IOKit.write(sampleInput(documents: 2), to: folder + "/in.jsonl")
        let result = try run(["--output", folder + "/no/such/out.jsonl", folder + "/in.jsonl"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--output"))
    }

    @Test func byteLimitsFromTheCommandLineBecomeErrorRecords() throws {
        let folder = try IOKit.makeFolder()
        defer { IOKit.removeFolder(folder) }
        let lines = [IOKit.jsonLine(id: "small", text: "Paris"), IOKit.jsonLine(id: "big", text: String(repeating: "a", count: 500)),
                     IOKit.jsonLine(id: "huge", text: String(repeating: "b", count: 5000)), IOKit.jsonLine(id: "after", text: "Kenya")]
        try IOKit.write(IOKit.joinLines(lines), to: folder + "/in.jsonl")
        let result = try run(["-q", "--max-document-bytes", "100", "--max-line-bytes", "1000", folder + "/in.jsonl"])
        #expect(result.status == 0)
        let records = IOKit.records(result.stdout)
        #expect(records.map { $0.flatMap { IOKit.errorCode($0) } ?? "ok" } == ["ok", "document_too_large", "line_too_long", "ok"])
    }
}
