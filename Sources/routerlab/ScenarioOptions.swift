import ArgumentParser
import ConfigFile
import RouterCore

/// Options shared by every command that routes: which scenario, and price overrides.
struct ScenarioOptions: ParsableArguments {
  @Option(name: .long, help: "Scenario: clinic, support, or a path to a scenario .toml file.")
  var scenario: String = "clinic"

  @Option(name: .long, help: "Cost of one message answered by staff, in dollars (clinic default 0.50).")
  var humanCost: Double?

  /// Loads the scenario, applying overrides; errors name the file and line.
  func load() throws -> Scenario {
    var s: Scenario
    do {
      s = try ScenarioLoader.load(scenario)
    } catch {
      throw CommandError("\(error)")
    }
    if let humanCost {
      guard humanCost >= 0, humanCost.isFinite else { throw ValidationError("--human-cost must be a non-negative number") }
      guard let human = s.routes.first(where: \.isHuman) else {
        throw ValidationError("--human-cost: the scenario '\(s.name)' has no human route")
      }
      s = s.withCost(humanCost, for: human.name)
    }
    return s
  }
}
