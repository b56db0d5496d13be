/// One try of one provider, as the trace and the decision log show it.
public struct CallAttempt: Sendable, Equatable {
  /// What came of the try.
  public enum Result: Sendable, Equatable {
    case answered
    case failed(ChatFailure)
    /// Not tried: circuit open or marked down.
    case skipped(String)
  }

  public var provider: String
  /// 1 for the first try of this provider, 2 for its first retry…
  public var attempt: Int
  public var result: Result
  public var latencyNanos: UInt64
  /// Back-off waited after this try before retrying the same provider.
  public var backoffNanos: UInt64 = 0

  public init(provider: String, attempt: Int, result: Result, latencyNanos: UInt64, backoffNanos: UInt64 = 0) {
    self.provider = provider
    self.attempt = attempt
    self.result = result
    self.latencyNanos = latencyNanos
    self.backoffNanos = backoffNanos
  }
}

/// The result of calling a tier through its provider chain: the answer (if any), from whom, and
/// every try, back-off, skip and breaker change on the way.
public struct ChainOutcome: Sendable, Equatable {
  public var reply: ChatReply?
  /// The endpoint that answered.
  public var endpoint: Endpoint?
  public var attempts: [CallAttempt] = []
  /// Circuits that opened or closed during the call, by provider.
  public var breakerEvents: [(provider: String, event: CircuitBreaker.Event)] = []
  /// The last failure when no provider answered.
  public var failure: ChatFailure?
  /// Wall time of the whole chain, back-offs included.
  public var elapsedNanos: UInt64 = 0

  public init() {}

  /// True when a provider other than the first answered.
  public var usedFallbackProvider: Bool {
    guard let endpoint, let first = attempts.first else { return false }
    return endpoint.name != first.provider
  }

  /// Why there is no answer, for a verdict: the last failure, or why every provider was skipped.
  public var failureSummary: String {
    if let failure { return failure.description }
    let skips = attempts.compactMap { a -> String? in
      if case .skipped(let why) = a.result { return "\(a.provider): \(why)" }
      return nil
    }
    return skips.isEmpty ? "no endpoint for this tier" : "every provider skipped (" + skips.joined(separator: "; ") + ")"
  }

  public static func == (a: ChainOutcome, b: ChainOutcome) -> Bool {
    a.reply == b.reply && a.endpoint == b.endpoint && a.attempts == b.attempts && a.failure == b.failure
      && a.elapsedNanos == b.elapsedNanos && a.breakerEvents.map(\.provider) == b.breakerEvents.map(\.provider)
      && a.breakerEvents.map(\.event) == b.breakerEvents.map(\.event)
  }

  /// The tries as trace steps: `provider NAME` per try (fired when it answered, passed when it
  /// failed, skipped when its circuit was open), and `circuit breaker` when a circuit changed.
  public func traceSteps(tier: String) -> [TraceStep] {
    var steps: [TraceStep] = []
    for a in attempts {
      let name = "provider \(a.provider)"
      let question = "does \(a.provider) answer for \(tier)?"
      let retry = a.attempt > 1 ? " (retry \(a.attempt - 1))" : ""
      switch a.result {
      case .answered:
        steps.append(TraceStep(name: name, question: question, outcome: .fired, route: tier,
                               detail: "answered in \(LatencyText.format(a.latencyNanos))\(retry)"))
      case .failed(let f):
        let wait = a.backoffNanos > 0 ? "; retrying after \(LatencyText.format(a.backoffNanos))" : ""
        steps.append(TraceStep(name: name, question: question, outcome: .passed, route: tier,
                               detail: "failed\(retry): \(f)\(wait)"))
      case .skipped(let why):
        steps.append(TraceStep(name: name, question: question, outcome: .skipped, route: tier, detail: "skipped: \(why)"))
      }
    }
    for (provider, event) in breakerEvents {
      switch event {
      case .opened(let failures):
        steps.append(TraceStep(name: "circuit breaker", question: "has a provider failed too often in a row?", outcome: .fired,
                               detail: "opened for \(provider) after \(failures) consecutive failures"))
      case .closed:
        steps.append(TraceStep(name: "circuit breaker", question: "has a provider failed too often in a row?", outcome: .passed,
                               detail: "closed again for \(provider): its trial call answered"))
      }
    }
    return steps
  }
}

/// Durations for people: `412 ms`, `2.05 s`.
public enum LatencyText {
  public static func format(_ nanos: UInt64) -> String {
    let ms = Double(nanos) / 1e6
    if ms < 1 { return Money.fixed(ms, 2) + " ms" }
    if ms < 1000 { return String(Int(ms.rounded())) + " ms" }
    return Money.fixed(ms / 1000, 2) + " s"
  }
}
