extension Verdict {
  /// Dollars a decision costs: the model calls its trace paid for (the LLM router's call,
  /// cascade tiers), plus the chosen route's price unless a cascade tier step already paid for
  /// the answer. Zero when it did not decide.
  public func decisionCost(prices: [String: Double]) -> Double {
    guard let route else { return 0 }
    let calls = trace.compactMap(\.cost).reduce(0, +)
    let tierPaid = trace.contains { $0.outcome == .fired && $0.cost != nil && $0.name.hasSuffix(" tier") }
    return calls + (tierPaid ? 0 : prices[route] ?? 0)
  }
}
