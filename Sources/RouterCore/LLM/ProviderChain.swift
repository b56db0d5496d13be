/// Calls a model tier through its ordered providers (seed 003's `call_with_fallback`): each
/// provider gets one call plus retries with back-off for 429 and 503; a provider whose circuit
/// is open or that is marked down is skipped; the first answer wins. Time comes from the
/// injected clock, so tests run every path without waiting.
public struct ProviderChain: Sendable {
  public let client: any ChatClient
  public let health: ProviderHealth
  public let clock: any LLMClock
  public let policy: CallPolicy

  public init(client: any ChatClient, health: ProviderHealth, clock: any LLMClock = SystemClock(), policy: CallPolicy = CallPolicy()) {
    self.client = client
    self.health = health
    self.clock = clock
    self.policy = policy
  }

  /// Sends `request` to `endpoints` in order until one answers. Never throws: a chain that got no
  /// answer says why in `failure` and `attempts`. Cancellation stops it at once.
  public func call(_ request: ChatRequest, endpoints: [Endpoint]) async -> ChainOutcome {
    let start = clock.now()
    var out = await tryProviders(request, endpoints: endpoints)
    out.elapsedNanos = clock.now() &- start
    return out
  }

  private func tryProviders(_ request: ChatRequest, endpoints: [Endpoint]) async -> ChainOutcome {
    var out = ChainOutcome()
    providers: for endpoint in endpoints {
      var attempt = 0
      while true {
        if Task.isCancelled {
          out.failure = .cancelled
          return out
        }
        attempt += 1
        let admission = health.admit(endpoint.name, now: clock.now())
        if case .skipped(let why) = admission {
          out.attempts.append(CallAttempt(provider: endpoint.name, attempt: attempt, result: .skipped(why), latencyNanos: 0))
          continue providers
        }
        let t0 = clock.now()
        do {
          let reply = try await client.send(request, to: endpoint, timeoutNanos: policy.timeoutNanos)
          let took = clock.now() &- t0
          out.attempts.append(CallAttempt(provider: endpoint.name, attempt: attempt, result: .answered, latencyNanos: took))
          if let event = health.recordSuccess(endpoint.name) { out.breakerEvents.append((endpoint.name, event)) }
          out.reply = reply
          out.endpoint = endpoint
          out.failure = nil
          return out
        } catch {
          let took = clock.now() &- t0
          if error == .cancelled || Task.isCancelled {
            health.releaseTrial(endpoint.name, now: clock.now())
            out.attempts.append(CallAttempt(provider: endpoint.name, attempt: attempt, result: .failed(.cancelled), latencyNanos: took))
            out.failure = .cancelled
            return out
          }
          out.failure = error
          var record = CallAttempt(provider: endpoint.name, attempt: attempt, result: .failed(error), latencyNanos: took)
          let event = health.recordFailure(endpoint.name, now: clock.now(), error.description)
          if let event { out.breakerEvents.append((endpoint.name, event)) }
          let retryable = error.isRetryable && attempt <= policy.maxRetries && event == nil
          guard retryable else {
            out.attempts.append(record)
            continue providers
          }
          var retryAfter: Double?
          if case .http(_, let ra, _) = error { retryAfter = ra }
          record.backoffNanos = policy.backoffNanos(retry: attempt - 1, retryAfterSeconds: retryAfter)
          out.attempts.append(record)
          do {
            try await clock.sleep(nanoseconds: record.backoffNanos)
          } catch {
            out.failure = .cancelled
            return out
          }
        }
      }
    }
    return out
  }
}
