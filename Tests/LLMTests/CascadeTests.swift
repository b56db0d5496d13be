import RouterCore
import TestSupport
import Testing

@Suite struct CascadeTests {
  let offline = Cascade(scenario: LLMFixtures.clinic, rules: KeywordRules(scenario: LLMFixtures.clinic))

  @Test("the clinic and support scenarios ship an FAQ of at least 25 entries")
  func faqSize() {
    #expect(LLMFixtures.clinic.faq.count >= 25)
    #expect(LLMFixtures.support.faq.count >= 25)
    #expect(LLMFixtures.clinic.faq.allSatisfy { !$0.answer.isEmpty && $0.line > 0 })
  }

  @Test("offline, a front-desk question is answered by the cheap tier from the FAQ")
  func acceptsFAQ() {
    let v = offline.route(Query("Where can I park my car?"))
    #expect(v.route == "fast")
    let step = v.trace.first { $0.name == "fast tier" }
    #expect(step?.outcome == .fired)
    #expect((step?.score ?? 0) >= offline.threshold)
    #expect(step?.cost == 0.001)
    #expect(v.evidence.contains { $0.label == "answer" && $0.value.contains("parking") })
  }

  @Test("a clinical question scores low against the FAQ and escalates, with each step's cost and why")
  func escalates() {
    let v = offline.route(Query("Can I take ibuprofen with warfarin?"))
    #expect(v.route == "expert")
    let tiers = v.trace.filter { $0.name.hasSuffix(" tier") }
    #expect(tiers.map(\.name) == ["fast tier", "expert tier"])
    #expect(tiers.map(\.outcome) == [.passed, .fired])
    #expect(tiers[0].detail.hasSuffix("escalate"))
    #expect(tiers.compactMap(\.cost) == [0.001, 0.015])
    #expect(v.reason.contains("escalated fast → expert"))
    #expect(v.decisionCost(prices: ["fast": 0.001, "expert": 0.015]) == 0.016)
  }

  @Test("safety checks run before any tier")
  func safety() {
    let v = offline.route(Query("my husband hits me"))
    #expect(v.route == "human")
    #expect(!v.trace.contains { $0.name.hasSuffix(" tier") })
  }

  @Test("without an endpoint, a middle tier is passed over and the top tier answers")
  func support() {
    let c = Cascade(scenario: LLMFixtures.support, rules: KeywordRules(scenario: LLMFixtures.support))
    let v = c.route(Query("Why does our deployment fail intermittently?"))
    #expect(v.route == "tier3")
    #expect(v.trace.filter { $0.name.hasSuffix(" tier") }.map(\.outcome) == [.passed, .skipped, .fired])
    #expect(c.route(Query("How do I reset my password?")).route == "tier1")
  }

  @Test("with an endpoint, the cheap model answers and rates itself; low confidence escalates")
  func online() async {
    let sure = LLMFixtures.stack(ScriptedChatClient { _, _, _ in .reply("{\"answer\":\"We open at 8.\",\"confidence\":0.9}") }).cascade
    #expect(sure.route(Query("When do you open?")).status == .pending)
    let a = await sure.decide(Query("When do you open?"))
    #expect(a.route == "fast")
    #expect(a.trace.first { $0.name == "fast tier" }?.detail.contains("rated itself 0.90") == true)

    let unsure = LLMFixtures.stack(ScriptedChatClient { _, _, _ in .reply("{\"answer\":\"Maybe.\",\"confidence\":0.2}") }).cascade
    let b = await unsure.decide(Query("Is this mole cancer?"))
    #expect(b.route == "expert")
    #expect(b.trace.filter { $0.name.hasSuffix(" tier") }.map(\.outcome) == [.passed, .fired])
  }

  @Test("with an endpoint, a bad or missing cheap answer escalates and says why")
  func onlineFaults() async {
    let bad = LLMFixtures.stack(ScriptedChatClient(always: "I think 0.8")).cascade
    let v = await bad.decide(Query("When do you open?"))
    #expect(v.route == "expert")
    #expect(v.trace.first { $0.name == "fast tier" }?.detail.contains("answer unusable (the answer is not JSON") == true)
    let down = LLMFixtures.stack(ScriptedChatClient { _, _, _ in .fail(.transport("connection refused")) }).cascade
    let w = await down.decide(Query("When do you open?"))
    #expect(w.route == "expert")
    #expect(w.trace.contains { $0.name == "provider env" && $0.outcome == .passed })
  }

  @Test("the request to the cheap model carries the closest FAQ facts")
  func facts() async {
    let client = ScriptedChatClient(always: "{\"answer\":\"Behind the building.\",\"confidence\":0.8}")
    _ = await LLMFixtures.stack(client).cascade.decide(Query("where do I park?"))
    #expect(client.calls.first?.request.messages.first?.content.contains("Free patient parking") == true)
  }
}
