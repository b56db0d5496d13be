import ArgumentParser
import ConfigFile
import Foundation
import RouterCore

/// `routerlab log`: a summary of a decision log written by `route --log`.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Summarise a decision log: route mix, cost, disagreements, fallbacks, breaker trips, slowest decisions.",
    discussion: """
      Reads the JSON Lines that `route --log PATH` writes. Cost uses the prices of the scenario the \
      log names (or --scenario). Disagreements compare every strategy logged next to the final one \
      (route --all or --log log them all), and the shadow policy's verdicts on sampled messages. \
      Unreadable lines are counted and named, never fatal.
      """
  )

  @Argument(help: "The decision log (JSON Lines).")
  var path: String

  @Option(name: .long, help: "Scenario whose prices cost the decisions (default: the one the log names).")
  var scenario: String?

  @Flag(name: .long, help: "Print the summary as JSON.")
  var json = false

  func run() throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError("cannot read the decision log \(path) (does it exist?)")
    }
    let bytes = Array(data)
    var summary = DecisionLogSummary.read(bytes)
    let named = scenario ?? summary.scenarios.max { $0.value < $1.value }?.key
    if let named {
      do {
        let s = try ScenarioLoader.load(named)
        summary = DecisionLogSummary.read(bytes, prices: Dictionary(uniqueKeysWithValues: s.routes.map { ($0.name, $0.costPerMessage) }))
      } catch {
        if scenario != nil { throw CommandError("\(error)") }
        printError("routerlab log: cannot load the scenario '\(named)' the log names, so no cost: \(error)")
      }
    }
    var out = FileOutput(fd: 1)
    if json {
      out.writeLine(DecisionLogReport.json(summary, file: path))
    } else {
      out.write(DecisionLogReport.text(summary, file: path))
    }
    out.flush()
  }
}
