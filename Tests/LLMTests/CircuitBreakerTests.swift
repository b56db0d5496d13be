import RouterCore
import Testing

@Suite struct CircuitBreakerTests {
  let settings = BreakerSettings(failureThreshold: 5, cooldownNanos: 30_000_000_000)

  @Test("five consecutive failures open the circuit; a success in between resets the count")
  func opens() {
    var b = CircuitBreaker(settings: settings)
    for _ in 0..<4 { #expect(b.recordFailure(now: 0, "503") == nil) }
    #expect(b.recordSuccess() == nil)
    #expect(b.consecutiveFailures == 0)
    for _ in 0..<4 { _ = b.recordFailure(now: 0, "503") }
    #expect(b.recordFailure(now: 10, "503") == .opened(failures: 5))
    #expect(b.state == .open(until: 10 + settings.cooldownNanos))
    #expect(b.trips == 1)
  }

  @Test("an open circuit skips calls until the cool-down, then lets one trial through")
  func coolDown() {
    var b = CircuitBreaker(settings: settings)
    for _ in 0..<5 { _ = b.recordFailure(now: 0, "timeout") }
    guard case .skipped(let why) = b.admit(now: 1_000_000_000) else {
      Issue.record("not skipped")
      return
    }
    #expect(why.contains("circuit open after 5 failures"))
    #expect(b.admit(now: settings.cooldownNanos) == .trial)
    #expect(b.state == .halfOpen)
    if case .skipped = b.admit(now: settings.cooldownNanos) {} else { Issue.record("a second call went through while half-open") }
  }

  @Test("the trial's success closes the circuit, its failure opens it for another cool-down")
  func trial() {
    var ok = CircuitBreaker(settings: settings)
    for _ in 0..<5 { _ = ok.recordFailure(now: 0, "x") }
    _ = ok.admit(now: settings.cooldownNanos)
    #expect(ok.recordSuccess() == .closed)
    #expect(ok.admit(now: settings.cooldownNanos) == .allowed)

    var bad = CircuitBreaker(settings: settings)
    for _ in 0..<5 { _ = bad.recordFailure(now: 0, "x") }
    _ = bad.admit(now: settings.cooldownNanos)
    #expect(bad.recordFailure(now: settings.cooldownNanos, "x") == .opened(failures: 6))
    #expect(bad.state == .open(until: 2 * settings.cooldownNanos))
    #expect(bad.trips == 2)
  }

  @Test("a provider marked down by hand is skipped until marked up")
  func markedDown() {
    let health = ProviderHealth(providers: ["a", "b"], settings: settings)
    #expect(health.toggleMarkedDown("a"))
    #expect(health.admit("a", now: 0) == .skipped("marked down by hand"))
    #expect(health.snapshot().map(\.name) == ["a", "b"])
    #expect(health.snapshot()[0].label(now: 0) == "marked down")
    #expect(!health.toggleMarkedDown("a"))
    #expect(health.admit("a", now: 0) == .allowed)
  }

  @Test("back-off doubles from the base, honours Retry-After, and never passes the cap")
  func backoff() {
    let p = CallPolicy(timeoutNanos: 1, maxRetries: 3, backoffBaseNanos: 250_000_000, backoffCapNanos: 2_000_000_000)
    #expect((0..<5).map { p.backoffNanos(retry: $0, retryAfterSeconds: nil) }
      == [250_000_000, 500_000_000, 1_000_000_000, 2_000_000_000, 2_000_000_000])
    #expect(p.backoffNanos(retry: 0, retryAfterSeconds: 0) == 0)
    #expect(p.backoffNanos(retry: 0, retryAfterSeconds: 1.5) == 1_500_000_000)
    #expect(p.backoffNanos(retry: 0, retryAfterSeconds: 60) == 2_000_000_000)
    #expect(p.backoffNanos(retry: 200, retryAfterSeconds: nil) == 2_000_000_000)
  }
}
