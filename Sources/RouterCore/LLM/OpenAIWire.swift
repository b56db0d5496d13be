/// The OpenAI chat-completions wire format, written and read without Foundation: the request
/// body the HTTP client sends, and the checks that turn a response body into a `ChatReply`.
public enum OpenAIWire {
  /// The JSON body of a `POST /chat/completions` request.
  public static func requestBody(_ request: ChatRequest, model: String) -> String {
    var out = "{\"model\":\(JSONText.quote(model)),\"messages\":["
    out += request.messages.map { "{\"role\":\(JSONText.quote($0.role)),\"content\":\(JSONText.quote($0.content))}" }
      .joined(separator: ",")
    out += "],\"max_tokens\":\(request.maxTokens),\"temperature\":\(JSONText.number(request.temperature)),\"stream\":false"
    if request.jsonMode { out += ",\"response_format\":{\"type\":\"json_object\"}" }
    return out + "}"
  }

  /// Reads a 2xx response body: the first choice's message content and the token usage.
  public static func parseReply(_ body: [UInt8], latencyNanos: UInt64) throws(ChatFailure) -> ChatReply {
    if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .malformed("the body is empty")
    }
    let value: JSONValue
    do {
      value = try JSONValue.parse(body)
    } catch {
      throw .malformed("the body is not JSON (\(error.message) at byte \(error.offset + 1)): \(snippet(body))")
    }
    guard case .object = value else { throw .malformed("the body is JSON but not an object") }
    if let error = value["error"], error != .null {
      throw .malformed("the body is an error: \(errorMessage(error))")
    }
    guard case .array(let choices)? = value["choices"] else { throw .malformed("no \"choices\" array") }
    guard let first = choices.first else { throw .malformed("\"choices\" is empty") }
    guard let message = first["message"] else { throw .malformed("the first choice has no \"message\"") }
    let content: String
    switch message["content"] {
    case .string(let s)?: content = s
    case .null?, nil: content = ""
    default: throw .malformed("the message content is not a string")
    }
    var usage: TokenUsage?
    if case .number(let p)? = value["usage"]?["prompt_tokens"], case .number(let c)? = value["usage"]?["completion_tokens"] {
      usage = TokenUsage(prompt: Int(p), completion: Int(c))
    }
    return ChatReply(content: content, usage: usage, model: value["model"]?.stringValue, latencyNanos: latencyNanos)
  }

  /// A short description of a non-2xx response body (its `error.message` when it has one).
  public static func errorSummary(_ body: [UInt8]) -> String {
    if let value = try? JSONValue.parse(body), let error = value["error"] { return errorMessage(error) }
    return snippet(body)
  }

  /// Parses a Retry-After header given in seconds (HTTP dates are not used by model servers).
  public static func retryAfterSeconds(_ header: String?) -> Double? {
    guard let header, let seconds = Double(header.trimmed(of: " ")), seconds.isFinite, seconds >= 0 else {
      return nil
    }
    return seconds
  }

  static func errorMessage(_ error: JSONValue) -> String {
    if let s = error.stringValue { return String(s.prefix(200)) }
    if let s = error["message"]?.stringValue { return String(s.prefix(200)) }
    return "unspecified error"
  }

  /// The first 80 bytes of a body, one line, for messages.
  static func snippet(_ body: [UInt8]) -> String {
    let text = String(decoding: body.prefix(80), as: UTF8.self)
    let line = String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
    return "\"" + line + (body.count > 80 ? "…" : "") + "\""
  }
}

extension String {
  /// The string without leading and trailing `character`s.
  func trimmed(of character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
