/// Strategy 3: logistic regression over hashed words, word pairs and character n-grams, and the
/// message's sentence vector when the embedding table is there, trained on the scenario's
/// training examples when the scenario loads.
public struct LearnedClassifier: RoutingStrategy {
  public let name = "classifier"
  public static let displayTitle = "Learned classifier"
  public var title: String { Self.displayTitle }
  public let model: LogisticModel

  /// Trains on `scenario.train`; with `encoder`, the sentence vector joins the features. With
  /// `cache`, weights trained on the same examples and settings before are read back instead.
  public init(scenario: Scenario, encoder: StaticEmbeddingEncoder? = nil, cache: ModelCache? = nil) {
    model = LogisticModel.trained(examples: scenario.train, classes: scenario.routeNames, encoder: encoder, cache: cache)
  }

  public init(model: LogisticModel) {
    self.model = model
  }

  /// Route probabilities, best first.
  public struct Ranking: Sendable {
    public var ranked: [(route: String, probability: Double)]
    public var top: (route: String, probability: Double) { ranked[0] }
    public var runnerUp: (route: String, probability: Double) { ranked.count > 1 ? ranked[1] : (ranked[0].route, 0) }
    public func probability(of route: String) -> Double {
      ranked.first { $0.route == route }?.probability ?? 0
    }
    let features: [FeatureHasher.Feature]
  }

  public func rank(_ query: Query) -> Ranking {
    let (p, features) = model.predict(query)
    let ranked = zip(model.classes, p).sorted { $0.1 > $1.1 }.map { (route: $0.0, probability: $0.1) }
    return Ranking(ranked: ranked, features: features)
  }

  /// Names of the features that pushed `route` above `other`.
  public func explain(_ query: Query, _ ranking: Ranking, route: String, over other: String) -> [String] {
    guard let w = model.classes.firstIndex(of: route), let o = model.classes.firstIndex(of: other), w != o else {
      return []
    }
    return model.strongestWords(query, features: ranking.features, winner: w, other: o).map { "\"\($0.word)\"" }
  }

  public func route(_ query: Query) -> Verdict {
    let r = rank(query)
    let top = r.top
    let runner = r.runnerUp
    let pushed = explain(query, r, route: top.route, over: runner.route)
    let because = pushed.isEmpty ? "" : " because of \(pushed.joined(separator: ", "))"
    return Verdict(
      strategy: name, route: top.route, score: top.probability, scoreKind: .confidence,
      reason: "\(top.route) \(Percent(top.probability)) over \(runner.route) \(Percent(runner.probability))\(because)",
      evidence: r.ranked.map { Evidence($0.route, "\(Percent($0.probability))") }
        + [Evidence("features", pushed.joined(separator: ", "))])
  }
}

/// A probability shown as a whole percentage (`0.934` → `93%`).
public struct Percent: CustomStringConvertible, Sendable {
  public var value: Double
  public init(_ value: Double) { self.value = value }
  public var description: String {
    guard value.isFinite else { return "–" }
    return "\(Int((value * 100).rounded()))%"
  }
}
