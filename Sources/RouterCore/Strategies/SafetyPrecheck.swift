/// The checks that run before any model is asked, in the LLM router and the cascade as in the
/// hybrid flow: safety rules, then explicit requests for a person. Safety beats cost, and a
/// message that must reach a person never waits on, or pays for, a model call.
public struct SafetyPrecheck: Sendable {
  public let rules: KeywordRules

  public init(rules: KeywordRules) { self.rules = rules }

  /// The two checks' trace steps, and the decision when one fired.
  public struct Result: Sendable {
    public var steps: [TraceStep]
    public var decided: (route: String, reason: String)?
  }

  public func run(_ query: Query) -> Result {
    let hits = rules.hits(query)
    let safety = hits.first { $0.rule.stage == .safety }
    let escalation = hits.first { $0.rule.stage == .escalation }
    var steps = [
      TraceStep(
        name: HybridFlow.checkNames[0], question: "does a safety rule match (self-harm, abuse, emergency, threat)?",
        outcome: safety != nil ? .fired : .passed, route: safety?.rule.route, score: safety != nil ? 1 : 0,
        detail: safety.map { "\($0.rule.name): \"\($0.matched)\"" } ?? "no safety phrase"),
      TraceStep(
        name: HybridFlow.checkNames[1], question: "does the message ask for a person, complain, or raise a legal matter?",
        outcome: escalation != nil ? .fired : .passed, route: escalation?.rule.route, score: escalation != nil ? 1 : 0,
        detail: escalation.map { "\($0.rule.name): \"\($0.matched)\"" } ?? "no escalation phrase"),
    ]
    if let s = safety {
      if escalation != nil { steps[1].outcome = .skipped }
      return Result(steps: steps, decided: (s.rule.route, "safety rule \(s.rule.name) matched \"\(s.matched)\"; no model asked"))
    }
    if let e = escalation {
      return Result(steps: steps, decided: (e.rule.route, "rule \(e.rule.name) matched \"\(e.matched)\"; no model asked"))
    }
    return Result(steps: steps, decided: nil)
  }

  /// True when a verdict was decided by one of these checks (its route is a safety route).
  public static func decidedBySafety(_ verdict: Verdict) -> Bool {
    verdict.trace.contains { $0.outcome == .fired && ($0.name == HybridFlow.checkNames[0] || $0.name == HybridFlow.checkNames[1]) }
  }
}
