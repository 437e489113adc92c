// Fuzz target 1: one text. Bytes → (if valid UTF-8) a Document → Pipeline → RecordWriter → invariants
// (one line, valid JSON, spans inside the text and equal to the original slice, entities sorted and flat, the same
// line when annotated again). See docs/fuzzing.md.
import AnnotateFuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func annotateFuzzTextOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntry.run(data, size) { harness, input in try harness.checkText(input) }
}

#if FUZZING
/// No `@main` here: libFuzzer's driver runs the process. SwiftPM links executables with `main` aliased to
/// `annotate_fuzz_text_main`, so that is the symbol defined here, and it does what libFuzzer's own `main` does.
@_cdecl("annotate_fuzz_text_main")
public func annotateFuzzTextMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzEntry.runDriver(argc, argv, annotateFuzzTextOne)
}
#else
/// Replay mode: `annotate-fuzz-text FILE-OR-FOLDER…` runs the same checks on saved inputs (corpus, crashes).
@main
struct AnnotateFuzzText {
    static func main() {
        FuzzEntry.replay(Array(CommandLine.arguments.dropFirst()), name: "annotate-fuzz-text") { harness, input in
            try harness.checkText(input)
        }
    }
}
#endif
