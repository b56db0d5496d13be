/// The LLM router's answer once validated: a known route and the model's reason.
public struct RouterAnswer: Sendable, Equatable {
  public var route: String
  public var reason: String

  public init(route: String, reason: String) {
    self.route = route
    self.reason = reason
  }

  /// Validates a model's answer: one JSON object, nothing around it, with a known `route` and,
  /// if present, a string `reason`. Anything else is a problem that says what went wrong.
  public static func validate(_ content: String, routes: [String]) -> Result<RouterAnswer, AnswerProblem> {
    switch StrictJSONObject.read(content) {
    case .failure(let problem): return .failure(problem)
    case .success(let object):
      guard let routeValue = object["route"] else { return .failure(.missingField("route")) }
      guard let route = routeValue.stringValue else { return .failure(.wrongType("route", "a string")) }
      guard routes.contains(route) else { return .failure(.unknownRoute(route, known: routes)) }
      // A missing reason is tolerated (small models drop it); a reason that is not text is not.
      guard let reasonValue = object["reason"] else { return .success(RouterAnswer(route: route, reason: "")) }
      guard let reason = reasonValue.stringValue else { return .failure(.wrongType("reason", "a string")) }
      return .success(RouterAnswer(route: route, reason: reason))
    }
  }
}

/// What is wrong with a model's JSON answer, as a sentence for the verdict.
public enum AnswerProblem: Error, Sendable, Equatable, CustomStringConvertible {
  case empty
  case notJSON(String)
  /// A JSON object was found, with other text around it.
  case extraProse(String)
  case notObject
  case missingField(String)
  case wrongType(String, String)
  case unknownRoute(String, known: [String])
  case outOfRange(String, String)

  public var description: String {
    switch self {
    case .empty: return "empty answer"
    case .notJSON(let why): return "the answer is not JSON (\(why))"
    case .extraProse(let what): return "extra prose around the JSON: \(what)"
    case .notObject: return "the answer is JSON but not an object"
    case .missingField(let f): return "the answer has no \"\(f)\""
    case .wrongType(let f, let t): return "\"\(f)\" is not \(t)"
    case .unknownRoute(let r, let known):
      return "unknown route \"\(r.count > 40 ? String(r.prefix(40)) + "…" : r)\" (routes: \(known.joined(separator: ", ")))"
    case .outOfRange(let f, let range): return "\"\(f)\" is outside \(range)"
    }
  }
}

/// Reads an answer that must be exactly one JSON object, telling bad JSON from JSON wrapped in prose.
enum StrictJSONObject {
  static func read(_ content: String) -> Result<JSONValue, AnswerProblem> {
    let trimmed = content.trimmed(of: " ").trimmingWhitespace()
    if trimmed.isEmpty { return .failure(.empty) }
    do {
      let value = try JSONValue.parse(trimmed)
      guard case .object = value else { return .failure(.notObject) }
      return .success(value)
    } catch {
      // Is there an object inside other text (a code fence, "Sure! {...}")?
      if let open = trimmed.firstIndex(of: "{"), let close = trimmed.lastIndex(of: "}"), open < close,
        let inner = try? JSONValue.parse(String(trimmed[open...close])), case .object = inner
      {
        let before = trimmed[..<open].trimmingWhitespace()
        let after = trimmed[trimmed.index(after: close)...].trimmingWhitespace()
        if before.hasPrefix("```") || after.hasSuffix("```") { return .failure(.extraProse("the JSON is inside a ``` code fence")) }
        let around = [before, after].filter { !$0.isEmpty }.map { "\"\(String($0.prefix(40)))\($0.count > 40 ? "…" : "")\"" }
        return .failure(.extraProse(around.joined(separator: " and ")))
      }
      let start = String(trimmed.prefix(40)).map { $0.isNewline ? " " : String($0) }.joined()
      return .failure(.notJSON("\(error.message); it starts \"\(start)\(trimmed.count > 40 ? "…" : "")\""))
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing white space and newlines.
  func trimmingWhitespace() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
      return ""
    }
    return String(self[first...last])
  }
}
