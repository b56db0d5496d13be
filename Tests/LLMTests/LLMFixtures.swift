import RouterCore
import TestSupport

/// Scenarios and stacks the LLM tests share.
enum LLMFixtures {
  static let clinic: Scenario = {
    do { return try ScenarioLoader.load("clinic") } catch { fatalError("clinic scenario failed to load: \(error)") }
  }()

  static let support: Scenario = {
    do { return try ScenarioLoader.load("support") } catch { fatalError("support scenario failed to load: \(error)") }
  }()

  /// An environment pointing every model tier at `urls`.
  static func environment(_ urls: String..., model: String = "test-model", key: String? = nil) -> [String: String] {
    var env = [EndpointDirectory.urlVariable: urls.joined(separator: ","), EndpointDirectory.modelVariable: model]
    if let key { env[EndpointDirectory.keyVariable] = key }
    return env
  }

  /// A stack over `client` with the instant clock and a short per-call timeout.
  static func stack(_ client: any ChatClient, urls: [String] = ["http://127.0.0.1:9/v1"], scenario: Scenario = clinic,
                    clock: any LLMClock = InstantClock(), policy: CallPolicy = CallPolicy(timeoutNanos: 1_000_000_000)) -> LLMStack {
    LLMStack(scenario: scenario, environment: [EndpointDirectory.urlVariable: urls.joined(separator: ",")], client: client,
             clock: clock, policy: policy)
  }
}
