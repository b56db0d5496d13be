/// The endpoints of every model tier, resolved from the scenario's `[[endpoints]]` and the
/// environment (`ROUTERLAB_LLM_URL`, `ROUTERLAB_LLM_MODEL`, `ROUTERLAB_LLM_KEY`).
///
/// A tier with endpoints in the scenario uses them, in order. Every other model tier uses the
/// environment's endpoints; `ROUTERLAB_LLM_URL` may list several base URLs separated by commas,
/// tried in that order. The environment is passed in, never read here.
public struct EndpointDirectory: Sendable, Equatable {
  /// Route name → endpoints, first tried first.
  public var byRoute: [String: [Endpoint]]
  /// Why the model strategies cannot run, with how to configure them; nil when they can.
  public var problem: String?
  /// Notes for the user that do not stop anything (a key variable that is not set).
  public var notes: [String]

  public static let urlVariable = "ROUTERLAB_LLM_URL"
  public static let modelVariable = "ROUTERLAB_LLM_MODEL"
  public static let keyVariable = "ROUTERLAB_LLM_KEY"
  /// Model name sent when `ROUTERLAB_LLM_MODEL` is not set (llama.cpp's server ignores it).
  public static let defaultModel = "default"

  /// How to give RouterLab an endpoint, shown wherever a model strategy is not configured.
  public static let howToConfigure =
    "set \(urlVariable)=http://127.0.0.1:8080/v1 (any OpenAI-compatible server) and \(modelVariable), "
    + "key in \(keyVariable) if needed, or add [[endpoints]] to the scenario; scripts/llm-server.sh starts a local one"

  public init(byRoute: [String: [Endpoint]], problem: String? = nil, notes: [String] = []) {
    self.byRoute = byRoute
    self.problem = problem
    self.notes = notes
  }

  /// Resolves the endpoints of `scenario`'s model routes.
  public static func resolve(scenario: Scenario, environment: [String: String]) -> EndpointDirectory {
    var notes: [String] = []
    var byRoute: [String: [Endpoint]] = [:]
    for e in scenario.production.endpoints {
      var key: APIKey?
      if let variable = e.keyEnv {
        if let value = environment[variable], !value.isEmpty {
          key = APIKey(value)
        } else {
          notes.append("endpoint \(e.name): key_env names \(variable), which is not set; calling without a key")
        }
      }
      byRoute[e.route, default: []].append(Endpoint(name: e.name, baseURL: e.url, model: e.model, key: key, route: e.route))
    }
    let urls = (environment[urlVariable] ?? "").split(separator: ",").map { String($0).trimmed(of: " ") }.filter { !$0.isEmpty }
    if let bad = urls.first(where: { !($0.hasPrefix("http://") || $0.hasPrefix("https://")) }) {
      return EndpointDirectory(byRoute: [:], problem: "\(urlVariable) is not an http(s) base URL: '\(bad)'; \(howToConfigure)")
    }
    let model = environment[modelVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultModel
    let key = environment[keyVariable].flatMap { $0.isEmpty ? nil : APIKey($0) }
    for route in scenario.routes where !route.isHuman && byRoute[route.name] == nil && !urls.isEmpty {
      byRoute[route.name] = urls.enumerated().map { i, url in
        Endpoint(name: urls.count == 1 ? "env" : "env-\(i + 1)", baseURL: url, model: model, key: key, route: route.name)
      }
    }
    let problem = byRoute.isEmpty ? "not configured: no LLM endpoint; \(howToConfigure)" : nil
    return EndpointDirectory(byRoute: byRoute, problem: problem, notes: notes)
  }

  /// The endpoints of `route`, first tried first; empty when the tier has none.
  public func chain(for route: String) -> [Endpoint] { byRoute[route] ?? [] }

  /// True when no tier has an endpoint.
  public var isEmpty: Bool { byRoute.values.allSatisfy(\.isEmpty) }

  /// Every distinct provider name, in route-then-chain order, for the breaker panel.
  public func providerNames(routeOrder: [String]) -> [String] {
    var seen: [String] = []
    for r in routeOrder {
      for e in chain(for: r) where !seen.contains(e.name) { seen.append(e.name) }
    }
    return seen
  }
}
