import ArgumentParser
import NewsAnnotation

/// `annotate eval GOLD PRED`: the scores of ANNOTATION.md §4.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score predicted annotations against gold (ANNOTATION.md §4): entities, quotes, speakers."
    )

    @Argument(help: ArgumentHelp("The gold annotations, JSONL.", valueName: "gold.jsonl"))
    var gold: String

    @Argument(help: ArgumentHelp("The predicted annotations, JSONL (annotate's output).", valueName: "pred.jsonl"))
    var predicted: String

    @Flag(help: "Print the figures as JSON instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Score only these document ids (comma-separated).", valueName: "id,id"))
    var docs: String?

    func run() throws {
        let only = docs.map { Set($0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) }
        do {
            let report = try Scorer().score(goldPath: gold, predictedPath: predicted, onlyDocs: only)
            print(json ? report.json : report.table)
        } catch {
            throw RunFailure("eval: \(error.description)")
        }
    }
}
