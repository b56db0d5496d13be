/// One check of a multi-step decision, as the trace shows it.
public struct TraceStep: Sendable, Equatable {
  /// What happened at this check.
  public enum Outcome: String, Sendable, Equatable {
    /// The check said yes and decided the route.
    case fired
    /// The check ran and said no; the flow went on.
    case passed
    /// The check did not run because an earlier one fired.
    case skipped
  }

  /// Short name of the check (`safety rules`, `classifier confident`).
  public var name: String
  /// What the check asks, for the trace's legend.
  public var question: String
  public var outcome: Outcome
  /// The route this check sends to when it fires.
  public var route: String?
  /// The measured value the check compared (confidence, probability), if it has one.
  public var score: Double?
  /// The value `score` had to reach to fire, if the check has a threshold.
  public var threshold: Double?
  /// The second-best route and its score, when the check compared routes.
  public var runnerUp: (route: String, score: Double)?
  /// What the check saw: matched words, features.
  public var detail: String
  /// Cost of this step in dollars, for steps that call a model (cascade).
  public var cost: Double?

  public init(
    name: String, question: String, outcome: Outcome, route: String? = nil, score: Double? = nil,
    threshold: Double? = nil, runnerUp: (route: String, score: Double)? = nil, detail: String = "",
    cost: Double? = nil
  ) {
    self.name = name
    self.question = question
    self.outcome = outcome
    self.route = route
    self.score = score
    self.threshold = threshold
    self.runnerUp = runnerUp
    self.detail = detail
    self.cost = cost
  }

  /// `score - threshold`: how far past (positive) or short of (negative) the threshold.
  public var margin: Double? {
    guard let score, let threshold else { return nil }
    return score - threshold
  }

  public static func == (a: TraceStep, b: TraceStep) -> Bool {
    a.name == b.name && a.question == b.question && a.outcome == b.outcome && a.route == b.route
      && a.score == b.score && a.threshold == b.threshold && a.runnerUp?.route == b.runnerUp?.route
      && a.runnerUp?.score == b.runnerUp?.score && a.detail == b.detail && a.cost == b.cost
  }
}
