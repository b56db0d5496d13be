/// Strategy 6: the cascade (seed 003). The cheapest tier answers first and its answer is kept
/// only if its confidence reaches the threshold; otherwise the next tier tries, up to the most
/// capable model tier, which is accepted without a check. Offline, the cheap tier is a retrieval
/// answerer over the scenario's FAQ whose confidence is the retrieval score; with an endpoint,
/// each cheaper tier's model answers and rates itself. Safety checks run first; the trace shows
/// every tier tried, its cost and why it escalated.
public struct Cascade: AsyncRoutingStrategy {
  public let name = "cascade"
  public let title = "Cascade (cheap first)"
  /// Model routes, cheapest first.
  public let tiers: [Route]
  public let threshold: Double
  public let retriever: FAQRetriever
  private let precheck: SafetyPrecheck
  private let directory: EndpointDirectory
  private let chain: ProviderChain?
  private let scenarioTitle: String

  public init(scenario: Scenario, rules: KeywordRules, directory: EndpointDirectory? = nil, chain: ProviderChain? = nil) {
    let models = scenario.routes.filter { !$0.isHuman }
    tiers = models.isEmpty ? [scenario.routes[0]] : models
    threshold = scenario.production.cascade.threshold
    retriever = FAQRetriever(entries: scenario.faq)
    precheck = SafetyPrecheck(rules: rules)
    self.directory = directory ?? EndpointDirectory(byRoute: [:])
    self.chain = chain
    scenarioTitle = scenario.title
  }

  /// True when the cheap tier is a model endpoint rather than the FAQ.
  public var isOnline: Bool { chain != nil && !directory.chain(for: tiers[0].name).isEmpty }

  /// One tier's turn.
  struct TierTry {
    var route: Route
    var outcome: TraceStep.Outcome
    var confidence: Double?
    var cost: Double?
    var detail: String
    var answer: String?
    var providerSteps: [TraceStep] = []
  }

  public func route(_ query: Query) -> Verdict {
    let pre = precheck.run(query)
    if let d = pre.decided {
      return Verdict(strategy: name, route: d.route, score: 1, scoreKind: .match, reason: d.reason,
                     evidence: [Evidence("decided by", "safety rules, before any tier")], trace: pre.steps)
    }
    if isOnline {
      return Verdict(strategy: name, route: nil, score: 0, scoreKind: .none, reason: "thinking…", status: .pending, trace: pre.steps)
    }
    var tries: [TierTry] = []
    for (i, tier) in tiers.enumerated() {
      let t = i == tiers.count - 1 ? finalTry(tier) : (i == 0 ? faqTry(query, tier) : skippedTry(tier))
      tries.append(t)
      if t.outcome == .fired { break }
    }
    return assemble(pre.steps, tries)
  }

  public func decide(_ query: Query) async -> Verdict {
    let instant = route(query)
    guard instant.status == .pending, let chain else { return instant }
    let start = Stopwatch.now()
    var tries: [TierTry] = []
    for (i, tier) in tiers.enumerated() {
      let t: TierTry
      if i == tiers.count - 1 {
        t = finalTry(tier)
      } else if !directory.chain(for: tier.name).isEmpty {
        t = await modelTry(query, tier, chain)
      } else {
        t = i == 0 ? faqTry(query, tier) : skippedTry(tier)
      }
      tries.append(t)
      if t.outcome == .fired || Task.isCancelled { break }
    }
    var v = assemble(precheck.run(query).steps, tries)
    v.latencyNanos = Stopwatch.now() &- start
    return v
  }

  private func faqTry(_ query: Query, _ tier: Route) -> TierTry {
    guard let match = retriever.best(query) else {
      let why = retriever.entries.isEmpty ? "the scenario has no [[faq]] entries" : "no FAQ entry shares a word with the message"
      return TierTry(route: tier, outcome: .passed, confidence: 0, cost: tier.costPerMessage, detail: "FAQ retrieval: \(why); escalate")
    }
    let ok = match.top.score >= threshold
    let verb = ok ? "accept" : "escalate"
    return TierTry(route: tier, outcome: ok ? .fired : .passed, confidence: match.top.score, cost: tier.costPerMessage,
                   detail: "FAQ \"\(match.top.entry.question)\" scored \(Money.fixed(match.top.score, 2)) "
                     + "\(ok ? "≥" : "<") \(Money.fixed(threshold, 2)) on \(match.top.shared.joined(separator: ", ")); \(verb)",
                   answer: match.top.entry.answer)
  }

  private func modelTry(_ query: Query, _ tier: Route, _ chain: ProviderChain) async -> TierTry {
    let facts = retriever.best(query).map { [$0.top.entry] + ($0.runnerUp.map { [$0.entry] } ?? []) } ?? []
    let request = SelfRatedAnswer.request(for: query.text, title: scenarioTitle, facts: facts)
    let outcome = await chain.call(request, endpoints: directory.chain(for: tier.name))
    let steps = outcome.traceSteps(tier: tier.name)
    guard let reply = outcome.reply else {
      return TierTry(route: tier, outcome: .passed, confidence: nil, cost: 0,
                     detail: "no answer: \(outcome.failureSummary); escalate", providerSteps: steps)
    }
    let cost = CallCost.dollars(tier, usage: reply.usage)
    let model = reply.model ?? outcome.endpoint?.model ?? tier.name
    switch SelfRatedAnswer.validate(reply.content) {
    case .failure(let problem):
      return TierTry(route: tier, outcome: .passed, confidence: nil, cost: cost,
                     detail: "\(model) answer unusable (\(problem)); escalate", providerSteps: steps)
    case .success(let a):
      let ok = a.confidence >= threshold
      return TierTry(route: tier, outcome: ok ? .fired : .passed, confidence: a.confidence, cost: cost,
                     detail: "\(model) rated itself \(Money.fixed(a.confidence, 2)) \(ok ? "≥" : "<") \(Money.fixed(threshold, 2)) "
                       + "in \(LatencyText.format(reply.latencyNanos)); \(ok ? "accept" : "escalate")",
                     answer: a.answer, providerSteps: steps)
    }
  }

  private func skippedTry(_ tier: Route) -> TierTry {
    TierTry(route: tier, outcome: .skipped, detail: "no answerer for \(tier.name) without an endpoint; passed over")
  }

  private func finalTry(_ tier: Route) -> TierTry {
    TierTry(route: tier, outcome: .fired, cost: tier.costPerMessage, detail: "most capable model tier: answers, no check")
  }

  private func assemble(_ pre: [TraceStep], _ tries: [TierTry]) -> Verdict {
    var steps = pre
    for t in tries {
      steps += t.providerSteps
      let isFinal = t.route.name == tiers[tiers.count - 1].name
      steps.append(TraceStep(
        name: "\(t.route.name) tier", question: isFinal ? "last model tier: take its answer" : "is the \(t.route.name) answer at least \(Percent(threshold)) sure?",
        outcome: t.outcome, route: t.route.name, score: t.confidence, threshold: isFinal ? nil : threshold, detail: t.detail, cost: t.cost))
    }
    let total = tries.compactMap(\.cost).reduce(0, +)
    let accepted = tries.last { $0.outcome == .fired } ?? tries[tries.count - 1]
    let tried = tries.filter { $0.outcome != .skipped }.map(\.route.name)
    let reason: String
    if tried.count == 1 {
      reason = "\(accepted.route.name) answered first time: " + accepted.detail + "; \(Money.perMessage(total))"
    } else {
      let why = tries.first.map { "\($0.route.name): \($0.detail)" } ?? ""
      reason = "escalated \(tried.joined(separator: " → ")) (\(why)); total \(Money.perMessage(total))"
    }
    var evidence = [Evidence("tiers tried", tried.joined(separator: " → ")), Evidence("total cost", Money.perMessage(total))]
    if let answer = accepted.answer { evidence.append(Evidence("answer", LLMRouter.clip(answer, 160))) }
    let score = accepted.confidence ?? tries.compactMap(\.confidence).last ?? 0
    return Verdict(strategy: name, route: accepted.route.name, score: score, scoreKind: .confidence, reason: reason,
                   evidence: evidence, trace: steps)
  }
}
