import ArgumentParser
import RouterCore

/// `routerlab cost`: daily and yearly cost of a traffic mix, with and without routing.
struct CostCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cost",
    abstract: "Daily and yearly cost of a traffic mix, with and without routing.",
    discussion: "Example: routerlab cost --queries 1000 --mix fast=70,expert=30"
  )

  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(name: .long, help: "Queries per day.")
  var queries: Double = 1000

  @Option(name: .long, help: "Traffic mix as route=percent pairs that add up to 100.")
  var mix: String?

  @Flag(name: .long, help: "Print the table as JSON.")
  var json = false

  func run() throws {
    let scenario = try scenarioOptions.load()
    guard queries >= 0, queries.isFinite else { throw ValidationError("--queries must be a non-negative number") }
    let model = CostModel(scenario: scenario)
    let fractions: [String: Double]
    if let mix {
      do { fractions = try model.parseMix(mix) } catch { throw ValidationError("--mix: \(error)") }
    } else {
      fractions = model.sliderMix(simpleShare: 0.7)
    }
    let b = model.breakdown(mix: fractions, queriesPerDay: queries)
    var out = FileOutput(fd: 1)
    out.write(json ? CostReport.json(b) + "\n" : CostReport.table(b))
    out.flush()
  }
}
