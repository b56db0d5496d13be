/// Runs the four orchestration patterns against the configured endpoints and measures each
/// step's calls, cost and latency. Tiers without an endpoint (and people) keep the scenario's
/// typical figures. Cancel the task to stop it.
public struct OrchestrationRunner: Sendable {
  public let stack: LLMStack

  public init(stack: LLMStack) { self.stack = stack }

  private var scenario: Scenario { stack.scenario }

  /// The measured patterns for `text`. Without an endpoint, the estimates for `offline`, the
  /// verdict the offline flow gave (the playground's hybrid verdict).
  public func run(_ text: String, offline: Verdict) async -> [PatternRun] {
    let query = Query(text)
    let llm = stack.llmRouter
    let cascade = stack.cascade
    guard let chain = stack.chain else {
      return OrchestrationEstimator(scenario: scenario).estimate(decision: offline, cascade: cascade.route(query))
    }
    let models = scenario.routes.filter { !$0.isHuman }
    guard let capable = models.last else { return [] }

    let decision = await llm.decide(query)
    let routerCost = decision.trace.compactMap(\.cost).reduce(0, +)
    let calledRouter = decision.trace.contains { $0.name == LLMRouter.checkNames[0] && $0.outcome != .skipped }
    let routeStep = PatternStep(name: "route", route: llm.routerRoute.name, calls: calledRouter ? 1 : 0, cost: routerCost,
                                latencyNanos: decision.latencyNanos, detail: LLMRouter.clip(decision.reason, 80))
    let target = decision.route.flatMap { scenario.route(named: $0) } ?? capable
    let (answerStep, answerText) = await answer(query.text, on: target, chain)
    var classify = routeStep
    classify.name = "classify"
    var pipe = [classify, answerStep]
    if !target.isHuman, let cheap = models.first {
      pipe.append(await review("check", on: cheap, chain, system: Self.checkPrompt,
                               user: "Message: \(query.text)\nAnswer: \(answerText)"))
    }

    var parallelSteps: [PatternStep] = []
    if target.isHuman {
      parallelSteps = [PatternStep(name: "safety check", calls: 0, cost: 0, latencyNanos: decision.latencyNanos,
                                   detail: "a person must answer: no models asked"), answerStep]
    } else {
      let answers = await withTaskGroup(of: (Int, PatternStep, String).self) { group in
        for (i, r) in models.enumerated() {
          group.addTask { let (s, t) = await answer(query.text, on: r, chain); return (i, s, t) }
        }
        var all: [(Int, PatternStep, String)] = []
        for await a in group { all.append(a) }
        return all.sorted { $0.0 < $1.0 }
      }
      for (i, step, _) in answers {
        var s = step
        s.name = "answer (\(models[i].name))"
        s.concurrent = i > 0
        parallelSteps.append(s)
      }
      let listing = answers.map { "Answer \($0.0 + 1): \($0.2)" }.joined(separator: "\n")
      parallelSteps.append(await review("judge", on: capable, chain, system: Self.judgePrompt,
                                        user: "Message: \(query.text)\n\(listing)"))
    }

    let cascaded = await cascade.decide(query)
    var fb: [PatternStep] = []
    for t in cascaded.trace where t.name.hasSuffix(" tier") && t.outcome != .skipped {
      guard let r = t.route.flatMap({ scenario.route(named: $0) }) else { continue }
      if t.score == nil && t.outcome == .fired {
        fb.append(await answer(query.text, on: r, chain).0)
      } else {
        fb.append(PatternStep(name: "\(r.name) answers", route: r.name, calls: 1, cost: t.cost ?? 0,
                              latencyNanos: cascaded.latencyNanos, detail: t.detail))
      }
    }
    if fb.isEmpty { fb = [answerStep] }
    return [
      PatternRun(pattern: .simple, steps: [routeStep, answerStep], finalRoute: target.name, measured: true),
      PatternRun(pattern: .pipeline, steps: pipe, finalRoute: target.name, measured: true),
      PatternRun(pattern: .parallel, steps: parallelSteps, finalRoute: target.isHuman ? target.name : capable.name, measured: true),
      PatternRun(pattern: .fallback, steps: fb, finalRoute: cascaded.route, measured: true),
    ]
  }

  static let checkPrompt = "You review an assistant's answer before it is sent. Reply with JSON only: "
    + "{\"ok\": true or false, \"reason\": \"<one short sentence>\"}"
  static let judgePrompt = "Several assistants answered the same message. Pick the best answer. Reply with JSON only: "
    + "{\"best\": <answer number>, \"reason\": \"<one short sentence>\"}"

  /// One answer from `route`'s model (measured), or the typical figures for a person or a tier
  /// without an endpoint.
  private func answer(_ text: String, on route: Route, _ chain: ProviderChain) async -> (PatternStep, String) {
    let endpoints = stack.directory.chain(for: route.name)
    if route.isHuman || endpoints.isEmpty {
      let who = route.isHuman ? "a member of staff answers (typical)" : "no endpoint for \(route.name): typical figures"
      return (PatternStep(name: "answer", route: route.name, calls: route.isHuman ? 0 : 1, cost: route.costPerMessage,
                          latencyNanos: OrchestrationEstimator.ms(route.typicalLatencyMs), detail: who), "")
    }
    let request = ChatRequest(messages: [.system("You are the \(route.name) assistant of \(scenario.title). Answer briefly."), .user(text)],
                              maxTokens: 120)
    let outcome = await chain.call(request, endpoints: endpoints)
    return (step("answer", route, outcome), outcome.reply?.content ?? "")
  }

  private func review(_ name: String, on route: Route, _ chain: ProviderChain, system: String, user: String) async -> PatternStep {
    let endpoints = stack.directory.chain(for: route.name)
    guard !endpoints.isEmpty else {
      return PatternStep(name: name, route: route.name, calls: 1, cost: route.costPerMessage,
                         latencyNanos: OrchestrationEstimator.ms(route.typicalLatencyMs), detail: "no endpoint: typical figures")
    }
    let outcome = await chain.call(ChatRequest(messages: [.system(system), .user(user)], maxTokens: 60, jsonMode: true),
                                   endpoints: endpoints)
    return step(name, route, outcome)
  }

  private func step(_ name: String, _ route: Route, _ outcome: ChainOutcome) -> PatternStep {
    let calls = outcome.attempts.filter { if case .skipped = $0.result { return false } else { return true } }.count
    guard let reply = outcome.reply else {
      return PatternStep(name: name, route: route.name, calls: calls, cost: 0, latencyNanos: outcome.elapsedNanos,
                         detail: "failed: \(outcome.failureSummary)")
    }
    return PatternStep(name: name, route: route.name, calls: calls, cost: CallCost.dollars(route, usage: reply.usage),
                       latencyNanos: outcome.elapsedNanos, detail: LLMRouter.clip(reply.content, 80))
  }
}
