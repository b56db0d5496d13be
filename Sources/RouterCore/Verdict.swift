/// One strategy's answer for one message: where to send it, how sure, and why.
public struct Verdict: Sendable, Equatable {
  /// Whether the strategy decided, and if not, why not.
  public enum Status: Sendable, Equatable {
    /// The strategy chose `route`.
    case decided
    /// The strategy cannot run here (for example no LLM endpoint); the text says how to enable it.
    case unavailable(String)
    /// The strategy is still working (an LLM call in flight).
    case pending
    /// The strategy ran and failed; `route` holds the fallback that was applied, if any.
    case failed(String)
  }

  /// Command-line name of the strategy that produced this verdict (`rules`, `hybrid`…).
  public var strategy: String
  /// The chosen route's name; nil when the strategy did not decide.
  public var route: String?
  /// The strategy's score for its choice. Its meaning is given by `scoreKind`.
  public var score: Double
  /// What `score` measures.
  public var scoreKind: ScoreKind
  /// One sentence for a person: what decided it.
  public var reason: String
  /// The facts behind the reason: matched words, features, neighbours, as label/value pairs.
  public var evidence: [Evidence]
  /// Wall-clock time the strategy took, in nanoseconds (filled in by the router).
  public var latencyNanos: UInt64
  public var status: Status
  /// The checks a multi-step strategy ran, in order (hybrid flow, cascade); empty otherwise.
  public var trace: [TraceStep]

  public init(
    strategy: String, route: String?, score: Double, scoreKind: ScoreKind, reason: String,
    evidence: [Evidence] = [], status: Status = .decided, trace: [TraceStep] = []
  ) {
    self.strategy = strategy
    self.route = route
    self.score = score
    self.scoreKind = scoreKind
    self.reason = reason
    self.evidence = evidence
    self.latencyNanos = 0
    self.status = status
    self.trace = trace
  }

  /// A verdict for a strategy that cannot run, with the reason and how to enable it.
  public static func unavailable(_ strategy: String, _ why: String) -> Verdict {
    Verdict(strategy: strategy, route: nil, score: 0, scoreKind: .none, reason: why, status: .unavailable(why))
  }
}

/// What a verdict's score measures, so the screen can label and format it.
public enum ScoreKind: String, Sendable, Equatable {
  /// A probability-like confidence in 0...1.
  case confidence
  /// A raw score on the strategy's own scale (the heuristic's 0–10 complexity points).
  case points
  /// Cosine similarity in -1...1.
  case similarity
  /// 1 when a rule matched, 0 when the default applied.
  case match
  /// No score.
  case none
}

/// A labelled fact behind a decision (`matched` → `"kill myself"`).
public struct Evidence: Sendable, Equatable {
  public var label: String
  public var value: String

  public init(_ label: String, _ value: String) {
    self.label = label
    self.value = value
  }
}
