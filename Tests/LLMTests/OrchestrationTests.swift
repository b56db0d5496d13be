import RouterCore
import TestSupport
import Testing

@Suite struct OrchestrationTests {
  let scenario = LLMFixtures.clinic
  var router: Router { Router(scenario: scenario) }

  func estimate(_ text: String) -> [PatternRun] {
    let q = Query(text)
    let hybrid = Fixtures.hybrid(router)
    let cascade = Cascade(scenario: scenario, rules: KeywordRules(scenario: scenario))
    return OrchestrationEstimator(scenario: scenario).estimate(decision: router.route(q, with: hybrid), cascade: cascade.route(q))
  }

  @Test("offline, the four patterns are estimated from prices and typical latencies")
  func fastQuestion() {
    let runs = estimate("Where can I park?")
    #expect(runs.map(\.pattern) == [.simple, .pipeline, .parallel, .fallback])
    #expect(runs.map(\.calls) == [1, 3, 3, 1])
    #expect(runs.allSatisfy { !$0.measured })
    #expect(abs(runs[0].cost - 0.001) < 1e-12)
    #expect(abs(runs[1].cost - 0.003) < 1e-12)
    #expect(abs(runs[2].cost - (0.001 + 0.015 + 0.015)) < 1e-12)
    #expect(runs[2].latencyNanos == 1_500_000_000 + 1_500_000_000)
    #expect(runs[3].finalRoute == "fast")
  }

  @Test("a question for a person goes to staff in every pattern, with no model fan-out")
  func humanQuestion() {
    let runs = estimate("I want to kill myself")
    #expect(runs.map(\.finalRoute) == ["human", "human", "human", "human"])
    #expect(runs[2].calls == 0)
  }

  @Test("with an endpoint, each pattern's steps are measured calls")
  func measured() async {
    let client = ScriptedChatClient { _, _, r in
      let system = r.messages.first?.content ?? ""
      if system.contains("You are the router") { return .reply("{\"route\":\"expert\",\"reason\":\"meds\"}") }
      if system.contains("first-line assistant") { return .reply("{\"answer\":\"Ask a pharmacist.\",\"confidence\":0.3}") }
      return .reply("{\"ok\": true, \"best\": 2, \"reason\": \"fine\"}")
    }
    let runs = await OrchestrationRunner(stack: LLMFixtures.stack(client)).run("Can I take ibuprofen with warfarin?",
                                                                                 offline: Verdict.unavailable("hybrid", "unused"))
    #expect(runs.allSatisfy { $0.measured })
    #expect(runs.map(\.finalRoute) == ["expert", "expert", "expert", "expert"])
    #expect(runs.map(\.calls) == [2, 3, 3, 2])
    // simple: route + answer; pipeline adds a check; parallel: two answers + judge; fallback: cheap try + expert answer.
    let expected = 8
    #expect(client.calls.count == expected)
  }
}

extension Fixtures {
  static func hybrid(_ router: Router) -> any RoutingStrategy {
    guard let s = router.strategy(named: "hybrid") else { fatalError("no hybrid") }
    return s
  }
}

enum Fixtures {}
