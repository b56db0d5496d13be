/// Strategy 5: an LLM as the router (seed 000). A cheap model reads the scenario's route
/// definitions and the message and answers `{"route", "reason"}`; the answer is validated, and
/// on any failure (unknown route, bad JSON, extra prose, empty answer, timeout, every provider
/// down) the verdict says what went wrong and falls back to the more capable route. Safety rules
/// and requests for a person run first, without a call.
public struct LLMRouter: AsyncRoutingStrategy {
  public let name = "llm"
  public let title = "LLM as router"
  public let prompt: RouterPrompt
  /// The tier whose endpoints run the prompt, and its price.
  public let routerRoute: Route
  /// Where a failed answer falls back to.
  public let fallbackRoute: String
  public let endpoints: [Endpoint]
  private let precheck: SafetyPrecheck
  private let chain: ProviderChain?
  private let problem: String?

  /// Names of the LLM router's own checks, after the two safety checks and the provider tries.
  public static let checkNames = ["LLM router", "fallback"]

  public init(scenario: Scenario, rules: KeywordRules, directory: EndpointDirectory, chain: ProviderChain?) {
    let models = scenario.routes.filter { !$0.isHuman }
    let cheapest = models.first ?? scenario.routes[0]
    routerRoute = scenario.production.llm.routerRoute.flatMap { scenario.route(named: $0) } ?? cheapest
    fallbackRoute = scenario.production.llm.fallbackRoute ?? (models.last ?? scenario.routes[scenario.routes.count - 1]).name
    prompt = RouterPrompt(scenario: scenario)
    precheck = SafetyPrecheck(rules: rules)
    endpoints = directory.chain(for: routerRoute.name)
    self.chain = chain
    if let p = directory.problem {
      problem = p
    } else if endpoints.isEmpty {
      problem = "not configured: no endpoint for the router tier \(routerRoute.name); \(EndpointDirectory.howToConfigure)"
    } else {
      problem = chain == nil ? "not configured: no chat client" : nil
    }
  }

  /// The instant part: a safety decision, `.unavailable` without an endpoint, else `.pending`.
  public func route(_ query: Query) -> Verdict {
    let pre = precheck.run(query)
    if let d = pre.decided {
      return Verdict(strategy: name, route: d.route, score: 1, scoreKind: .match, reason: d.reason,
                     evidence: [Evidence("decided by", "safety rules, before any model call")],
                     trace: pre.steps + skippedSteps())
    }
    if let problem { return .unavailable(name, problem) }
    return Verdict(strategy: name, route: nil, score: 0, scoreKind: .none, reason: "thinking…", status: .pending,
                   trace: pre.steps + [TraceStep(name: Self.checkNames[0], question: question, outcome: .skipped,
                                                 detail: "waiting for \(endpoints[0].model) at \(endpoints[0].name)")])
  }

  /// The full verdict: asks the model unless a safety check decided first.
  public func decide(_ query: Query) async -> Verdict {
    let instant = route(query)
    guard instant.status == .pending, let chain else { return instant }
    let pre = precheck.run(query).steps
    if query.isBlank {
      return fallback(pre, [], why: "the message is empty; nothing to ask the model", latency: 0)
    }
    let outcome = await chain.call(prompt.request(for: query.text), endpoints: endpoints)
    let providerSteps = outcome.traceSteps(tier: routerRoute.name)
    guard let reply = outcome.reply, let endpoint = outcome.endpoint else {
      return fallback(pre, providerSteps, why: "no answer from the router model: \(outcome.failureSummary)",
                      latency: outcome.elapsedNanos)
    }
    let cost = CallCost.dollars(routerRoute, usage: reply.usage)
    let model = reply.model ?? endpoint.model
    let raw = Self.clip(reply.content, 160)
    let took = LatencyText.format(reply.latencyNanos)
    switch RouterAnswer.validate(reply.content, routes: prompt.routes) {
    case .failure(let problem):
      var steps = providerSteps
      steps.append(TraceStep(name: Self.checkNames[0], question: question, outcome: .passed,
                             detail: "\(model) answered in \(took), unusable: \(problem)", cost: cost))
      return fallback(pre, steps, why: "unusable LLM answer: \(problem)", latency: outcome.elapsedNanos,
                      evidence: [Evidence("model", model), Evidence("provider", endpoint.name), Evidence("answer", raw)])
    case .success(let answer):
      var steps = pre + providerSteps
      steps.append(TraceStep(name: Self.checkNames[0], question: question, outcome: .fired, route: answer.route,
                             detail: "\(model) answered in \(took): \(raw)", cost: cost))
      steps.append(TraceStep(name: Self.checkNames[1], question: fallbackQuestion, outcome: .skipped, route: fallbackRoute))
      var v = Verdict(
        strategy: name, route: answer.route, score: 1, scoreKind: .none,
        reason: "LLM: " + (answer.reason.isEmpty ? "(no reason given)" : Self.clip(answer.reason, 200)),
        evidence: [Evidence("model", model), Evidence("provider", endpoint.name), Evidence("latency", took),
                   Evidence("router cost", Money.perMessage(cost)), Evidence("answer", raw)],
        trace: steps)
      v.latencyNanos = outcome.elapsedNanos
      return v
    }
  }

  private var question: String { "which route does the \(routerRoute.name)-tier model choose?" }
  private var fallbackQuestion: String { "no usable answer: fall back to the more capable \(fallbackRoute)" }

  private func skippedSteps() -> [TraceStep] {
    [TraceStep(name: Self.checkNames[0], question: question, outcome: .skipped, detail: "not asked: a safety check decided"),
     TraceStep(name: Self.checkNames[1], question: fallbackQuestion, outcome: .skipped, route: fallbackRoute)]
  }

  private func fallback(_ pre: [TraceStep], _ steps: [TraceStep], why: String, latency: UInt64,
                        evidence: [Evidence] = []) -> Verdict {
    var all = pre + steps
    if !all.contains(where: { $0.name == Self.checkNames[0] }) {
      all.append(TraceStep(name: Self.checkNames[0], question: question, outcome: .passed, detail: why))
    }
    all.append(TraceStep(name: Self.checkNames[1], question: fallbackQuestion, outcome: .fired, route: fallbackRoute, detail: why))
    var v = Verdict(strategy: name, route: fallbackRoute, score: 0, scoreKind: .none,
                    reason: "\(why); falling back to the more capable \(fallbackRoute)",
                    evidence: evidence, status: .failed(why), trace: all)
    v.latencyNanos = latency
    return v
  }

  static func clip(_ s: String, _ n: Int) -> String {
    let one = s.map { $0.isNewline ? " " : String($0) }.joined()
    return one.count > n ? String(one.prefix(n)) + "…" : one
  }
}
