/// One provider's circuit breaker (seed 003): after `failureThreshold` consecutive failures the
/// circuit opens and the provider is skipped; after the cool-down one trial call is let through
/// (half-open); its success closes the circuit, its failure opens it again. A person can also
/// mark the provider down by hand, to watch the fallback happen.
public struct CircuitBreaker: Sendable, Equatable {
  /// Where the circuit is.
  public enum State: Sendable, Equatable {
    case closed
    /// Skipped until the monotonic time `until`.
    case open(until: UInt64)
    /// One trial call is in flight; other calls skip the provider meanwhile.
    case halfOpen
  }

  /// Whether a call may go to the provider now.
  public enum Admission: Sendable, Equatable {
    case allowed
    /// The cool-down is over: this call is the trial.
    case trial
    /// Skip the provider; the text says why.
    case skipped(String)
  }

  /// A change worth telling the user about.
  public enum Event: Sendable, Equatable {
    case opened(failures: Int)
    case closed
  }

  public private(set) var state: State = .closed
  public private(set) var consecutiveFailures = 0
  /// Times the circuit has opened.
  public private(set) var trips = 0
  /// Set by a person; the provider is skipped until unset.
  public var markedDown = false
  /// The last failure, for the panel.
  public private(set) var lastFailure: String?
  public let settings: BreakerSettings

  public init(settings: BreakerSettings = BreakerSettings()) { self.settings = settings }

  /// Whether a call may go out at `now`, moving an open circuit whose cool-down is over to half-open.
  public mutating func admit(now: UInt64) -> Admission {
    if markedDown { return .skipped("marked down by hand") }
    switch state {
    case .closed:
      return .allowed
    case .halfOpen:
      return .skipped("circuit half-open: a trial call is in flight")
    case .open(let until):
      if now >= until {
        state = .halfOpen
        return .trial
      }
      let left = Double(until - now) / 1e9
      return .skipped("circuit open after \(consecutiveFailures) failures; retry in \(Money.fixed(left, 1)) s")
    }
  }

  /// Records a successful call; closes a half-open circuit.
  public mutating func recordSuccess() -> Event? {
    consecutiveFailures = 0
    if state != .closed {
      state = .closed
      return .closed
    }
    return nil
  }

  /// Records a failed call at `now`; opens the circuit at the threshold or after a failed trial.
  public mutating func recordFailure(now: UInt64, _ failure: String) -> Event? {
    consecutiveFailures += 1
    lastFailure = failure
    let trialFailed = state == .halfOpen
    if trialFailed || (state == .closed && consecutiveFailures >= settings.failureThreshold) {
      state = .open(until: now &+ settings.cooldownNanos)
      trips += 1
      return .opened(failures: consecutiveFailures)
    }
    return nil
  }

  /// Releases a half-open trial that ended without a verdict on the provider (cancelled).
  public mutating func releaseTrial(now: UInt64) {
    if state == .halfOpen { state = .open(until: now) }
  }
}
