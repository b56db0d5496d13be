import ArgumentParser
import RouterCore

/// `routerlab eval`: scores every strategy on a labelled file.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score every strategy on a labelled JSON Lines file.",
    discussion: """
      For each strategy: accuracy, recall per route (human first: it is the safety number), \
      quality preserved (share sent to a route at least as capable as the true one), cost per \
      message, savings against always-baseline, p50/p99 routing latency, and the confusion matrix. \
      Oracle and always-baseline rows are given for reference. Without FILE, uses the scenario's \
      own dev split.
      """
  )

  @OptionGroup var scenarioOptions: ScenarioOptions
  @OptionGroup var llmOptions: LLMOptions

  @Argument(help: "Labelled JSON Lines file: {\"text\": ..., \"route\": ...} per line.")
  var file: String?

  @Flag(name: .long, help: "Print the scores as JSON.")
  var json = false

  @Flag(name: .long, help: "List the messages each strategy sent to a less capable route than labelled.")
  var misses = false

  @Option(name: .long, help: "Instead of a file, cross-validate on the scenario's training split with this many folds.")
  var cv: Int?

  func validate() throws {
    if cv != nil && file != nil { throw ValidationError("--cv scores the training split; give no FILE with it") }
    if let cv, cv < 2 { throw ValidationError("--cv needs at least 2 folds") }
    if llmOptions.budget != nil { throw ValidationError("--budget applies to route, not eval") }
  }

  func run() throws {
    let scenario = try scenarioOptions.load()
    if let cv {
      let rows = Evaluation.crossValidate(scenario, folds: cv)
      var out = FileOutput(fd: 1)
      let label = "\(cv)-fold cross-validation on the \(scenario.name) training split"
      out.write(json ? EvalReport.json(rows, scenario: scenario, file: label) + "\n" : EvalReport.table(rows, scenario: scenario, file: label, showMisses: misses))
      out.flush()
      return
    }
    let examples: [LabeledExample]
    if let file {
      do {
        examples = try LabeledData.load(path: file, routes: Set(scenario.routeNames))
      } catch {
        throw CommandError("\(error)")
      }
    } else {
      examples = scenario.dev
    }
    guard !examples.isEmpty else { throw CommandError("no labelled examples to score") }
    let router = Router(scenario: scenario, extra: llmOptions.strategies(for: scenario), cache: .forCommands)
    let rows = Evaluation.run(router, on: examples, resolve: LLMOptions.resolver(router))
    let shadow = try llmOptions.shadowReport(router: router, examples: examples)
    var out = FileOutput(fd: 1)
    if json {
      out.writeLine(EvalReport.json(rows, scenario: scenario, file: file ?? "<\(scenario.name) dev>"))
    } else {
      out.write(EvalReport.table(rows, scenario: scenario, file: file ?? "\(scenario.name) dev split", showMisses: misses))
    }
    if let shadow { json ? out.writeLine(shadow.json) : out.write(shadow.text) }
    out.flush()
  }
}
