import RouterCore
import TestSupport
import Testing

@Suite struct ProviderChainTests {
  let a = Endpoint(name: "a", baseURL: "http://127.0.0.1:1/v1", model: "m", route: "fast")
  let b = Endpoint(name: "b", baseURL: "http://127.0.0.1:2/v1", model: "m", route: "fast")
  let request = ChatRequest(messages: [.user("hi")])

  func chain(_ client: ScriptedChatClient, _ clock: InstantClock, health: ProviderHealth? = nil) -> ProviderChain {
    ProviderChain(client: client, health: health ?? ProviderHealth(providers: ["a", "b"]), clock: clock,
                  policy: CallPolicy(timeoutNanos: 1_000_000_000, maxRetries: 2, backoffBaseNanos: 250_000_000))
  }

  @Test("429 and 503 are retried with back-off on the same provider, then it answers")
  func retries() async {
    let clock = InstantClock()
    let client = ScriptedChatClient { i, _, _ in
      switch i {
      case 0: .fail(.http(status: 429, retryAfterSeconds: 1, message: ""))
      case 1: .fail(.http(status: 503, retryAfterSeconds: nil, message: ""))
      default: .reply("ok")
      }
    }
    let out = await chain(client, clock).call(request, endpoints: [a, b])
    #expect(out.reply?.content == "ok")
    #expect(out.endpoint?.name == "a")
    #expect(clock.sleeps == [1_000_000_000, 500_000_000])
    #expect(out.attempts.map(\.attempt) == [1, 2, 3])
    #expect(!out.usedFallbackProvider)
  }

  @Test("a provider that keeps failing falls back to the next one, in order")
  func fallback() async {
    let client = ScriptedChatClient { _, e, _ in e.name == "a" ? .fail(.http(status: 503, retryAfterSeconds: 0, message: "")) : .reply("from b") }
    let out = await chain(client, InstantClock()).call(request, endpoints: [a, b])
    #expect(out.reply?.content == "from b")
    #expect(out.usedFallbackProvider)
    #expect(client.calls.map(\.endpoint.name) == ["a", "a", "a", "b"])
    let steps = out.traceSteps(tier: "fast")
    #expect(steps.map(\.name) == ["provider a", "provider a", "provider a", "provider b"])
    #expect(steps.map(\.outcome) == [.passed, .passed, .passed, .fired])
  }

  @Test("timeouts, transport errors and malformed bodies move on without retrying", arguments: [
    ChatFailure.timeout(afterNanos: 1), .transport("connection refused"), .malformed("not JSON"),
    .http(status: 500, retryAfterSeconds: nil, message: ""),
  ])
  func noRetry(_ failure: ChatFailure) async {
    let client = ScriptedChatClient { _, e, _ in e.name == "a" ? .fail(failure) : .reply("b") }
    let out = await chain(client, InstantClock()).call(request, endpoints: [a, b])
    #expect(client.calls.map(\.endpoint.name) == ["a", "b"])
    #expect(out.reply?.content == "b")
  }

  @Test("after five consecutive failures the breaker opens, the provider is skipped, and after the cool-down it is tried again")
  func breaker() async {
    let clock = InstantClock()
    let health = ProviderHealth(providers: ["a", "b"], settings: BreakerSettings(failureThreshold: 5, cooldownNanos: 30_000_000_000))
    let healthy = LockedBox(false)
    let client = ScriptedChatClient { _, e, _ in
      e.name == "a" && !healthy.current ? .fail(.transport("refused")) : .reply(e.name)
    }
    let c = chain(client, clock, health: health)
    var trips = 0
    for _ in 0..<5 {
      let out = await c.call(request, endpoints: [a, b])
      trips += out.breakerEvents.filter { $0.event == .opened(failures: 5) }.count
    }
    #expect(trips == 1)
    let before = client.calls.count
    let skipped = await c.call(request, endpoints: [a, b])
    #expect(client.calls.count == before + 1)
    #expect(skipped.attempts.first?.result == .skipped("circuit open after 5 failures; retry in 30.0 s"))
    #expect(skipped.traceSteps(tier: "fast").first?.outcome == .skipped)
    clock.advance(30_000_000_000)
    healthy.withLock { $0 = true }
    let trial = await c.call(request, endpoints: [a, b])
    #expect(trial.endpoint?.name == "a")
    #expect(trial.breakerEvents.map(\.event) == [.closed])
    #expect(health.snapshot()[0].state == .closed)
  }

  @Test("a provider marked down is skipped: the fallback answers")
  func markedDown() async {
    let health = ProviderHealth(providers: ["a", "b"])
    health.setMarkedDown("a", true)
    let client = ScriptedChatClient { _, e, _ in .reply(e.name) }
    let out = await chain(client, InstantClock(), health: health).call(request, endpoints: [a, b])
    #expect(out.reply?.content == "b")
    #expect(client.calls.map(\.endpoint.name) == ["b"])
    #expect(out.traceSteps(tier: "fast")[0].detail == "skipped: marked down by hand")
  }

  @Test("when every provider is down, the outcome says why with no answer")
  func allDown() async {
    let health = ProviderHealth(providers: ["a", "b"])
    health.setMarkedDown("a", true)
    health.setMarkedDown("b", true)
    let out = await chain(ScriptedChatClient(always: "x"), InstantClock(), health: health).call(request, endpoints: [a, b])
    #expect(out.reply == nil)
    #expect(out.failureSummary == "every provider skipped (a: marked down by hand; b: marked down by hand)")
  }

  @Test("cancelling the task stops a hanging call and does not count against the provider")
  func cancel() async {
    let health = ProviderHealth(providers: ["a", "b"])
    let client = ScriptedChatClient { _, _, _ in .hang }
    let c = chain(client, InstantClock(), health: health)
    let task = Task { await c.call(request, endpoints: [a, b]) }
    while client.calls.isEmpty { await Task.yield() }
    task.cancel()
    let out = await task.value
    #expect(out.failure == .cancelled)
    #expect(client.calls.count == 1)
    #expect(health.snapshot()[0].consecutiveFailures == 0)
  }
}
