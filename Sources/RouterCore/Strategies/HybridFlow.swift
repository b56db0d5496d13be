/// Strategy 4: the hybrid decision flow a clinic would ship.
///
/// Checks run in order, safety before cost, and the first that fires decides (seed 000's
/// "first yes wins"): safety rules, explicit requests for a person, the classifier's warning
/// for the escalation route, the classifier when confident, and a fallback to the more capable of
/// the two likeliest routes when it is not. The verdict's trace lists every check.
///
/// A scenario may let the classifier overrule a safety rule's match that it all but rules out,
/// in a message long enough to read (`FlowSettings.safetyOverruleBelow`, `overruleContextWords`):
/// keyword rules cannot tell "I'm having a stroke" from "Dad had a stroke in 2019, where is the
/// rehab unit", and the classifier, trained on thousands of such messages, can. The trace then
/// shows the match, the classifier's probability and the bound.
public struct HybridFlow: RoutingStrategy {
  public let name = "hybrid"
  public static let displayTitle = "Hybrid decision flow"
  public var title: String { Self.displayTitle }
  public let rules: KeywordRules
  public let classifier: LearnedClassifier
  /// Mixed into the classifier's probabilities when given (`EmbeddingSettings.hybridWeight`).
  public let embedding: EmbeddingStrategy?
  public let settings: FlowSettings
  private let scenario: ScenarioSummary
  /// The checks' questions, written once: they depend on the settings only.
  private let questions: [String]

  /// What the flow needs to know of the scenario: route ranks.
  struct ScenarioSummary: Sendable {
    var ranks: [String: Int]
    func moreCapable(_ a: String, _ b: String) -> String { (ranks[a] ?? -1) >= (ranks[b] ?? -1) ? a : b }
  }

  public init(scenario: Scenario, rules: KeywordRules, classifier: LearnedClassifier, embedding: EmbeddingStrategy? = nil) {
    self.rules = rules
    self.classifier = classifier
    self.embedding = embedding
    self.settings = scenario.flow
    self.scenario = ScenarioSummary(ranks: Dictionary(uniqueKeysWithValues: scenario.routes.map { ($0.name, $0.rank) }))
    let flow = scenario.flow
    questions = [
      flow.safetyOverruleBelow > 0
        ? "does a safety rule match (self-harm, abuse, emergency, threat) that the classifier does not rule out "
          + "(under \(Self.small(flow.safetyOverruleBelow)))?"
        : "does a safety rule match (self-harm, abuse, emergency, threat)?",
      "does the message ask for a person, complain, or raise a legal matter?",
      "does the classifier give \(flow.escalateRoute ?? "") at least \(Percent(flow.escalateThreshold))?",
      "is the classifier at least \(Percent(flow.confidenceThreshold)) sure?",
      "unsure: take the more capable of the two likeliest routes",
    ]
  }

  /// Names of the checks, in order.
  public static let checkNames = ["safety rules", "asks for a person", "classifier warning", "classifier confident", "fallback"]

  public func route(_ query: Query) -> Verdict {
    var steps: [TraceStep] = []
    var decided: (route: String, reason: String, score: Double)?

    func add(_ step: TraceStep) {
      var s = step
      if decided != nil { s.outcome = .skipped }
      steps.append(s)
    }

    let hits = rules.hits(query)
    // The classifier runs first (its checks come later, but every check shows its numbers, and a
    // safety match it all but rules out is overruled). The embedding's own ranking is only worth
    // computing when some of it is mixed in.
    let mix = embedding?.settings.hybridWeight ?? 0
    let ranking = classifier.rank(query)
      .blended(with: mix > 0 ? embedding?.rank(query, neighbours: false) : nil, weight: mix)
    // 1. Safety rules.
    let safety = hits.first { $0.rule.stage == .safety }
    let safetyProbability = safety.map { ranking.probability(of: $0.rule.route) } ?? 0
    let overruled = safety.map {
      safetyProbability < settings.safetyOverruleBelow
        && query.words.count - Query($0.matched).words.count >= settings.overruleContextWords
    } ?? false
    add(TraceStep(
      name: Self.checkNames[0], question: questions[0],
      outcome: safety != nil && !overruled ? .fired : .passed, route: safety?.rule.route, score: safety != nil ? 1 : 0,
      // Overruled, the numbers come first: a narrow trace row cuts the end.
      detail: safety.map {
        (overruled
          ? "overruled, \($0.rule.route) \(Self.small(safetyProbability)) < \(Self.small(settings.safetyOverruleBelow)): "
          : "")
          + "\($0.rule.name): \"\($0.matched)\""
      } ?? "no safety phrase"))
    if let s = safety, !overruled {
      decided = (s.rule.route, "safety rule \(s.rule.name) matched \"\(s.matched)\"", 1)
    }
    // 2. Escalation rules: explicit requests for a person, legal, complaints.
    let escalation = hits.first { $0.rule.stage == .escalation }
    add(TraceStep(
      name: Self.checkNames[1], question: questions[1],
      outcome: escalation != nil ? .fired : .passed, route: escalation?.rule.route, score: escalation != nil ? 1 : 0,
      detail: escalation.map { "\($0.rule.name): \"\($0.matched)\"" } ?? "no escalation phrase"))
    if decided == nil, let e = escalation {
      decided = (e.rule.route, "rule \(e.rule.name) matched \"\(e.matched)\"", 1)
    }
    // 3-5. The classifier (shown even when skipped).
    let top = ranking.top
    let runner = ranking.runnerUp
    if let escalateRoute = settings.escalateRoute {
      let p = ranking.probability(of: escalateRoute)
      let fires = p >= settings.escalateThreshold
      let other = top.route == escalateRoute ? runner : top
      let why = fires ? classifier.explain(query, ranking, route: escalateRoute, over: other.route) : []
      add(TraceStep(
        name: Self.checkNames[2], question: questions[2],
        outcome: fires ? .fired : .passed, route: escalateRoute, score: p, threshold: settings.escalateThreshold,
        runnerUp: (other.route, other.probability),
        detail: fires ? "leaning on \(why.joined(separator: ", "))" : ""))
      if decided == nil, fires {
        decided = (escalateRoute, "classifier gives \(escalateRoute) \(Percent(p)) (≥ \(Percent(settings.escalateThreshold)))"
          + (why.isEmpty ? "" : " on \(why.joined(separator: ", "))"), p)
      }
    }
    let confident = top.probability >= settings.confidenceThreshold
    add(TraceStep(
      name: Self.checkNames[3], question: questions[3],
      outcome: confident ? .fired : .passed, route: top.route, score: top.probability,
      threshold: settings.confidenceThreshold, runnerUp: (runner.route, runner.probability),
      detail: "top \(top.route) \(Percent(top.probability)), runner-up \(runner.route) \(Percent(runner.probability))"))
    if decided == nil, confident {
      let why = classifier.explain(query, ranking, route: top.route, over: runner.route)
      decided = (top.route, "classifier \(Percent(top.probability)) sure of \(top.route)"
        + (why.isEmpty ? "" : " on \(why.joined(separator: ", "))"), top.probability)
    }
    let fallback = scenario.moreCapable(top.route, runner.route)
    add(TraceStep(
      name: Self.checkNames[4], question: questions[4],
      outcome: .fired, route: fallback, score: top.probability, runnerUp: (runner.route, runner.probability),
      detail: "\(top.route) \(Percent(top.probability)) vs \(runner.route) \(Percent(runner.probability)) → \(fallback)"))
    if decided == nil {
      decided = (fallback, "unsure (\(top.route) \(Percent(top.probability)) vs \(runner.route) \(Percent(runner.probability))); "
        + "falling back to the more capable \(fallback)", top.probability)
    }
    var d = decided ?? (fallback, "", 0)
    if overruled, let s = safety {
      d.reason += "; safety rule \(s.rule.name) matched \"\(s.matched)\" but was overruled (\(s.rule.route) "
        + "\(Self.small(safetyProbability)))"
    }
    let firedStep = steps.first { $0.outcome == .fired }
    // A rule's yes is a match, not a probability; the classifier's checks give a confidence.
    let byRule = firedStep?.name == Self.checkNames[0] || firedStep?.name == Self.checkNames[1]
    return Verdict(
      strategy: name, route: d.route, score: d.score, scoreKind: byRule ? .match : .confidence, reason: d.reason,
      evidence: [Evidence("decided by", firedStep?.name ?? "")], trace: steps)
  }

  /// A small probability as a percentage with two decimals ("0.04%"), "<0.01%" below that.
  static func small(_ p: Double) -> String {
    let hundredths = Int((p * 10_000).rounded())
    if hundredths == 0 && p > 0 { return "<0.01%" }
    let frac = hundredths % 100
    return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)%"
  }
}
