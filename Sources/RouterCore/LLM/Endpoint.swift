/// One OpenAI-compatible chat endpoint serving one route's model tier.
public struct Endpoint: Sendable, Equatable, Hashable {
  /// Provider name, unique in a scenario; the circuit breaker is kept per name.
  public var name: String
  /// Base URL as OpenAI clients take it (`http://127.0.0.1:8080/v1`); requests go to
  /// `<baseURL>/chat/completions`.
  public var baseURL: String
  /// Model name sent with each request.
  public var model: String
  /// The API key, if the endpoint needs one. Never printed.
  public var key: APIKey?
  /// The route (model tier) this endpoint answers for.
  public var route: String

  public init(name: String, baseURL: String, model: String, key: APIKey? = nil, route: String) {
    self.name = name
    self.baseURL = baseURL
    self.model = model
    self.key = key
    self.route = route
  }

  /// `<baseURL>/chat/completions`, with exactly one slash between.
  public var chatCompletionsURL: String {
    var base = baseURL
    while base.hasSuffix("/") { base.removeLast() }
    return base + "/chat/completions"
  }

  /// `name (model at url)`, for traces and the breaker panel; never includes the key.
  public var label: String { "\(name) (\(model) at \(baseURL))" }
}

/// A secret API key. Its descriptions are masked, so it cannot end up in a log, a trace or a
/// crash message by accident; only `authorizationHeader` reveals it, for the HTTP client.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
  private let secret: String

  public init(_ secret: String) { self.secret = secret }

  /// `Bearer <key>`, the value of the Authorization header.
  public var authorizationHeader: String { "Bearer " + secret }
  public var description: String { "<api key hidden>" }
  public var debugDescription: String { "<api key hidden>" }
}
