import ArgumentParser
import Foundation
import LLMHTTP
import RouterCore

/// Options of the model-calling strategies and the production safety net, shared by `route`
/// and `eval`. Endpoints come from the scenario and the environment (ROUTERLAB_LLM_URL,
/// ROUTERLAB_LLM_MODEL, ROUTERLAB_LLM_KEY), never from the command line, so a key never shows
/// in `ps` or a shell history.
struct LLMOptions: ParsableArguments {
  @Option(name: .long, help: "Time limit of one model call, in seconds (default: the scenario's, else 8).")
  var llmTimeout: Double?

  @Option(name: .long, help: ArgumentHelp(
    "Daily budget in dollars (route only): once spent, decisions go to the cheapest model tier; safety routes never do.",
    valueName: "dollars"))
  var budget: Double?

  @Option(name: .long, help: "Shadow policy: a strategy that scores a sample of messages without affecting the route (llm, classifier…).")
  var shadow: String?

  @Option(name: .long, help: "Share of messages the shadow policy scores, 0 to 1 (default: the scenario's, else 0.05).")
  var shadowShare: Double?

  func validate() throws {
    if let t = llmTimeout, !(t > 0 && t <= 600) { throw ValidationError("--llm-timeout must be between 0 and 600 seconds") }
    if let b = budget, !(b >= 0 && b.isFinite) { throw ValidationError("--budget must be a non-negative number of dollars") }
    if let s = shadowShare, !(0...1).contains(s) { throw ValidationError("--shadow-share must be between 0 and 1") }
  }

  /// The endpoints, breakers and chain for `scenario`, over HTTP.
  func stack(for scenario: Scenario) -> LLMStack {
    var policy = scenario.production.calls
    if let t = llmTimeout { policy.timeoutNanos = UInt64(t * 1e9) }
    let stack = LLMStack(scenario: scenario, environment: ProcessInfo.processInfo.environment, client: HTTPChatClient(),
                         policy: policy)
    for note in stack.directory.notes { printError("routerlab: \(note)") }
    return stack
  }

  /// The model strategies to add to the router: those named by `names`, or all of them. The
  /// HTTP client is only made when one is needed.
  func strategies(for scenario: Scenario, named names: [String]? = nil) -> [any RoutingStrategy] {
    if let names, !names.contains(where: LLMStack.strategyNames.contains) { return [] }
    return stack(for: scenario).strategies.filter { s in names.map { $0.contains(s.name) } ?? true }
  }

  /// The shadow policy's name and share, from the options or the scenario.
  func shadowPolicy(_ scenario: Scenario) -> (name: String, share: Double)? {
    guard let name = shadow ?? scenario.production.shadow.strategy else { return nil }
    return (name, shadowShare ?? scenario.production.shadow.share)
  }

  /// A verdict function that waits for model-calling strategies (for eval and route).
  static func resolver(_ router: Router) -> (Query, any RoutingStrategy) -> Verdict {
    { query, strategy in resolve(router, query, strategy) }
  }

  /// `strategy`'s verdict on `query`, waiting for a model answer when it is pending.
  static func resolve(_ router: Router, _ query: Query, _ strategy: any RoutingStrategy) -> Verdict {
    let instant = router.route(query, with: strategy)
    guard instant.status == .pending else { return instant }
    return BlockingWait.run { await router.decide(query, with: strategy) }
  }
}

extension LLMOptions {
  /// The budget gate, shadow policy and waiting resolver for `route`.
  func hooks(router: Router) throws -> ProductionHooks {
    var shadowPolicy: (strategy: any RoutingStrategy, share: Double)?
    if let p = self.shadowPolicy(router.scenario) {
      guard let s = router.strategy(named: p.name) else {
        throw ValidationError("unknown shadow strategy '\(p.name)' (strategies: \(router.strategyNames.joined(separator: ", ")))")
      }
      shadowPolicy = (s, p.share)
    }
    return ProductionHooks(router: router, gate: BudgetGate(scenario: router.scenario, daily: budget), shadow: shadowPolicy)
  }

  /// Names of the strategies `route` needs beyond the offline ones: the chosen one and the shadow.
  func neededNames(strategy: String, scenario: Scenario) -> [String] {
    [strategy] + (shadowPolicy(scenario).map { [$0.name] } ?? [])
  }
}

extension LLMOptions {
  /// Shadow mode over a labelled set, when a shadow policy is named (option or scenario).
  func shadowReport(router: Router, examples: [LabeledExample]) throws -> ShadowReport? {
    guard let p = shadowPolicy(router.scenario) else { return nil }
    guard let shadow = router.strategy(named: p.name) else {
      throw ValidationError("unknown shadow strategy '\(p.name)' (strategies: \(router.strategyNames.joined(separator: ", ")))")
    }
    guard let primary = router.strategy(named: Router.defaultStrategy) else { return nil }
    return ShadowReport(examples: examples, primary: primary, shadow: shadow, share: p.share, resolve: Self.resolver(router))
  }
}
