import Testing

@testable import RouterCore

@Suite struct EvaluationTests {
  @Test("oracle and always-baseline rows come out as defined")
  func referenceRows() {
    let examples = [
      LabeledExample(text: "what time do you open", route: "fast"),
      LabeledExample(text: "can I take ibuprofen with warfarin", route: "expert"),
      LabeledExample(text: "I want to end my life", route: "human"),
      LabeledExample(text: "where do I park", route: "fast"),
    ]
    let rows = Evaluation.run(Fixtures.clinicRouter, on: examples)
    #expect(rows.map(\.name) == Fixtures.clinicRouter.strategyNames + ["oracle", "always-expert"])
    func row(_ name: String) -> StrategyScore? { rows.first { $0.name == name } }
    guard let oracle = row("oracle"), let always = row("always-expert"), let hybrid = row("hybrid") else {
      Issue.record("missing rows")
      return
    }
    #expect(oracle.accuracy == 1)
    #expect(abs(oracle.costPerMessage - (0.001 * 2 + 0.015 + 0.5) / 4) < 1e-12)
    #expect(always.accuracy == 0.25)
    #expect(always.recall("human") == 0)
    #expect(always.qualityPreserved == 0.75)
    #expect(always.savings == 0)
    #expect(hybrid.latencies.count == 4)
    #expect(hybrid.recall("human") == 1)
  }

  @Test("quality preserved counts routes at least as capable as the label")
  func quality() {
    var s = StrategyScore(
      name: "x", isReference: false, unavailable: nil, routes: ["a", "b"], confusion: [[3, 1], [2, 4]], total: 10,
      costPerMessage: 0, baselineCostPerMessage: 1, latencies: [1, 2, 3, 4], misses: [])
    #expect(s.qualityPreserved == 0.8)
    #expect(s.accuracy == 0.7)
    #expect(s.recall("b") == 4.0 / 6.0)
    #expect(s.latencyPercentile(0.5) == 2)
    #expect(s.latencyPercentile(0.99) == 4)
    s.costPerMessage = 0.25
    #expect(s.savings == 0.75)
  }
}
