import RouterCore

/// What `route` adds around a decision: waiting for model-calling strategies, the daily budget
/// gate with today's spend, and the shadow policy on sampled messages.
struct ProductionHooks: Sendable {
  let router: Router
  let gate: BudgetGate?
  let shadow: (strategy: any RoutingStrategy, share: Double)?
  private let ledger = LockedBox(BudgetLedger())
  private let prices: [String: Double]

  init(router: Router, gate: BudgetGate?, shadow: (strategy: any RoutingStrategy, share: Double)?) {
    self.router = router
    self.gate = gate
    self.shadow = shadow
    prices = Dictionary(uniqueKeysWithValues: router.scenario.routes.map { ($0.name, $0.costPerMessage) })
  }

  /// The verdict of `strategy`, waiting for a model answer when it is pending.
  func resolve(_ query: Query, _ strategy: any RoutingStrategy) -> Verdict {
    LLMOptions.resolve(router, query, strategy)
  }

  /// Applies the budget gate to the verdict acted on and adds its cost to today's spend.
  func settle(_ verdict: Verdict) -> Verdict {
    // Only the gate reads today's spend; without one there is nothing to keep.
    guard gate != nil else { return verdict }
    let now = DecisionRecord.wallClockNanos()
    var v = verdict
    if let gate { v = gate.apply(v, spentToday: ledger.withLock { $0.spent(atWallNanos: now) }) }
    let cost = v.decisionCost(prices: prices)
    ledger.withLock { $0.record(cost, atWallNanos: now) }
    return v
  }

  /// The shadow policy's verdict when `query` is in the sampled share.
  func shadowVerdict(_ query: Query) -> Verdict? {
    guard let shadow, ShadowSampler.isSampled(query, share: shadow.share) else { return nil }
    return resolve(query, shadow.strategy)
  }
}
