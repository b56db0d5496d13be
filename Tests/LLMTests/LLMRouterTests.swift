import RouterCore
import TestSupport
import Testing

@Suite struct LLMRouterTests {
  func router(_ client: ScriptedChatClient) -> LLMRouter { LLMFixtures.stack(client).llmRouter }

  @Test("without an endpoint the strategy is unavailable and says how to configure one")
  func unconfigured() {
    let stack = LLMStack(scenario: LLMFixtures.clinic, environment: [:], client: ScriptedChatClient(always: "x"))
    let v = stack.llmRouter.route(Query("What time do you open?"))
    guard case .unavailable(let why) = v.status else {
      Issue.record("status \(v.status)")
      return
    }
    #expect(why.hasPrefix("not configured"))
    #expect(why.contains("ROUTERLAB_LLM_URL=http://127.0.0.1:8080/v1"))
    #expect(stack.statusLine.contains("not configured"))
  }

  @Test("safety rules run first: no model call, and the route is human at once")
  func safetyFirst() async {
    let client = ScriptedChatClient(always: "{\"route\":\"fast\",\"reason\":\"x\"}")
    let r = router(client)
    let instant = r.route(Query("I want to end my life"))
    #expect(instant.status == .decided)
    #expect(instant.route == "human")
    let full = await r.decide(Query("I want to end my life"))
    #expect(full.route == "human")
    #expect(client.calls.isEmpty)
    #expect(full.trace.first?.outcome == .fired)
  }

  @Test("a pending verdict says thinking… until the model answers")
  func pending() {
    let v = router(ScriptedChatClient(always: "x")).route(Query("Can I take ibuprofen with warfarin?"))
    #expect(v.status == .pending)
    #expect(v.reason == "thinking…")
  }

  @Test("a valid answer decides the route, with the model's reason, latency and the call's cost")
  func answer() async {
    let client = ScriptedChatClient(always: "{\"route\":\"expert\",\"reason\":\"drug interaction\"}")
    let v = await router(client).decide(Query("Can I take ibuprofen with warfarin?"))
    #expect(v.status == .decided)
    #expect(v.route == "expert")
    #expect(v.reason == "LLM: drug interaction")
    #expect(v.trace.map(\.name) == ["safety rules", "asks for a person", "provider env", "LLM router", "fallback"])
    #expect(v.trace.first { $0.name == "LLM router" }?.cost == LLMFixtures.clinic.routes[0].costPerMessage)
    #expect(v.evidence.contains(Evidence("latency", "1 ms")))
    #expect(client.calls.first?.request.messages.last?.content == "Can I take ibuprofen with warfarin?")
  }

  struct Fault: Sendable, CustomTestStringConvertible {
    var step: ScriptedChatClient.Step
    var says: String
    var testDescription: String { says }
  }

  @Test("every fault ends in a failed verdict that says what went wrong and falls back to the more capable route", arguments: [
    Fault(step: .reply("{\"route\":\"doctor\",\"reason\":\"x\"}"), says: "unusable LLM answer: unknown route \"doctor\""),
    Fault(step: .reply("not json at all"), says: "unusable LLM answer: the answer is not JSON"),
    Fault(step: .reply("Sure! {\"route\":\"fast\",\"reason\":\"x\"}"), says: "unusable LLM answer: extra prose around the JSON"),
    Fault(step: .reply(""), says: "unusable LLM answer: empty answer"),
    Fault(step: .fail(.timeout(afterNanos: 1_000_000_000)), says: "no answer from the router model: no answer within 1.0 s (timed out)"),
    Fault(step: .fail(.http(status: 503, retryAfterSeconds: 0, message: "")), says: "no answer from the router model: HTTP 503 Service Unavailable"),
    Fault(step: .fail(.malformed("the body is not JSON")), says: "no answer from the router model: the endpoint's answer is not a chat completion"),
    Fault(step: .fail(.transport("connection refused")), says: "no answer from the router model: cannot reach the endpoint: connection refused"),
  ])
  func faults(_ f: Fault) async {
    let v = await router(ScriptedChatClient { _, _, _ in f.step }).decide(Query("Can I take ibuprofen with warfarin?"))
    #expect(v.route == "expert")
    guard case .failed(let why) = v.status else {
      Issue.record("status \(v.status)")
      return
    }
    #expect(why.hasPrefix(f.says), "\(why)")
    #expect(v.reason.hasSuffix("falling back to the more capable expert"))
    #expect(v.trace.last?.name == "fallback")
    #expect(v.trace.last?.outcome == .fired)
    #expect(v.json.contains("\"status\":\"failed\""))
  }

  @Test("the fallback route follows the scenario's [llm] setting")
  func fallbackSetting() async {
    var s = LLMFixtures.clinic
    s.production.llm.fallbackRoute = "human"
    let stack = LLMFixtures.stack(ScriptedChatClient(always: "nope"), scenario: s)
    #expect(await stack.llmRouter.decide(Query("Can I take ibuprofen with warfarin?")).route == "human")
  }

  @Test("the key is sent to the client but never appears in a verdict, its JSON or a trace")
  func keyNeverShown() async {
    let client = ScriptedChatClient(always: "{\"route\":\"fast\",\"reason\":\"hours\"}")
    let env = LLMFixtures.environment("http://127.0.0.1:9/v1", key: "sk-top-secret")
    let stack = LLMStack(scenario: LLMFixtures.clinic, environment: env, client: client, clock: InstantClock())
    let v = await stack.llmRouter.decide(Query("What time do you open?"))
    #expect(client.calls.first?.endpoint.key?.authorizationHeader == "Bearer sk-top-secret")
    let shown = v.json + v.reason + v.evidence.map { $0.label + $0.value }.joined() + stack.statusLine
      + DecisionRecord(scenario: "clinic", text: "t", verdicts: [v], finalStrategy: "llm", redact: false).jsonLine
    #expect(!shown.contains("sk-top-secret"))
  }
}
