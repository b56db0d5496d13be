@testable import RouterCore

/// The built-in scenarios, loaded and trained once per test process (training takes a moment in debug builds).
enum Fixtures {
  static let clinic: Scenario = {
    do { return try ScenarioLoader.load("clinic") } catch { fatalError("clinic scenario failed to load: \(error)") }
  }()
  static let clinicRouter = Router(scenario: clinic)
  static var hybrid: any RoutingStrategy {
    guard let s = clinicRouter.strategy(named: "hybrid") else { fatalError("no hybrid strategy") }
    return s
  }
}
