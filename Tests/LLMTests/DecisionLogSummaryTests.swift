import RouterCore
import Testing

@Suite struct DecisionLogSummaryTests {
  func line(_ text: String, route: String, strategy: String, verdicts: [Verdict], shadow: Verdict? = nil) -> String {
    var r = DecisionRecord(time: 1_795_500_000_000_000_000, scenario: "clinic", text: text, verdicts: verdicts,
                           finalStrategy: strategy, redact: false)
    r.shadow = shadow
    return r.jsonLine
  }

  func v(_ strategy: String, _ route: String?, latencyMicros: UInt64 = 10, trace: [TraceStep] = [], status: Verdict.Status = .decided) -> Verdict {
    var x = Verdict(strategy: strategy, route: route, score: 1, scoreKind: .none, reason: "r", status: status, trace: trace)
    x.latencyNanos = latencyMicros * 1000
    return x
  }

  @Test("the summary counts routes, cost, disagreements, shadow, fallbacks, trips, downgrades and the slowest")
  func summary() throws {
    let fellBack = [
      TraceStep(name: "provider a", question: "", outcome: .passed, detail: "failed: HTTP 503"),
      TraceStep(name: "provider b", question: "", outcome: .fired, detail: "answered"),
      TraceStep(name: "circuit breaker", question: "", outcome: .fired, detail: "opened for a after 5 consecutive failures"),
      TraceStep(name: "LLM router", question: "", outcome: .fired, route: "fast", cost: 0.001),
    ]
    let routeFallback = [TraceStep(name: "fallback", question: "", outcome: .fired, route: "expert")]
    let budget = [TraceStep(name: "budget gate", question: "", outcome: .fired, route: "fast")]
    let lines = [
      line("hours?", route: "fast", strategy: "llm", verdicts: [v("hybrid", "fast"), v("llm", "fast", latencyMicros: 900_000, trace: fellBack)]),
      line("warfarin?", route: "expert", strategy: "llm",
           verdicts: [v("hybrid", "expert"), v("llm", "expert", latencyMicros: 2_000_000, trace: routeFallback, status: .failed("x"))],
           shadow: v("classifier", "human")),
      "not json",
      line("mole?", route: "fast", strategy: "hybrid", verdicts: [v("hybrid", "fast", trace: budget), v("llm", "expert")]),
      "",
    ]
    let s = DecisionLogSummary.read(Array(lines.joined(separator: "\n").utf8), prices: ["fast": 0.001, "expert": 0.015, "human": 0.5])
    #expect(s.decisions == 3)
    #expect(s.unreadableCount == 1 && s.unreadable.first?.line == 3)
    #expect(s.routeCounts == ["fast": 2, "expert": 1])
    #expect(abs((s.cost ?? 0) - (0.001 + 0.001 + 0.015 + 0.001)) < 1e-12)
    #expect(s.disagreements["hybrid"]?.compared == 2 && s.disagreements["hybrid"]?.disagreed == 0)
    #expect(s.disagreements["llm"]?.disagreed == 1)
    #expect(s.disagreements["llm"]?.examples.first?.line == 4)
    #expect(s.shadow.compared == 1 && s.shadow.disagreed == 1)
    #expect(s.providerFallbacks == 1 && s.routeFallbacks == 1)
    #expect(s.providerFailures == ["a": 1] && s.breakerTrips == ["a": 1])
    #expect(s.budgetDowngrades == 1)
    #expect(s.slowest.map(\.line) == [2, 1, 4])
    let text = DecisionLogReport.text(s, file: "log.jsonl")
    #expect(text.contains("breaker trips       a 1"))
    #expect(text.contains("Shadow (classifier): scored 1 sampled decisions, disagreed on 1"))
    let json = try JSONValue.parse(DecisionLogReport.json(s, file: "log.jsonl"))
    #expect(json["provider_fallbacks"] == .number(1))
    #expect(json["routes"]?["fast"] == .number(2))
  }
}
