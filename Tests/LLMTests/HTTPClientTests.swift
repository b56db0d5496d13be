import LLMHTTP
import RouterCore
import TestSupport
import Testing

/// The real HTTP path against the loopback test server: every fault ends in a clear verdict and
/// the right fallback.
@Suite struct HTTPClientTests {
  let policy = CallPolicy(timeoutNanos: 400_000_000, maxRetries: 2, backoffBaseNanos: 5_000_000, backoffCapNanos: 50_000_000)

  func stack(_ servers: FakeChatServer..., key: String? = nil) -> LLMStack {
    var env = [EndpointDirectory.urlVariable: servers.map(\.baseURL).joined(separator: ","), EndpointDirectory.modelVariable: "test-model"]
    if let key { env[EndpointDirectory.keyVariable] = key }
    return LLMStack(scenario: LLMFixtures.clinic, environment: env, client: HTTPChatClient(), policy: policy)
  }

  let question = Query("Can I take ibuprofen with warfarin?")

  @Test("a good answer decides the route; the request carries the model, the prompt and the key")
  func good() async throws {
    let server = try FakeChatServer(always: .route("expert", "drug interaction"))
    let v = await stack(server, key: "sk-loopback").llmRouter.decide(question)
    #expect(v.status == .decided)
    #expect(v.route == "expert")
    #expect(v.reason == "LLM: drug interaction")
    let request = try #require(server.requests.first)
    #expect(request.path == "/v1/chat/completions")
    #expect(request.headers["authorization"] == "Bearer sk-loopback")
    #expect(request.json?["model"] == .string("test-model"))
    #expect(request.userMessage == question.text)
    #expect(request.systemMessage?.contains("- expert: ") == true)
    #expect(!v.json.contains("sk-loopback"))
  }

  struct Fault: Sendable, CustomTestStringConvertible {
    var behavior: FakeChatBehavior
    var says: String
    var requests: Int
    var testDescription: String { says }
  }

  @Test("every fault ends in a failed verdict saying what went wrong, falling back to expert", arguments: [
    Fault(behavior: .slow("{\"route\":\"fast\",\"reason\":\"x\"}", seconds: 2), says: "no answer within 0.4 s (timed out)", requests: 1),
    Fault(behavior: .hang, says: "no answer within 0.4 s (timed out)", requests: 1),
    Fault(behavior: .status(429, retryAfter: 0), says: "HTTP 429 Too Many Requests", requests: 3),
    Fault(behavior: .status(503, retryAfter: nil), says: "HTTP 503 Service Unavailable", requests: 3),
    Fault(behavior: .status(500, retryAfter: nil), says: "HTTP 500 Internal Server Error", requests: 1),
    Fault(behavior: .rawBody("<html>bad gateway</html>"), says: "the endpoint's answer is not a chat completion: the body is not JSON", requests: 1),
    Fault(behavior: .rawBody("{\"object\":\"chat.completion\"}"), says: "the endpoint's answer is not a chat completion: no \"choices\" array", requests: 1),
    Fault(behavior: .dropConnection, says: "cannot reach the endpoint", requests: 1),
    Fault(behavior: .answer("I would say expert."), says: "unusable LLM answer: the answer is not JSON", requests: 1),
    Fault(behavior: .answer("Here you go: {\"route\":\"fast\",\"reason\":\"x\"}"), says: "unusable LLM answer: extra prose", requests: 1),
    Fault(behavior: .route("nurse"), says: "unusable LLM answer: unknown route \"nurse\"", requests: 1),
    Fault(behavior: .answer(""), says: "unusable LLM answer: empty answer", requests: 1),
  ])
  func faults(_ f: Fault) async throws {
    let server = try FakeChatServer(always: f.behavior)
    let v = await stack(server).llmRouter.decide(question)
    #expect(v.route == "expert")
    guard case .failed(let why) = v.status else {
      Issue.record("status \(v.status)")
      return
    }
    #expect(why.contains(f.says), "\(why)")
    #expect(v.trace.last?.name == "fallback" && v.trace.last?.outcome == .fired)
    #expect(server.requestCount == f.requests)
  }

  @Test("429 with Retry-After is retried and then answered")
  func retryThenAnswer() async throws {
    let server = try FakeChatServer { r in r.index < 2 ? .status(429, retryAfter: 0.01) : .route("fast", "hours") }
    let v = await stack(server).llmRouter.decide(Query("What time do you open?"))
    #expect(v.route == "fast" && v.status == .decided)
    #expect(v.trace.filter { $0.name == "provider env" }.map(\.outcome) == [.passed, .passed, .fired])
  }

  @Test("a failing provider falls back to the next; after five failures its circuit opens and it is skipped")
  func providerFallback() async throws {
    let bad = try FakeChatServer(always: .status(500, retryAfter: nil))
    let good = try FakeChatServer(always: .route("expert", "meds"))
    let s = stack(bad, good)
    var trips = 0
    for _ in 0..<7 {
      let v = await s.llmRouter.decide(question)
      #expect(v.route == "expert" && v.status == .decided)
      trips += v.trace.filter { $0.name == "circuit breaker" && $0.outcome == .fired }.count
    }
    #expect(trips == 1)
    #expect(bad.requestCount == 5)
    #expect(good.requestCount == 7)
    #expect(s.health.snapshot().first { $0.name == "env-1" }?.trips == 1)
  }

  @Test("marking a provider down sends the next call to the fallback")
  func markDown() async throws {
    let a = try FakeChatServer(always: .route("fast"))
    let b = try FakeChatServer(always: .route("expert"))
    let s = stack(a, b)
    s.health.setMarkedDown("env-1", true)
    let v = await s.llmRouter.decide(question)
    #expect(v.route == "expert")
    #expect(a.requestCount == 0)
    #expect(v.trace.contains { $0.name == "provider env-1" && $0.detail == "skipped: marked down by hand" })
  }

  @Test("cancelling a decision stops a hanging call")
  func cancel() async throws {
    let server = try FakeChatServer(always: .hang)
    let s = LLMStack(scenario: LLMFixtures.clinic, environment: [EndpointDirectory.urlVariable: server.baseURL],
                     client: HTTPChatClient(), policy: CallPolicy(timeoutNanos: 60_000_000_000))
    let task = Task { await s.llmRouter.decide(question) }
    while server.requestCount == 0 { try await Task.sleep(nanoseconds: 5_000_000) }
    task.cancel()
    let v = await task.value
    #expect(v.route == "expert")
    #expect(v.reason.contains("cancelled"))
  }

  @Test("the cascade's cheap model answers over HTTP and escalates on low confidence")
  func cascade() async throws {
    let server = try FakeChatServer { r in
      r.userMessage?.contains("park") == true ? .rated("Behind the building.", confidence: 0.9) : .rated("Not sure.", confidence: 0.1)
    }
    let c = stack(server).cascade
    #expect(await c.decide(Query("Where do I park?")).route == "fast")
    #expect(await c.decide(Query("Is this rash serious?")).route == "expert")
  }
}
