/// Every provider's circuit breaker, shared by all calls of a session: the playground reads it
/// each frame (`snapshot`) and a key marks a provider down (`toggleMarkedDown`). Thread-safe;
/// each method holds the lock for a few instructions and never waits on the network.
public final class ProviderHealth: Sendable {
  private let breakers: LockedBox<[(name: String, breaker: CircuitBreaker)]>
  public let settings: BreakerSettings

  /// A health board for `providers`, listed in that order; unknown names are added on first use.
  public init(providers: [String] = [], settings: BreakerSettings = BreakerSettings()) {
    self.settings = settings
    breakers = LockedBox(providers.map { ($0, CircuitBreaker(settings: settings)) })
  }

  /// What the playground shows for one provider.
  public struct Status: Sendable, Equatable {
    public var name: String
    public var state: CircuitBreaker.State
    public var markedDown: Bool
    public var consecutiveFailures: Int
    public var trips: Int
    public var lastFailure: String?

    /// `closed`, `open 12.3 s`, `half-open`, `marked down`.
    public func label(now: UInt64) -> String {
      if markedDown { return "marked down" }
      switch state {
      case .closed: return consecutiveFailures > 0 ? "closed (\(consecutiveFailures) failing)" : "closed"
      case .halfOpen: return "half-open"
      case .open(let until): return "open \(Money.fixed(Double(until > now ? until - now : 0) / 1e9, 1)) s"
      }
    }
  }

  private func update<T>(_ name: String, _ body: (inout CircuitBreaker) -> T) -> T {
    breakers.withLock { list in
      if let i = list.firstIndex(where: { $0.name == name }) { return body(&list[i].breaker) }
      var b = CircuitBreaker(settings: settings)
      let result = body(&b)
      list.append((name, b))
      return result
    }
  }

  public func admit(_ name: String, now: UInt64) -> CircuitBreaker.Admission { update(name) { $0.admit(now: now) } }
  public func recordSuccess(_ name: String) -> CircuitBreaker.Event? { update(name) { $0.recordSuccess() } }
  public func recordFailure(_ name: String, now: UInt64, _ why: String) -> CircuitBreaker.Event? {
    update(name) { $0.recordFailure(now: now, why) }
  }
  public func releaseTrial(_ name: String, now: UInt64) { update(name) { $0.releaseTrial(now: now) } }

  /// Marks a provider down (skipped by every call) or up again.
  public func setMarkedDown(_ name: String, _ down: Bool) { update(name) { $0.markedDown = down } }

  /// Flips a provider's marked-down flag and returns the new value.
  @discardableResult
  public func toggleMarkedDown(_ name: String) -> Bool {
    update(name) { b in
      b.markedDown.toggle()
      return b.markedDown
    }
  }

  /// Every provider's state, in the order they were listed or first used.
  public func snapshot() -> [Status] {
    breakers.withLock { list in
      list.map {
        Status(name: $0.name, state: $0.breaker.state, markedDown: $0.breaker.markedDown,
               consecutiveFailures: $0.breaker.consecutiveFailures, trips: $0.breaker.trips, lastFailure: $0.breaker.lastFailure)
      }
    }
  }
}
