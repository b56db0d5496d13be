/// The four orchestration patterns of seed 000, for one question: simple routing, a pipeline
/// (classify → answer → check), parallel answers with a judge, and fallback (cheap first).
public enum OrchestrationPattern: String, Sendable, CaseIterable {
  case simple, pipeline, parallel, fallback

  public var title: String {
    switch self {
    case .simple: "Simple routing"
    case .pipeline: "Pipeline: classify → answer → check"
    case .parallel: "Parallel with a judge"
    case .fallback: "Fallback: cheap first"
    }
  }
}

/// One step of a pattern: a model call, a person's answer, or an in-process check.
public struct PatternStep: Sendable, Equatable {
  public var name: String
  public var route: String?
  /// Model calls this step makes (0 for in-process checks and for staff).
  public var calls: Int
  public var cost: Double
  public var latencyNanos: UInt64
  public var detail: String
  /// Runs at the same time as the step before it (parallel answers).
  public var concurrent: Bool

  public init(name: String, route: String? = nil, calls: Int, cost: Double, latencyNanos: UInt64, detail: String = "",
              concurrent: Bool = false) {
    self.name = name
    self.route = route
    self.calls = calls
    self.cost = cost
    self.latencyNanos = latencyNanos
    self.detail = detail
    self.concurrent = concurrent
  }
}

/// One pattern applied to the question: its steps, totals, and whether the numbers were measured
/// against an endpoint or estimated from the scenario's prices and typical latencies.
public struct PatternRun: Sendable, Equatable {
  public var pattern: OrchestrationPattern
  public var steps: [PatternStep]
  /// Who answers in the end.
  public var finalRoute: String?
  public var measured: Bool

  public init(pattern: OrchestrationPattern, steps: [PatternStep], finalRoute: String?, measured: Bool) {
    self.pattern = pattern
    self.steps = steps
    self.finalRoute = finalRoute
    self.measured = measured
  }

  public var calls: Int { steps.reduce(0) { $0 + $1.calls } }
  public var cost: Double { steps.reduce(0) { $0 + $1.cost } }
  /// Wall time: steps add up, except concurrent ones, which count once at their slowest.
  public var latencyNanos: UInt64 {
    var total: UInt64 = 0
    var group: UInt64 = 0
    for s in steps {
      if s.concurrent {
        group = max(group, s.latencyNanos)
      } else {
        total &+= group
        group = s.latencyNanos
      }
    }
    return total &+ group
  }
}

/// Estimates of the four patterns from the scenario's prices and typical latencies, for when no
/// endpoint is configured. Pure and instant, so the playground can show it on every keystroke.
public struct OrchestrationEstimator: Sendable {
  public let scenario: Scenario

  public init(scenario: Scenario) { self.scenario = scenario }

  static func ms(_ m: Double) -> UInt64 { UInt64(max(0, m) * 1e6) }

  func call(_ name: String, _ r: Route, _ detail: String, concurrent: Bool = false) -> PatternStep {
    PatternStep(name: name, route: r.name, calls: r.isHuman ? 0 : 1, cost: r.costPerMessage, latencyNanos: Self.ms(r.typicalLatencyMs),
                detail: detail, concurrent: concurrent)
  }

  /// The four patterns for a question that `decision` (the hybrid flow's or the LLM router's
  /// verdict) routes, and that the offline `cascade` verdict shows the fallback path of.
  public func estimate(decision: Verdict, cascade: Verdict) -> [PatternRun] {
    let models = scenario.routes.filter { !$0.isHuman }
    guard let cheap = models.first, let capable = models.last else { return [] }
    let target = decision.route.flatMap { scenario.route(named: $0) } ?? scenario.route(named: scenario.baseline) ?? capable
    let byLLM = decision.strategy == "llm"
    let router = byLLM
      ? call("route", cheap, "\(cheap.name)-tier model reads the route definitions")
      : PatternStep(name: "route", calls: 0, cost: 0, latencyNanos: decision.latencyNanos, detail: "\(decision.strategy) strategy, in process")
    let answer = call("answer", target, target.isHuman ? "a member of staff answers" : "\(target.name) model answers")
    let simple = PatternRun(pattern: .simple, steps: [router, answer], finalRoute: target.name, measured: false)

    var pipe = [call("classify", cheap, "\(cheap.name) model classifies the message"), answer]
    if !target.isHuman { pipe.append(call("check", cheap, "\(cheap.name) model checks the answer before it is sent")) }
    let pipeline = PatternRun(pattern: .pipeline, steps: pipe, finalRoute: target.name, measured: false)

    let parallel: PatternRun
    if target.isHuman {
      parallel = PatternRun(pattern: .parallel, steps: [
        PatternStep(name: "safety check", calls: 0, cost: 0, latencyNanos: decision.latencyNanos, detail: "a person must answer: no models asked"),
        answer,
      ], finalRoute: target.name, measured: false)
    } else {
      var steps = models.enumerated().map { i, r in call("answer (\(r.name))", r, "\(r.name) model answers", concurrent: i > 0) }
      steps.append(call("judge", capable, "\(capable.name) model picks the best answer"))
      parallel = PatternRun(pattern: .parallel, steps: steps, finalRoute: capable.name, measured: false)
    }

    var fb: [PatternStep] = []
    for t in cascade.trace where t.name.hasSuffix(" tier") && t.outcome != .skipped {
      guard let r = t.route.flatMap({ scenario.route(named: $0) }) else { continue }
      let verdict = t.outcome == .fired ? "kept" : "escalated"
      fb.append(call("\(r.name) answers", r, t.score.map { "confidence \(Money.fixed($0, 2)): \(verdict)" } ?? "answers, no check"))
    }
    if fb.isEmpty { fb = [answer] }
    let fallback = PatternRun(pattern: .fallback, steps: fb, finalRoute: cascade.route ?? target.name, measured: false)
    return [simple, pipeline, parallel, fallback]
  }
}
