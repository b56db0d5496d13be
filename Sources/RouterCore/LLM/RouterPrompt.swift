/// The LLM router's prompt (seed 000): the scenario's route definitions, and a demand for one
/// strict JSON object `{"route": ..., "reason": ...}`. The model classifies; it never answers.
public struct RouterPrompt: Sendable, Equatable {
  /// The system message.
  public let system: String
  /// Route names the answer may use, cheapest first.
  public let routes: [String]
  /// Longest message sent, in characters; longer text is cut (a paste must not cost a fortune).
  public static let maxMessageCharacters = 4000

  public init(scenario: Scenario) {
    routes = scenario.routeNames
    var s = "You are the router of \(scenario.title)"
    s += scenario.summary.isEmpty ? ".\n" : ": \(scenario.summary)\n"
    s += "You never answer the message yourself. You only decide who should answer it.\n\nRoutes, from cheapest to most capable:\n"
    for r in scenario.routes {
      s += "- \(r.name): \(r.meaning.isEmpty ? r.name : r.meaning)\n"
    }
    if let human = scenario.routes.first(where: \.isHuman) {
      s += "\nSafety beats cost: anything a person must see goes to \"\(human.name)\".\n"
    }
    s += "When unsure between two routes, choose the more capable one.\n\n"
    s += "Reply with one JSON object and nothing else, no code fence, no prose:\n"
    s += "{\"route\": \"<one of: \(routes.joined(separator: ", "))>\", \"reason\": \"<one short sentence>\"}"
    system = s
  }

  /// The chat request for `text`: system prompt, the message, JSON mode, a short answer.
  public func request(for text: String) -> ChatRequest {
    let message = text.count > Self.maxMessageCharacters ? String(text.prefix(Self.maxMessageCharacters)) : text
    return ChatRequest(messages: [.system(system), .user(message)], maxTokens: 120, temperature: 0, jsonMode: true)
  }
}
