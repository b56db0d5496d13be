import RouterCore

/// How the loopback test server answers one chat request.
public enum FakeChatBehavior: Sendable, Equatable {
  /// 200 with a chat completion whose message content is `content`.
  case answer(String)
  /// The same, after `seconds`.
  case slow(String, seconds: Double)
  /// An error status (429, 503, 500…) with an OpenAI-style error body and an optional Retry-After.
  case status(Int, retryAfter: Double?)
  /// 200 with `body` as the whole response body (not JSON, or JSON of the wrong shape).
  case rawBody(String)
  /// Reads the request and never answers (until the server stops or `FakeChatServer.hangLimit`).
  case hang
  /// Reads the request and closes the connection without a response.
  case dropConnection

  /// A valid router answer: `{"route": route, "reason": reason}`.
  public static func route(_ route: String, _ reason: String = "test server decision") -> FakeChatBehavior {
    .answer("{\"route\":\(JSONText.quote(route)),\"reason\":\(JSONText.quote(reason))}")
  }

  /// A valid self-rated answer for the cascade: `{"answer": text, "confidence": c}`.
  public static func rated(_ text: String, confidence: Double) -> FakeChatBehavior {
    .answer("{\"answer\":\(JSONText.quote(text)),\"confidence\":\(JSONText.number(confidence))}")
  }
}

/// One request as the test server received it.
public struct FakeChatRequest: Sendable {
  /// 0 for the first request the server received.
  public var index: Int
  public var method: String
  public var path: String
  /// Lower-cased header names.
  public var headers: [String: String]
  public var body: String

  /// The parsed JSON body, if it is JSON.
  public var json: JSONValue? { try? JSONValue.parse(body) }

  /// The content of the last `user` message.
  public var userMessage: String? {
    guard case .array(let messages)? = json?["messages"] else { return nil }
    return messages.last { $0["role"]?.stringValue == "user" }?["content"]?.stringValue
  }

  /// The content of the `system` message.
  public var systemMessage: String? {
    guard case .array(let messages)? = json?["messages"] else { return nil }
    return messages.first { $0["role"]?.stringValue == "system" }?["content"]?.stringValue
  }
}
