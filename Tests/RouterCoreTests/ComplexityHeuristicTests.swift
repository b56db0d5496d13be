import Testing

@testable import RouterCore

@Suite struct ComplexityHeuristicTests {
  let heuristic = ComplexityHeuristic(settings: HeuristicSettings(tierRoutes: ["t1", "t2", "t3"]))

  @Test("the usual form's examples land in tiers 1, 2 and 3")
  func usualExamples() {
    #expect(heuristic.breakdown("What time does the store close?").tier == 1)
    #expect(heuristic.breakdown("Summarize this customer's last 5 interactions").total == 1)
    let complex = "Explain why our billing system charges tax differently in each state "
      + "and compare the three approaches to fixing it step by step"
    let b = heuristic.breakdown(complex)
    #expect(b.complexKeyword == "explain")
    #expect(b.lengthPoints == 1)
    #expect(heuristic.route(Query(complex)).route == "t2")
  }

  @Test("points: one per 20 words up to 3, extra question marks, code, first keyword of each list")
  func points() {
    let long = String(repeating: "word ", count: 85) + "why does it? and? what?"
    let b = heuristic.breakdown(long + " def f(): pass; summarize it")
    #expect(b.lengthPoints == 3)
    #expect(b.questionPoints == 2)
    #expect(b.codePoints == 2)
    #expect(b.complexKeyword == "why does")
    #expect(b.moderateKeyword == "summarize")
    #expect(b.total == 10)
    #expect(b.tier == 3)
  }

  @Test("its blind spot: a short drug-interaction question scores simple")
  func blindSpot() {
    let v = ComplexityHeuristic(settings: Fixtures.clinic.heuristic).route(Query("Can I take ibuprofen with warfarin?"))
    #expect(v.score == 0)
    #expect(v.route == "fast")
    #expect(v.reason == "0 pts (no complexity signal) → tier 1")
  }

  @Test("keywords are substrings, as in the usual form (\"design\" inside \"designer\")")
  func substrings() {
    #expect(heuristic.breakdown("my designer friend").complexKeyword == "design")
  }
}
