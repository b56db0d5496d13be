/// Limits of one model call and how to retry it: a time limit per call, and retries with
/// exponential back-off for 429 and 503 (seed 003's production patterns).
public struct CallPolicy: Sendable, Equatable {
  /// Time limit of one call, in nanoseconds.
  public var timeoutNanos: UInt64 = 8_000_000_000
  /// Retries of the same provider after a 429 or 503, before moving to the next provider.
  public var maxRetries = 2
  /// First back-off; each retry doubles it.
  public var backoffBaseNanos: UInt64 = 250_000_000
  /// Longest back-off, also the most a Retry-After header can make us wait.
  public var backoffCapNanos: UInt64 = 2_000_000_000

  public init(timeoutNanos: UInt64 = 8_000_000_000, maxRetries: Int = 2, backoffBaseNanos: UInt64 = 250_000_000,
              backoffCapNanos: UInt64 = 2_000_000_000) {
    self.timeoutNanos = timeoutNanos
    self.maxRetries = maxRetries
    self.backoffBaseNanos = backoffBaseNanos
    self.backoffCapNanos = backoffCapNanos
  }

  /// How long to wait before retry number `retry` (0 for the first retry): the server's
  /// Retry-After when it gave one, else `base × 2^retry`; never more than the cap.
  public func backoffNanos(retry: Int, retryAfterSeconds: Double?) -> UInt64 {
    if let seconds = retryAfterSeconds {
      let nanos = seconds * 1e9
      return nanos >= Double(backoffCapNanos) ? backoffCapNanos : UInt64(max(0, nanos))
    }
    let shift = min(max(retry, 0), 30)
    let (scaled, overflow) = backoffBaseNanos.multipliedReportingOverflow(by: UInt64(1) << UInt64(shift))
    return overflow ? backoffCapNanos : min(scaled, backoffCapNanos)
  }
}

/// When a provider's circuit opens and for how long.
public struct BreakerSettings: Sendable, Equatable {
  /// Consecutive failures that open the circuit (seed 003: 5).
  public var failureThreshold = 5
  /// Time a circuit stays open before one trial call is let through, in nanoseconds.
  public var cooldownNanos: UInt64 = 30_000_000_000

  public init(failureThreshold: Int = 5, cooldownNanos: UInt64 = 30_000_000_000) {
    self.failureThreshold = failureThreshold
    self.cooldownNanos = cooldownNanos
  }
}
