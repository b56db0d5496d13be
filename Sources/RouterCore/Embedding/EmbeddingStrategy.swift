/// The embedding strategy: semantic routing on a static table distilled from all-MiniLM-L6-v2.
///
/// A message becomes a unit vector (`StaticEmbeddingEncoder`); a logistic regression trained on
/// the scenario's reference (training) examples' vectors picks the route. Nearest neighbours and
/// per-route centroids were measured too and routed worse (scripts/README-embeddings.md). Below
/// `confidenceThreshold`, or when no reference is at least `minSimilarity` alike, the strategy
/// falls back to the more capable of its two likeliest routes. The reason names the nearest
/// reference example with its similarity, and the runner-up route with its best similarity.
public struct EmbeddingStrategy: RoutingStrategy {
  public let name = "embedding"
  public let title = "Embedding (MiniLM)"
  public let settings: EmbeddingSettings
  /// Why the strategy cannot run (no table), or nil when it can.
  public let unavailableReason: String?
  let encoder: StaticEmbeddingEncoder?
  let references: EmbeddingReferences?
  let classifier: DenseLogisticModel?
  private let ranks: [String: Int]

  /// Loads the bundled table and trains on `scenario.train`; unavailable if the table is missing.
  public init(scenario: Scenario, settings: EmbeddingSettings = EmbeddingSettings()) {
    let encoder: StaticEmbeddingEncoder?
    var reason: String?
    do {
      encoder = try StaticEmbeddingEncoder.bundled()
    } catch {
      encoder = nil
      reason = "the embedding table could not be loaded: \(error)"
    }
    self.init(scenario: scenario, encoder: encoder, settings: settings, unavailableReason: reason)
  }

  /// Trains on `scenario.train` with a given encoder (tests, benchmarks, shared tables).
  public init(
    scenario: Scenario, encoder: StaticEmbeddingEncoder?, settings: EmbeddingSettings = EmbeddingSettings(),
    unavailableReason: String? = nil
  ) {
    self.settings = settings
    ranks = Dictionary(uniqueKeysWithValues: scenario.routes.map { ($0.name, $0.rank) })
    guard let encoder else {
      self.encoder = nil
      references = nil
      classifier = nil
      self.unavailableReason = unavailableReason ?? "no embedding table"
      return
    }
    let refs = EmbeddingReferences(examples: scenario.train, routes: scenario.routeNames, encoder: encoder)
    self.encoder = encoder
    references = refs
    classifier = DenseLogisticModel(
      vectors: refs.vectors, labels: refs.labels, classes: scenario.routeNames, dim: encoder.dim,
      training: settings.training)
    self.unavailableReason = refs.count == 0 ? "the scenario has no reference examples" : nil
  }

  /// What the strategy sees in a message: route probabilities and the nearest reference per route.
  public struct Ranking: Sendable {
    /// Routes with their probability, best first.
    public var ranked: [(route: String, probability: Double)]
    /// Each route's most similar reference, most similar first.
    public var neighbours: [EmbeddingReferences.Neighbour]
    /// Number of word pieces the message had (0: nothing the table knows).
    public var pieces: Int

    public var top: (route: String, probability: Double) { ranked[0] }
    public var runnerUp: (route: String, probability: Double) {
      ranked.count > 1 ? ranked[1] : (ranked[0].route, 0)
    }
    public func probability(of route: String) -> Double {
      ranked.first { $0.route == route }?.probability ?? 0
    }
    /// The most similar reference of `route`, if it has references.
    public func nearest(of route: String) -> EmbeddingReferences.Neighbour? {
      neighbours.first { $0.route == route }
    }
  }

  /// Ranks routes for `query`; nil when the strategy is unavailable. Without `neighbours` the
  /// reference search (most of the cost) is skipped and `neighbours` is empty.
  public func rank(_ query: Query, neighbours: Bool = true) -> Ranking? {
    guard unavailableReason == nil, let encoder, let references, let classifier else { return nil }
    let ids = encoder.tokenizer.ids(query.text)
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: encoder.dim) { buffer -> Ranking in
      buffer.initialize(repeating: 0)
      encoder.pool(ids, into: buffer)
      let view = UnsafeBufferPointer(buffer)
      let p = classifier.probabilities(view)
      let ranked = zip(classifier.classes, p).sorted { $0.1 > $1.1 }.map { (route: $0.0, probability: $0.1) }
      return Ranking(ranked: ranked, neighbours: neighbours ? references.nearest(to: view) : [], pieces: ids.count)
    }
  }

  public func route(_ query: Query) -> Verdict {
    guard let r = rank(query) else {
      return .unavailable(name, unavailableReason ?? "no embedding table")
    }
    let top = r.top
    let runner = r.runnerUp
    let best = r.neighbours.first
    let bestSimilarity = best?.similarity ?? 0
    let chosen: String
    let head: String
    if r.pieces == 0 {
      chosen = moreCapable(top.route, runner.route)
      head = "no words to compare; falling back to the more capable \(chosen)"
    } else if bestSimilarity < settings.minSimilarity {
      chosen = moreCapable(top.route, runner.route)
      head =
        "unlike every reference (best \(Similarity(bestSimilarity)) < \(Similarity(settings.minSimilarity))); "
        + "falling back to the more capable \(chosen)"
    } else if top.probability < settings.confidenceThreshold {
      chosen = moreCapable(top.route, runner.route)
      head =
        "unsure (\(top.route) \(Percent(top.probability)) vs \(runner.route) \(Percent(runner.probability))); "
        + "falling back to the more capable \(chosen)"
    } else {
      chosen = top.route
      head = "\(top.route) \(Percent(top.probability))"
    }
    var reason = head
    if let best {
      reason +=
        ": nearest reference \u{201C}\(best.excerpt)\u{201D} (\(best.route), \(Similarity(best.similarity)))"
    }
    if let other = r.neighbours.first(where: { $0.route != chosen }) {
      reason += "; runner-up \(other.route) at \(Similarity(other.similarity))"
    }
    var evidence = r.ranked.map { Evidence($0.route, "\(Percent($0.probability))") }
    for n in r.neighbours {
      evidence.append(
        Evidence("nearest \(n.route)", "\(Similarity(n.similarity)) \u{201C}\(n.excerpt)\u{201D}"))
    }
    return Verdict(
      strategy: name, route: chosen, score: r.probability(of: chosen), scoreKind: .confidence, reason: reason,
      evidence: evidence)
  }

  private func moreCapable(_ a: String, _ b: String) -> String {
    (ranks[a] ?? -1) >= (ranks[b] ?? -1) ? a : b
  }
}
