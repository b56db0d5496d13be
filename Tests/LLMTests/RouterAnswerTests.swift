import RouterCore
import Testing

@Suite struct RouterAnswerTests {
  let routes = ["fast", "expert", "human"]

  struct Case: Sendable, CustomTestStringConvertible {
    var answer: String
    var expected: String
    var testDescription: String { expected }
  }

  @Test("a strict JSON answer with a known route is accepted")
  func good() {
    let r = RouterAnswer.validate("  {\"route\": \"expert\", \"reason\": \"asks about a drug interaction\"}\n", routes: routes)
    #expect(r == .success(RouterAnswer(route: "expert", reason: "asks about a drug interaction")))
  }

  @Test("a missing reason is tolerated, a reason that is not text is not")
  func reason() {
    #expect(RouterAnswer.validate("{\"route\":\"fast\"}", routes: routes) == .success(RouterAnswer(route: "fast", reason: "")))
    #expect(RouterAnswer.validate("{\"route\":\"fast\",\"reason\":3}", routes: routes) == .failure(.wrongType("reason", "a string")))
  }

  @Test("every kind of bad answer is named", arguments: [
    Case(answer: "", expected: "empty answer"),
    Case(answer: "  \n ", expected: "empty answer"),
    Case(answer: "expert", expected: "the answer is not JSON"),
    Case(answer: "{\"route\": \"expert\"", expected: "the answer is not JSON"),
    Case(answer: "Sure! {\"route\": \"fast\", \"reason\": \"hours\"}", expected: "extra prose around the JSON: \"Sure!\""),
    Case(answer: "{\"route\": \"fast\", \"reason\": \"x\"} Hope this helps.", expected: "extra prose around the JSON: \"Hope this helps.\""),
    Case(answer: "```json\n{\"route\": \"fast\", \"reason\": \"x\"}\n```", expected: "extra prose around the JSON: the JSON is inside a ``` code fence"),
    Case(answer: "[\"fast\"]", expected: "the answer is JSON but not an object"),
    Case(answer: "{\"type\": \"fast\"}", expected: "the answer has no \"route\""),
    Case(answer: "{\"route\": 2}", expected: "\"route\" is not a string"),
    Case(answer: "{\"route\": \"doctor\", \"reason\": \"x\"}", expected: "unknown route \"doctor\" (routes: fast, expert, human)"),
    Case(answer: "{\"route\": \"Fast\", \"reason\": \"x\"}", expected: "unknown route \"Fast\""),
  ])
  func bad(_ c: Case) {
    guard case .failure(let problem) = RouterAnswer.validate(c.answer, routes: routes) else {
      Issue.record("accepted \(c.answer)")
      return
    }
    #expect(problem.description.hasPrefix(c.expected), "\(problem)")
  }

  @Test("the cascade's self-rated answer needs text and a confidence in 0...1")
  func selfRated() {
    #expect(SelfRatedAnswer.validate("{\"answer\":\"We open at 8.\",\"confidence\":0.9}") == .success(SelfRatedAnswer(answer: "We open at 8.", confidence: 0.9)))
    #expect(SelfRatedAnswer.validate("{\"answer\":\"x\",\"confidence\":90}") == .failure(.outOfRange("confidence", "0…1")))
    #expect(SelfRatedAnswer.validate("{\"answer\":\"x\",\"confidence\":\"high\"}") == .failure(.wrongType("confidence", "a number")))
    #expect(SelfRatedAnswer.validate("{\"answer\":\"  \",\"confidence\":1}") == .failure(.missingField("answer")))
  }

  @Test("the router prompt lists every route with its meaning and asks for strict JSON")
  func prompt() {
    let p = RouterPrompt(scenario: LLMFixtures.clinic)
    for r in LLMFixtures.clinic.routes {
      #expect(p.system.contains("- \(r.name): \(r.meaning)"))
    }
    #expect(p.system.contains("{\"route\": \"<one of: fast, expert, human>\", \"reason\": \"<one short sentence>\"}"))
    #expect(p.system.contains("Safety beats cost"))
    let request = p.request(for: String(repeating: "a", count: 10_000))
    #expect(request.jsonMode && request.temperature == 0)
    #expect(request.messages.last?.content.count == RouterPrompt.maxMessageCharacters)
  }
}
