import ArgumentParser
import NewsAnnotation

/// `annotate`: names and quotes in English news, as JSON Lines.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Tag people, places and organisations, and quotations with their speakers, in English news.",
        discussion: """
        Writes one JSON line per input document, in input order. Offsets are Unicode code-point offsets into the \
        original text. A document that cannot be read becomes an error record on its own line; the exit status is \
        non-zero only when the run itself cannot go on.
        """,
        version: "0.1.0",
        subcommands: [RunCommand.self, EvalCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
