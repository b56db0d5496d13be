/// A scenario's strategies, built once, ready to route text and time every verdict.
public struct Router: Sendable {
  public let scenario: Scenario
  /// Every strategy, in panel order; the hybrid flow is last.
  public let strategies: [any RoutingStrategy]
  /// The strategy `route` uses when none is named.
  public static let defaultStrategy = "hybrid"

  /// Builds the offline strategies of `scenario`, training the classifier and the embedding
  /// strategy on its examples (or reading weights trained on the same examples from `cache`).
  public init(scenario: Scenario, extra: [any RoutingStrategy] = [], cache: ModelCache? = nil) {
    self.scenario = scenario
    let rules = KeywordRules(scenario: scenario)
    let embedding = EmbeddingStrategy(scenario: scenario, cache: cache)
    let classifier = LearnedClassifier(scenario: scenario, encoder: embedding.encoder, cache: cache)
    let hybrid = HybridFlow(scenario: scenario, rules: rules, classifier: classifier, embedding: embedding)
    strategies = [rules, ComplexityHeuristic(settings: scenario.heuristic), classifier, embedding] + extra + [hybrid]
  }

  /// The strategies that need no training (keyword rules, complexity heuristic) ready at once,
  /// and the trained ones (classifier, embedding, hybrid flow) as rows that say they are being
  /// trained: what the playground shows while `Router(scenario:)` trains on another thread.
  public static func warmingUp(_ scenario: Scenario) -> Router {
    let note = "training on \(Money.grouped(String(scenario.train.count))) examples…"
    return Router(
      scenario: scenario,
      strategies: [
        KeywordRules(scenario: scenario), ComplexityHeuristic(settings: scenario.heuristic),
        Training(name: "classifier", title: LearnedClassifier.displayTitle, note: note),
        Training(name: "embedding", title: EmbeddingStrategy.displayTitle, note: note),
        Training(name: "hybrid", title: HybridFlow.displayTitle, note: note),
      ])
  }

  private init(scenario: Scenario, strategies: [any RoutingStrategy]) {
    self.scenario = scenario
    self.strategies = strategies
  }

  /// Whether some strategies are still being trained (`warmingUp`).
  public var isWarmingUp: Bool { strategies.contains { $0 is Training } }

  /// A strategy still being trained: its verdict is `.pending`, with a note saying so.
  struct Training: RoutingStrategy {
    let name: String
    let title: String
    let note: String
    func route(_ query: Query) -> Verdict {
      Verdict(strategy: name, route: nil, score: 0, scoreKind: .none, reason: note, status: .pending)
    }
  }

  /// Each strategy's title by command-line name, as the panel labels rows.
  public var strategyTitles: [String: String] {
    Dictionary(strategies.map { ($0.name, $0.title) }, uniquingKeysWith: { a, _ in a })
  }

  /// Command-line names of the strategies.
  public var strategyNames: [String] { strategies.map(\.name) }

  public func strategy(named name: String) -> (any RoutingStrategy)? {
    strategies.first { $0.name == name }
  }

  /// One strategy's verdict with its latency. A blank message is not routed: it gets the
  /// cheapest route, since nothing in it needs answering.
  public func route(_ query: Query, with strategy: any RoutingStrategy) -> Verdict {
    let start = Stopwatch.now()
    if query.isBlank && !(strategy is Training) {
      var v = Self.emptyMessage(strategy.name, cheapest: scenario.routes[0].name)
      v.latencyNanos = Stopwatch.now() &- start
      return v
    }
    var v = strategy.route(query)
    v.latencyNanos = Stopwatch.now() &- start
    return v
  }

  /// The verdict on a blank message, for any strategy: the cheapest route, nothing routed.
  public static func emptyMessage(_ strategy: String, cheapest: String) -> Verdict {
    Verdict(strategy: strategy, route: cheapest, score: 0, scoreKind: .none,
            reason: "empty message: nothing to answer, so the cheapest route (\(cheapest))")
  }

  /// Every strategy's verdict for `text`, in panel order.
  public func routeAll(_ text: String) -> [Verdict] {
    let query = Query(text)
    return strategies.map { route(query, with: $0) }
  }
}
