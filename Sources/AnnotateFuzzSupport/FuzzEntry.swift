#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsAnnotation
#if FUZZING
import CLibFuzzer
#endif

/// Built on first use (the gazetteer takes a moment), then shared by every input of the process.
nonisolated(unsafe) public let fuzzHarness: FuzzHarness = {
    do {
        return try FuzzHarness()
    } catch {
        fatalError("cannot set up the fuzz harness: \(error)")
    }
}()

public enum FuzzEntry {
    public typealias Check = (FuzzHarness, UnsafeBufferPointer<UInt8>) throws -> Void

    /// One libFuzzer input: run the check; a broken invariant is printed and aborts, which libFuzzer records as a crash.
    public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int, _ check: Check) -> Int32 {
        let input = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
        do {
            try check(fuzzHarness, input)
        } catch {
            printError("INVARIANT VIOLATED: \(error)\n")
            FuzzHarness.removeScratch()
            abort()
        }
        return 0
    }

#if FUZZING
    /// Hands the process to libFuzzer's driver, as libFuzzer's own `main` does. SwiftPM links an executable with
    /// `main` aliased to `<module>_main` (so that tests can link executables); a fuzz build has no `@main`, so each
    /// target defines that symbol and calls this.
    public static func runDriver(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, callback)
    }
#endif

    /// Replay mode (normal builds): each argument is an input file, or a folder whose files are inputs. Prints one
    /// line per failing input; exits 1 when any failed.
    public static func replay(_ arguments: [String], name: String, _ check: Check) -> Never {
        if arguments.isEmpty || arguments.contains(where: { $0 == "-h" || $0 == "--help" }) {
            print("usage: \(name) FILE-OR-FOLDER…\nRuns the fuzz target's checks on each input (build with -sanitize=fuzzer -DFUZZING to fuzz).")
            exit(arguments.isEmpty ? 2 : 0)
        }
        var files: [String] = []
        for path in arguments {
            var info = stat()
            guard stat(path, &info) == 0 else {
                printError("\(name): cannot open \(path): \(String(cString: strerror(errno)))\n")
                exit(2)
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                guard let dir = opendir(path) else { continue }
                var names: [String] = []
                while let entry = readdir(dir) {
                    let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    if !entryName.hasPrefix(".") { names.append(entryName) }
                }
                closedir(dir)
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        var failed = 0
        for file in files {
            guard let bytes = FileBytes.read(file) else {
                printError("\(name): cannot read \(file)\n")
                failed += 1
                continue
            }
            do {
                try bytes.withUnsafeBufferPointer { try check(fuzzHarness, $0) }
            } catch {
                print("FAIL \(file): \(error)")
                failed += 1
            }
        }
        print("\(name): \(files.count - failed) of \(files.count) inputs pass")
        exit(failed == 0 ? 0 : 1)
    }
}

/// Writes a message to standard error (fd 2), unbuffered, so it is out before an abort.
func printError(_ message: String) {
    var m = message
    m.withUTF8 { buffer in
        var at = 0
        while at < buffer.count {
            let n = write(2, buffer.baseAddress! + at, buffer.count - at)
            if n <= 0 { return }
            at += n
        }
    }
}
