import RouterCore
import TestSupport
import Testing

@Suite struct VerdictFeedTests {
  /// Waits until `condition` holds, checking every millisecond for at most 30 s of wall time:
  /// bounded, but generous enough for a loaded 2-core machine (this asserts what happens, not
  /// how fast).
  func eventually(_ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      if condition() { return true }
      try? await Task.sleep(for: .milliseconds(1))
    }
    return condition()
  }

  @Test("a keystroke returns at once with thinking…; only the last text is sent, after the debounce")
  func debounced() async {
    let clock = ManualClock()
    let client = ScriptedChatClient(always: "{\"route\":\"expert\",\"reason\":\"meds\"}")
    let stack = LLMFixtures.stack(client)
    let delivered = LockedBox([VerdictFeed.Update]())
    let feed = VerdictFeed(strategies: [stack.llmRouter], debounceNanos: 300_000_000, clock: clock) { u in
      delivered.withLock { $0.append(u) }
    }
    var last: UInt64 = 0
    for text in ["C", "Ca", "Can I take", "Can I take ibuprofen with warfarin?"] {
      let (generation, verdicts) = feed.textChanged(text)
      #expect(verdicts.first?.status == .pending)
      #expect(verdicts.first?.reason == "thinking…")
      last = generation
    }
    // All four debounce sleeps have begun and the three stale ones were cancelled, so the one
    // left waiting is the last text's.
    #expect(await eventually { clock.sleepsStarted == 4 && clock.waiting == 1 })
    #expect(client.calls.isEmpty)
    clock.advance(300_000_000)
    #expect(await eventually { delivered.current.count == 1 })
    #expect(client.calls.map { $0.request.messages.last?.content } == ["Can I take ibuprofen with warfarin?"])
    #expect(delivered.current.first?.generation == last)
    #expect(delivered.current.first?.verdict.route == "expert")
  }

  @Test("a new keystroke cancels the call in flight, and its late answer is never delivered")
  func cancelsInFlight() async {
    let clock = ManualClock()
    let client = ScriptedChatClient { i, _, _ in i == 0 ? .hang : .reply("{\"route\":\"fast\",\"reason\":\"hours\"}") }
    let feed = VerdictFeed(strategies: [LLMFixtures.stack(client).llmRouter], debounceNanos: 100, clock: clock)
    feed.textChanged("What time")
    #expect(await eventually { clock.sleepsStarted == 1 && clock.waiting == 1 })
    clock.advance(100)
    #expect(await eventually { client.calls.count == 1 })
    feed.textChanged("What time do you open?")
    #expect(await eventually { client.cancelledCalls == 1 })
    #expect(await eventually { clock.sleepsStarted == 2 && clock.waiting == 1 })
    clock.advance(100)
    #expect(await eventually { feed.drain().contains { $0.verdict.route == "fast" } })
    #expect(feed.drain().isEmpty)
  }

  @Test("a safety decision and an unconfigured strategy need no call and schedule none")
  func instant() {
    let clock = ManualClock()
    let configured = LLMFixtures.stack(ScriptedChatClient(always: "x")).llmRouter
    let unconfigured = LLMStack(scenario: LLMFixtures.clinic, environment: [:], client: nil).llmRouter
    let feed = VerdictFeed(strategies: [configured, unconfigured], clock: clock)
    let (_, verdicts) = feed.textChanged("I want to kill myself")
    #expect(verdicts.map(\.route) == ["human", "human"])
    #expect(clock.sleepsStarted == 0)
    let (_, other) = feed.textChanged("What time do you open?")
    if case .unavailable = other[1].status {} else { Issue.record("expected unavailable, got \(other[1].status)") }
  }

  @Test("a blank message calls no model: the cheapest route, as the offline strategies give; unconfigured stays so")
  func blank() {
    let clock = ManualClock()
    let client = ScriptedChatClient(always: "x")
    let stack = LLMFixtures.stack(client)
    let unconfigured = LLMStack(scenario: LLMFixtures.clinic, environment: [:], client: nil).llmRouter
    let feed = VerdictFeed(strategies: [stack.llmRouter, stack.cascade, unconfigured], clock: clock, blankRoute: "fast")
    let (_, verdicts) = feed.textChanged("   ")
    #expect(verdicts[0] == Router.emptyMessage("llm", cheapest: "fast").withLatency(verdicts[0].latencyNanos))
    #expect(verdicts[1].route == "fast" && verdicts[1].reason.hasPrefix("empty message"))
    if case .unavailable = verdicts[2].status {} else { Issue.record("expected unavailable, got \(verdicts[2].status)") }
    #expect(clock.sleepsStarted == 0)
    #expect(client.calls.isEmpty)
  }
}

extension Verdict {
  fileprivate func withLatency(_ nanos: UInt64) -> Verdict {
    var v = self
    v.latencyNanos = nanos
    return v
  }
}
