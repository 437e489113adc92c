import ArgumentParser
import NewsAnnotation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Annotates documents: `annotate [PATH…]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Annotate .txt files, folders of .txt files, or JSONL (the default command)."
    )

    @Argument(help: ArgumentHelp(
        "A .txt file (id: its name without .txt), a folder (its .txt files, in byte order of name), or a .jsonl file (one object a line with string fields id and text; other fields are copied). None, or -, reads JSONL from standard input.",
        valueName: "path"))
    var paths: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write to this file instead of standard output. It is written under a temporary name and renamed when complete.",
        valueName: "file"))
    var output: String?

    @Flag(help: "Continue an interrupted run into --output: keep the documents already written, annotate the rest.")
    var resume = false

    @Option(name: [.short, .long], help: "Worker threads (default: all cores). Output is identical for any number.")
    var jobs: Int?

    @Option(name: .customLong("gazetteer"), help: ArgumentHelp(
        "Extra names: a TSV file of surface<TAB>PERSON|PLACE|ORG<TAB>canonical name. Its entries override built-in ones. Repeatable.",
        valueName: "file.tsv"))
    var gazetteers: [String] = []

    @Option(help: "The longest text accepted, in bytes; a longer one becomes a document_too_large error record.")
    var maxDocumentBytes: Int = ReaderLimits.defaultMaxDocumentBytes

    @Option(help: "The longest JSONL line accepted, in bytes; a longer one becomes a line_too_long error record.")
    var maxLineBytes: Int = ReaderLimits.defaultMaxLineBytes

    @Flag(help: "Print the time spent in each stage to standard error.")
    var profile = false

    @Flag(name: [.short, .long], help: "Print no summary line.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if maxDocumentBytes < 1 || maxLineBytes < 1 { throw ValidationError("byte limits must be positive.") }
        if maxDocumentBytes > Int(Int32.max) / 2 {
            throw ValidationError("--max-document-bytes is at most \(Int(Int32.max) / 2).")
        }
        if resume && output == nil { throw ValidationError("--resume needs --output FILE: the file to continue.") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let started = StageProfile.now()
        // Opening ICU's sentence breaker takes milliseconds: do it on another core while the gazetteer is built.
        let splitter = BackgroundValue { try SentenceSplitter() }
        let gazetteer = try loadGazetteer()
        var reader: DocumentReader
        do {
            reader = try DocumentReader(paths: paths, limits: ReaderLimits(maxDocumentBytes: maxDocumentBytes,
                                                                           maxLineBytes: maxLineBytes))
        } catch let error as InputError {
            throw RunFailure(error.description)
        }
        let jobs = self.jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let annotator = try ParallelAnnotator(gazetteer: gazetteer, jobs: jobs, profile: profile,
                                              firstSplitter: try splitter.take())
        // Never released: freeing the gazetteer's hundred thousand objects at exit cost about 1 ms of a 17 ms
        // start-up, for memory the process is about to hand back anyway.
        _ = Unmanaged.passRetained(annotator)

        var skip = 0
        let sink: OutputFile
        do {
            if let output {
                if resume, let done = try ResumePoint.find(in: output) {
                    skip = done.lines
                    sink = try OutputFile(path: output, keepingPrefixOf: done.bytes)
                } else {
                    sink = try OutputFile(path: output)
                }
            } else {
                sink = OutputFile()
            }
        } catch let OutputFile.Failure.io(message) {
            throw RunFailure(message)
        }
        var skipped = 0
        while skipped < skip, reader.next() != nil { skipped += 1 }

        let summary: ParallelAnnotator.Summary
        do {
            summary = try annotator.run(reader: &reader) { try sink.write($0) }
            try sink.finish()
        } catch OutputFile.Failure.brokenPipe {
            sink.abandon()
            throw ExitCode.success
        } catch let OutputFile.Failure.io(message) {
            sink.abandon()
            throw RunFailure(message)
        }
        if !quiet { report(summary, skipped: skipped, seconds: Double(StageProfile.now() - started) / 1e9) }
    }

    private func loadGazetteer() throws -> Gazetteer {
        var extra: [(path: String, contents: [UInt8])] = []
        for path in gazetteers {
            guard let bytes = FileBytes.read(path) else {
                throw RunFailure("cannot read --gazetteer '\(path)': \(String(cString: strerror(errno)))")
            }
            extra.append((path, bytes))
        }
        do {
            return try Gazetteer(extraFiles: extra)
        } catch let error as Gazetteer.LoadError {
            throw RunFailure("--gazetteer: \(error.description)")
        }
    }

    private func report(_ s: ParallelAnnotator.Summary, skipped: Int, seconds: Double) {
        let mb = Double(s.inputBytes) / 1_000_000
        var line = "annotate: \(s.documents) documents (\(s.errors) errors)"
        if skipped > 0 { line += ", \(skipped) already done" }
        line += ", \(formatted(mb, 2)) MB in \(formatted(seconds, 2)) s"
        if seconds > 0 { line += " (\(formatted(mb / seconds, 1)) MB/s, \(jobs ?? 0 > 0 ? "\(jobs!)" : "all") jobs)" }
        if let output { line += " → \(output)" }
        printError(line)
        if profile {
            let total = s.profile.nanoseconds.reduce(0, +)
            for stage in StageProfile.Stage.allCases {
                let ns = s.profile.nanoseconds[stage.rawValue]
                let share = total > 0 ? Double(ns) * 100 / Double(total) : 0
                printError("  \(stage.name.padding(18)) \(formatted(Double(ns) / 1e6, 1).leftPadding(10)) ms  \(formatted(share, 1).leftPadding(5)) %")
            }
        }
    }
}

/// A failure of the run as a whole: ArgumentParser prints it as one line, "Error: …", that says what to do, and exits
/// with status 1.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func printError(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress!, $0.count) }
}

func formatted(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var s = String(rounded)
    if let dot = s.firstIndex(of: ".") {
        let have = s.distance(from: dot, to: s.endIndex) - 1
        if have < decimals { s += String(repeating: "0", count: decimals - have) }
        if decimals == 0 { s = String(s[..<dot]) }
    }
    return s
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

