import RouterCore
import Testing

@Suite struct OpenAIWireTests {
  @Test("the request body is the OpenAI chat shape, escaped, with JSON mode when asked")
  func body() throws {
    let r = ChatRequest(messages: [.system("be \"strict\""), .user("line1\nline2")], maxTokens: 50, jsonMode: true)
    let v = try JSONValue.parse(OpenAIWire.requestBody(r, model: "smollm2"))
    #expect(v["model"] == .string("smollm2"))
    #expect(v["max_tokens"] == .number(50))
    #expect(v["stream"] == .bool(false))
    #expect(v["response_format"]?["type"] == .string("json_object"))
    guard case .array(let messages)? = v["messages"] else {
      Issue.record("no messages")
      return
    }
    #expect(messages.map { $0["content"]?.stringValue } == ["be \"strict\"", "line1\nline2"])
  }

  @Test("a completion body gives the first choice's content and the token usage")
  func reply() throws {
    let body = Array(#"{"model":"m","choices":[{"message":{"role":"assistant","content":"{\"route\":\"fast\"}"}}],"usage":{"prompt_tokens":10,"completion_tokens":3}}"#.utf8)
    let r = try OpenAIWire.parseReply(body, latencyNanos: 5)
    #expect(r == ChatReply(content: "{\"route\":\"fast\"}", usage: TokenUsage(prompt: 10, completion: 3), model: "m", latencyNanos: 5))
  }

  @Test("bodies that are not completions are malformed, saying why", arguments: [
    ("", "the body is empty"),
    ("<html>502</html>", "the body is not JSON"),
    ("[1]", "the body is JSON but not an object"),
    ("{\"id\":1}", "no \"choices\" array"),
    ("{\"choices\":[]}", "\"choices\" is empty"),
    ("{\"choices\":[{}]}", "the first choice has no \"message\""),
    ("{\"error\":{\"message\":\"model not loaded\"}}", "the body is an error: model not loaded"),
  ])
  func malformed(_ body: String, _ why: String) {
    #expect(throws: ChatFailure.self) { try OpenAIWire.parseReply(Array(body.utf8), latencyNanos: 0) }
    do {
      _ = try OpenAIWire.parseReply(Array(body.utf8), latencyNanos: 0)
    } catch {
      guard case .malformed(let text) = error else {
        Issue.record("expected malformed, got \(error)")
        return
      }
      #expect(text.hasPrefix(why), "\(text)")
    }
  }

  @Test("a null content is an empty answer, which the validator then names")
  func nullContent() throws {
    let r = try OpenAIWire.parseReply(Array(#"{"choices":[{"message":{"content":null}}]}"#.utf8), latencyNanos: 0)
    #expect(r.content == "")
  }

  @Test("Retry-After in seconds is read; anything else is ignored")
  func retryAfter() {
    #expect(OpenAIWire.retryAfterSeconds("2") == 2)
    #expect(OpenAIWire.retryAfterSeconds(" 0.5 ") == 0.5)
    #expect(OpenAIWire.retryAfterSeconds("Wed, 21 Oct 2026 07:28:00 GMT") == nil)
    #expect(OpenAIWire.retryAfterSeconds(nil) == nil)
  }

  @Test("an API key never shows in descriptions or endpoint labels")
  func keyHidden() {
    let key = APIKey("sk-secret-123")
    let e = Endpoint(name: "hosted", baseURL: "https://api.example.com/v1/", model: "m", key: key, route: "fast")
    #expect(!"\(key)".contains("secret"))
    #expect(!String(reflecting: key).contains("secret"))
    #expect(!e.label.contains("secret"))
    #expect(!"\(e)".contains("sk-secret"))
    #expect(key.authorizationHeader == "Bearer sk-secret-123")
    #expect(e.chatCompletionsURL == "https://api.example.com/v1/chat/completions")
  }
}
