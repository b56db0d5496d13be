/// One message of a chat request: who says it (`system`, `user`, `assistant`) and what.
public struct ChatMessage: Sendable, Equatable {
  public var role: String
  public var content: String

  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }

  public static func system(_ text: String) -> ChatMessage { ChatMessage(role: "system", content: text) }
  public static func user(_ text: String) -> ChatMessage { ChatMessage(role: "user", content: text) }
}

/// What to ask a chat model: the messages and how to sample the answer.
public struct ChatRequest: Sendable, Equatable {
  public var messages: [ChatMessage]
  /// Longest answer, in tokens.
  public var maxTokens: Int
  /// 0 for the most likely answer: routing wants repeatable decisions.
  public var temperature: Double
  /// Ask the server for a JSON object (`response_format: json_object`) when it supports it.
  public var jsonMode: Bool

  public init(messages: [ChatMessage], maxTokens: Int = 200, temperature: Double = 0, jsonMode: Bool = false) {
    self.messages = messages
    self.maxTokens = maxTokens
    self.temperature = temperature
    self.jsonMode = jsonMode
  }
}

/// Tokens a call used, as the server reported them.
public struct TokenUsage: Sendable, Equatable {
  public var prompt: Int
  public var completion: Int

  public init(prompt: Int, completion: Int) {
    self.prompt = prompt
    self.completion = completion
  }
}

/// A chat model's answer to one request.
public struct ChatReply: Sendable, Equatable {
  /// The text of the first choice, exactly as sent.
  public var content: String
  public var usage: TokenUsage?
  /// The model the server says answered, when it says.
  public var model: String?
  /// Time from sending the request to having the whole answer, in nanoseconds.
  public var latencyNanos: UInt64

  public init(content: String, usage: TokenUsage? = nil, model: String? = nil, latencyNanos: UInt64 = 0) {
    self.content = content
    self.usage = usage
    self.model = model
    self.latencyNanos = latencyNanos
  }
}
