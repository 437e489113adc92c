// Fuzz target 2: a JSONL stream. Bytes → a .jsonl file → DocumentReader → ParallelAnnotator → exactly one output line
// per input line, each valid JSON agreeing with an independent parse of its input line. See docs/fuzzing.md.
import AnnotateFuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func annotateFuzzJSONLOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntry.run(data, size) { harness, input in try harness.checkJSONL(input) }
}

#if FUZZING
/// No `@main` here: libFuzzer's driver runs the process. SwiftPM links executables with `main` aliased to
/// `annotate_fuzz_jsonl_main`, so that is the symbol defined here, and it does what libFuzzer's own `main` does.
@_cdecl("annotate_fuzz_jsonl_main")
public func annotateFuzzJSONLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzEntry.runDriver(argc, argv, annotateFuzzJSONLOne)
}
#else
/// Replay mode: `annotate-fuzz-jsonl FILE-OR-FOLDER…` runs the same checks on saved inputs (corpus, crashes).
@main
struct AnnotateFuzzJSONL {
    static func main() {
        FuzzEntry.replay(Array(CommandLine.arguments.dropFirst()), name: "annotate-fuzz-jsonl") { harness, input in
            try harness.checkJSONL(input)
        }
    }
}
#endif
