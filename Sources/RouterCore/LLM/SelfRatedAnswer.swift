/// A cheaper tier's answer with its own confidence, as the cascade asks for it when a model
/// endpoint is configured: `{"answer": "...", "confidence": 0.0–1.0}`.
public struct SelfRatedAnswer: Sendable, Equatable {
  public var answer: String
  public var confidence: Double

  public init(answer: String, confidence: Double) {
    self.answer = answer
    self.confidence = confidence
  }

  /// The request: the scenario's context and a few FAQ facts that may help, then the message.
  public static func request(for text: String, title: String, facts: [FAQEntry]) -> ChatRequest {
    var system = "You are the first-line assistant of \(title). Answer the user's message in at most three sentences, "
    system += "using only what you know for sure. Then rate from 0 to 1 how confident you are that your answer fully "
    system += "and safely answers the message; below 0.5 means a more capable assistant should answer instead.\n"
    if !facts.isEmpty {
      system += "Facts you may use:\n" + facts.map { "- \($0.question) \($0.answer)" }.joined(separator: "\n") + "\n"
    }
    system += "Reply with one JSON object and nothing else: {\"answer\": \"<your answer>\", \"confidence\": <0 to 1>}"
    let message = text.count > RouterPrompt.maxMessageCharacters ? String(text.prefix(RouterPrompt.maxMessageCharacters)) : text
    return ChatRequest(messages: [.system(system), .user(message)], maxTokens: 200, temperature: 0, jsonMode: true)
  }

  /// Validates the model's reply: one JSON object with a non-empty `answer` and a `confidence` in 0...1.
  public static func validate(_ content: String) -> Result<SelfRatedAnswer, AnswerProblem> {
    switch StrictJSONObject.read(content) {
    case .failure(let p): return .failure(p)
    case .success(let object):
      guard let a = object["answer"] else { return .failure(.missingField("answer")) }
      guard let answer = a.stringValue else { return .failure(.wrongType("answer", "a string")) }
      guard !answer.trimmingWhitespace().isEmpty else { return .failure(.missingField("answer")) }
      guard let c = object["confidence"] else { return .failure(.missingField("confidence")) }
      guard case .number(let confidence) = c else { return .failure(.wrongType("confidence", "a number")) }
      guard (0...1).contains(confidence) else { return .failure(.outOfRange("confidence", "0…1")) }
      return .success(SelfRatedAnswer(answer: answer, confidence: confidence))
    }
  }
}
