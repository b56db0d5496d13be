import RouterCore
import Testing

@Suite struct BudgetAndShadowTests {
  let gate = BudgetGate(scenario: LLMFixtures.clinic, daily: 10)

  func verdict(_ route: String, strategy: String = "hybrid", trace: [TraceStep] = []) -> Verdict {
    Verdict(strategy: strategy, route: route, score: 1, scoreKind: .confidence, reason: "r", trace: trace)
  }

  @Test("under the budget the route stands and the trace says so")
  func under() {
    let v = gate?.apply(verdict("expert"), spentToday: 9.99)
    #expect(v?.route == "expert")
    #expect(v?.trace.last?.name == "budget gate")
    #expect(v?.trace.last?.outcome == .passed)
    #expect(v?.trace.last?.detail == "$9.99 spent of $10.00 today; under budget")
  }

  @Test("past the budget a model route goes down to the cheapest tier, and the trace says so")
  func over() {
    let v = gate?.apply(verdict("expert"), spentToday: 10)
    #expect(v?.route == "fast")
    #expect(v?.trace.last?.outcome == .fired)
    #expect(v?.trace.last?.detail == "$10.00 spent of $10.00 today; over budget: expert → fast")
    #expect(v?.reason.hasPrefix("over the daily budget") == true)
  }

  @Test("safety routes are never downgraded, past any budget")
  func safety() {
    let human = gate?.apply(verdict("human"), spentToday: 1_000)
    #expect(human?.route == "human")
    #expect(human?.trace.last?.detail.hasSuffix("human is a safety route: never downgraded") == true)
    let bySafety = verdict("expert", trace: [TraceStep(name: "safety rules", question: "", outcome: .fired, route: "expert")])
    #expect(gate?.apply(bySafety, spentToday: 1_000).route == "expert")
  }

  @Test("no budget, no gate; the ledger starts a new total each UTC day")
  func ledger() {
    #expect(BudgetGate(scenario: LLMFixtures.clinic)?.daily == nil)
    var l = BudgetLedger()
    let day: UInt64 = 86_400_000_000_000
    l.record(3, atWallNanos: 20_000 * day + 5)
    l.record(4, atWallNanos: 20_000 * day + 9)
    #expect(l.spent(atWallNanos: 20_000 * day + 10) == 7)
    #expect(l.spent(atWallNanos: 20_001 * day) == 0)
    l.record(1, atWallNanos: 20_001 * day)
    #expect(l.spent == 1)
  }

  @Test("shadow sampling is deterministic by text and takes about the asked share")
  func sampling() {
    let texts = (0..<20_000).map { "message number \($0) about parking" }
    let sampled = texts.filter { ShadowSampler.isSampled(Query($0), share: 0.05) }
    #expect(abs(Double(sampled.count) / Double(texts.count) - 0.05) < 0.01)
    #expect(texts.filter { ShadowSampler.isSampled(Query($0), share: 0.05) } == sampled)
    #expect(ShadowSampler.isSampled(Query("Where Can  I park?"), share: 0.3) == ShadowSampler.isSampled(Query("where can i park?"), share: 0.3))
    #expect(!ShadowSampler.isSampled(Query("x"), share: 0))
    #expect(ShadowSampler.isSampled(Query("x"), share: 1))
  }

  @Test("shadow mode over a labelled set lists where the two policies disagree")
  func report() {
    let router = Router(scenario: LLMFixtures.clinic)
    guard let primary = router.strategy(named: "hybrid"), let shadow = router.strategy(named: "heuristic") else { return }
    let examples = LLMFixtures.clinic.dev
    let r = ShadowReport(examples: examples, primary: primary, shadow: shadow, share: 0.2) { router.route($0, with: $1) }
    #expect(r.comparisons.count > examples.count / 10 && r.comparisons.count < examples.count / 3)
    #expect(!r.disagreements.isEmpty)
    #expect(r.text.contains("Shadow: heuristic scored \(r.comparisons.count) of \(examples.count) messages"))
    #expect((try? JSONValue.parse(r.json))?["shadow"]?["sampled"] == .number(Double(r.comparisons.count)))
  }
}
