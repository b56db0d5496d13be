import Testing

@testable import RouterCore

@Suite struct HybridFlowTests {
  func trace(_ text: String) -> Verdict { Fixtures.hybrid.route(Query(text)) }

  @Test("a safety rule fires first and every later check is listed as skipped")
  func safetyFirst() {
    let v = trace("Can you book me Tuesday? I also keep thinking about ending my life.")
    #expect(v.route == "human")
    #expect(v.trace.map(\.name) == HybridFlow.checkNames)
    #expect(v.trace[0].outcome == .fired)
    #expect(v.trace[0].detail == "self-harm: \"ending my life\"")
    #expect(v.trace.dropFirst().allSatisfy { $0.outcome == .skipped })
    #expect(v.reason.hasPrefix("safety rule self-harm"))
  }

  @Test("a safety word the classifier all but rules out is overruled, and the trace and reason say so", arguments: [
    ("where do we park for the stroke rehab unit? bringing mum for her physio tomorrow", "stroke"),
    ("My grandfather had a stroke. Are strokes genetic or is it mostly lifestyle stuff?", "stroke"),
    ("who do i ask about the bill from the ambulance was that you or the hospital", "ambulance"),
  ])
  func overruled(_ text: String, _ word: String) throws {
    let clinic = Fixtures.clinic
    #expect(clinic.flow.safetyOverruleBelow > 0)
    // The keyword rules alone send it to staff...
    #expect(Fixtures.clinicRouter.strategy(named: "rules")?.route(Query(text)).route == "human")
    // ...the flow does not, and shows why.
    let v = trace(text)
    #expect(v.route != "human")
    let safety = v.trace[0]
    #expect(safety.outcome == .passed)
    #expect(safety.detail.hasPrefix("overruled, human 0."))
    #expect(safety.detail.contains("% < 0.20%: "))
    #expect(safety.detail.hasSuffix(": \"\(word)\""))
    let rule = try #require(Fixtures.clinicRouter.strategy(named: "rules")?.route(Query(text)))
    let flow = try #require(Fixtures.hybrid as? HybridFlow)
    #expect(flow.classifier.rank(Query(text)).probability(of: try #require(rule.route)) < clinic.flow.safetyOverruleBelow)
    #expect(v.reason.contains("matched \"\(word)\" but was overruled"))
    // Without the setting the same rule decides.
    var strict = clinic
    strict.flow.safetyOverruleBelow = 0
    let s = try #require(Router(scenario: strict).strategy(named: "hybrid")?.route(Query(text)))
    #expect(s.route == "human")
    #expect(s.trace[0].outcome == .fired)
  }

  @Test("a real emergency is never overruled, nor a short message with no context to read it by", arguments: [
    "I think I am having a stroke right now, my arm is numb and my face feels droopy",
    "took the whole bottle of my sleeping pills an hour ago",
    "EMERGENCY", "heart attack", "HEART ATTACK", "heart attack?", "overdose", "overdose!!", "help overdose",
    "overdose help", "stroke", "suicide", "chest pain", "can't breathe",
  ])
  func notOverruled(_ text: String) {
    let v = trace(text)
    #expect(v.route == "human")
    #expect(v.trace[0].outcome == .fired)
    #expect(!v.reason.contains("overruled"))
  }

  @Test("an explicit request for a person fires at the second check")
  func asksForPerson() {
    let v = trace("I want to talk to a real person about my bill")
    #expect(v.route == "human")
    #expect(v.trace[0].outcome == .passed)
    #expect(v.trace[1].outcome == .fired)
  }

  @Test("the classifier checks carry score, threshold, margin and runner-up")
  func classifierNumbers() {
    let v = trace("What are your opening hours on Saturday?")
    let confident = v.trace[3]
    #expect(confident.threshold == Fixtures.clinic.flow.confidenceThreshold)
    #expect(confident.score != nil)
    #expect(confident.runnerUp != nil)
    if let s = confident.score, let t = confident.threshold {
      #expect(confident.margin == s - t)
    }
    #expect(v.route == "fast")
    #expect(v.trace.filter { $0.outcome == .fired }.count == 1)
  }

  @Test("when unsure, the flow falls back to the more capable of the two likeliest routes")
  func fallback() {
    var scenario = Fixtures.clinic
    scenario.flow.confidenceThreshold = 1.0
    scenario.flow.escalateThreshold = 1.0
    let router = Router(scenario: scenario)
    let v = router.strategy(named: "hybrid")?.route(Query("What are your opening hours on Saturday?"))
    #expect(v?.trace.last?.outcome == .fired)
    #expect(v?.route == scenario.moreCapable(v?.trace.last?.runnerUp?.route ?? "", v?.trace[3].route ?? ""))
    #expect(v?.reason.contains("falling back to the more capable") == true)
  }

  @Test("clinic cases route as the labelling guide says", arguments: [
    ("What time does the clinic open?", "fast"),
    ("Can I take ibuprofen with my warfarin?", "expert"),
    ("I feel unsafe and want to hurt myself.", "human"),
    ("my husband hits me", "human"),
    ("My dad's face is drooping and his speech is slurred", "human"),
  ])
  func clinicCases(_ text: String, _ route: String) {
    #expect(trace(text).route == route)
  }

  @Test("hostile input gets a sane verdict", arguments: [
    "", "   ", String(repeating: "a", count: 1 << 20), "\u{1B}[2J\u{1B}]0;pwned\u{07}", "\u{0}\u{1}\u{2}",
    String(decoding: [0xFF, 0xFE, 0x41], as: UTF8.self), "🙂🙂🙂 日本語",
  ])
  func hostile(_ text: String) {
    let v = trace(text)
    #expect(v.route != nil)
    #expect(v.trace.count == HybridFlow.checkNames.count)
  }
}
