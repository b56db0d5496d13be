/// Everything the model-calling strategies share in one session: the resolved endpoints, the
/// providers' breakers, and the chain that calls them. Build one per scenario and keep it: the
/// breaker states live here.
public struct LLMStack: Sendable {
  public let scenario: Scenario
  public let directory: EndpointDirectory
  public let health: ProviderHealth
  /// Nil when there is no client or no endpoint; the strategies are then unavailable (the LLM
  /// router) or offline (the cascade).
  public let chain: ProviderChain?
  public let rules: KeywordRules

  /// Resolves endpoints from the scenario and `environment`; `client` is the HTTP client (or a
  /// test's). `policy` overrides the scenario's call limits.
  public init(scenario: Scenario, environment: [String: String], client: (any ChatClient)?,
              clock: any LLMClock = SystemClock(), policy: CallPolicy? = nil) {
    self.scenario = scenario
    directory = EndpointDirectory.resolve(scenario: scenario, environment: environment)
    health = ProviderHealth(providers: directory.providerNames(routeOrder: scenario.routeNames),
                            settings: scenario.production.breaker)
    if let client, !directory.isEmpty, directory.problem == nil {
      chain = ProviderChain(client: client, health: health, clock: clock, policy: policy ?? scenario.production.calls)
    } else {
      chain = nil
    }
    rules = KeywordRules(scenario: scenario)
  }

  /// The LLM router (`llm`).
  public var llmRouter: LLMRouter { LLMRouter(scenario: scenario, rules: rules, directory: directory, chain: chain) }
  /// The cascade (`cascade`).
  public var cascade: Cascade { Cascade(scenario: scenario, rules: rules, directory: directory, chain: chain) }
  /// Both, in panel order.
  public var strategies: [any AsyncRoutingStrategy] { [llmRouter, cascade] }
  /// The command-line names of the strategies this stack adds.
  public static let strategyNames = ["llm", "cascade"]

  /// One line for status bars: `LLM: env (default at http://…) → fast, expert` or why not configured.
  public var statusLine: String {
    if let p = directory.problem { return "LLM " + p }
    let parts = scenario.routes.filter { !directory.chain(for: $0.name).isEmpty }.map { r in
      "\(r.name): " + directory.chain(for: r.name).map(\.label).joined(separator: " → ")
    }
    return "LLM endpoints: " + parts.joined(separator: "; ")
  }
}
