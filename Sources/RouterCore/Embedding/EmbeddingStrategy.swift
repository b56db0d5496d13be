/// The embedding strategy: semantic routing on a static table distilled from all-MiniLM-L6-v2.
///
/// A message becomes a unit vector (`StaticEmbeddingEncoder`); a logistic regression trained on
/// the scenario's reference (training) examples' vectors picks the route. Nearest neighbours and
/// per-route centroids were measured too and routed worse (scripts/README-embeddings.md). Below
/// `confidenceThreshold`, or when no reference is at least `minSimilarity` alike, the strategy
/// falls back to the more capable of its two likeliest routes. The reason names the nearest
/// reference example with its similarity, and the runner-up route with its best similarity;
/// the references searched are a sample when a scenario has more than `maxReferences`.
public struct EmbeddingStrategy: RoutingStrategy {
  public let name = "embedding"
  public static let displayTitle = "Embedding (MiniLM)"
  public var title: String { Self.displayTitle }
  public let settings: EmbeddingSettings
  /// Why the strategy cannot run (no table), or nil when it can.
  public let unavailableReason: String?
  let encoder: StaticEmbeddingEncoder?
  let references: EmbeddingReferences?
  let classifier: DenseLogisticModel?
  private let ranks: [String: Int]
  /// The classifier's classes, in the order of its probabilities.
  private let routeNames: [String]
  /// "nearest <route>" for each of the references' routes.
  private let nearestLabels: [String]
  /// Each reference's excerpt in quotes, after a space, for the evidence.
  private let quotedExcerpts: [String]

  /// Loads the bundled table and trains on `scenario.train` (or reads the weights trained on the
  /// same examples from `cache`); unavailable if the table is missing.
  public init(scenario: Scenario, settings: EmbeddingSettings = EmbeddingSettings(), cache: ModelCache? = nil) {
    let encoder: StaticEmbeddingEncoder?
    var reason: String?
    do {
      encoder = try StaticEmbeddingEncoder.bundled()
    } catch {
      encoder = nil
      reason = "the embedding table could not be loaded: \(error)"
    }
    self.init(scenario: scenario, encoder: encoder, settings: settings, unavailableReason: reason, cache: cache)
  }

  /// Trains on `scenario.train` with a given encoder (tests, benchmarks, shared tables).
  public init(
    scenario: Scenario, encoder: StaticEmbeddingEncoder?, settings: EmbeddingSettings = EmbeddingSettings(),
    unavailableReason: String? = nil, cache: ModelCache? = nil
  ) {
    self.settings = settings
    ranks = Dictionary(uniqueKeysWithValues: scenario.routes.map { ($0.name, $0.rank) })
    routeNames = scenario.routeNames
    nearestLabels = scenario.routeNames.map { "nearest \($0)" }
    guard let encoder else {
      self.encoder = nil
      references = nil
      classifier = nil
      quotedExcerpts = []
      self.unavailableReason = unavailableReason ?? "no embedding table"
      return
    }
    // The classifier learns from every training example; the search, which names the nearest
    // ones, keeps a sample when there are more than `maxReferences`.
    let index = Dictionary(uniqueKeysWithValues: scenario.routeNames.enumerated().map { ($1, $0) })
    let usable = scenario.train.filter { index[$0.route] != nil }
    let shown = EmbeddingReferences.sample(usable, limit: settings.maxReferences)
    let refs = EmbeddingReferences(examples: shown, routes: scenario.routeNames, encoder: encoder)
    self.encoder = encoder
    references = refs
    quotedExcerpts = refs.excerpts.map { " \u{201C}\($0)\u{201D}" }
    classifier = DenseLogisticModel.trained(
      vectors: shown.count == usable.count ? refs.vectors : EmbeddingReferences.unitVectors(usable, encoder: encoder),
      labels: usable.compactMap { index[$0.route] }, classes: scenario.routeNames, dim: encoder.dim,
      training: settings.training, examples: scenario.train, encoder: encoder, cache: cache)
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
    guard unavailableReason == nil, let encoder, let references, let classifier else {
      return .unavailable(name, unavailableReason ?? "no embedding table")
    }
    let ids = encoder.tokenizer.ids(query.text)
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: encoder.dim) { buffer -> Verdict in
      buffer.initialize(repeating: 0)
      encoder.pool(ids, into: buffer)
      let view = UnsafeBufferPointer(buffer)
      return verdict(
        probabilities: classifier.probabilities(view), neighbours: references.nearestIndices(to: view),
        pieces: ids.count, references: references)
    }
  }

  /// The verdict from the classifier's probabilities (in `routes` order) and each route's
  /// nearest reference. The text is assembled byte by byte rather than by interpolation: at a few
  /// microseconds a message, string interpolation was a fifth of the strategy's time.
  private func verdict(
    probabilities p: [Double], neighbours: [(route: Int, index: Int, similarity: Float)], pieces: Int,
    references: EmbeddingReferences
  ) -> Verdict {
    // Routes by probability, best first (a stable insertion sort: a handful of routes).
    var order = Array(p.indices)
    for i in order.indices.dropFirst() {
      var j = i
      while j > 0 && p[order[j]] > p[order[j - 1]] {
        order.swapAt(j, j - 1)
        j -= 1
      }
    }
    let names = routeNames
    let top = order[0]
    let runner = order.count > 1 ? order[1] : order[0]
    let runnerProbability = order.count > 1 ? p[runner] : 0
    let bestSimilarity = neighbours.first.map { Double($0.similarity) } ?? 0
    var text = TextBuffer()
    let chosen: Int
    if pieces == 0 {
      chosen = moreCapable(top, runner)
      text.append("no words to compare; falling back to the more capable ")
      text.append(names[chosen])
    } else if bestSimilarity < settings.minSimilarity {
      chosen = moreCapable(top, runner)
      text.append("unlike every reference (best ")
      text.appendSimilarity(bestSimilarity)
      text.append(" < ")
      text.appendSimilarity(settings.minSimilarity)
      text.append("); falling back to the more capable ")
      text.append(names[chosen])
    } else if p[top] < settings.confidenceThreshold {
      chosen = moreCapable(top, runner)
      text.append("unsure (")
      text.append(names[top])
      text.append(" ")
      text.appendPercent(p[top])
      text.append(" vs ")
      text.append(names[runner])
      text.append(" ")
      text.appendPercent(runnerProbability)
      text.append("); falling back to the more capable ")
      text.append(names[chosen])
    } else {
      chosen = top
      text.append(names[top])
      text.append(" ")
      text.appendPercent(p[top])
    }
    if let best = neighbours.first {
      text.append(": nearest reference \u{201C}")
      text.append(references.excerpts[best.index])
      text.append("\u{201D} (")
      text.append(references.routes[best.route])
      text.append(", ")
      text.appendSimilarity(Double(best.similarity))
      text.append(")")
    }
    let chosenName = names[chosen]
    if let other = neighbours.first(where: { references.routes[$0.route] != chosenName }) {
      text.append("; runner-up ")
      text.append(references.routes[other.route])
      text.append(" at ")
      text.appendSimilarity(Double(other.similarity))
    }
    var evidence: [Evidence] = []
    evidence.reserveCapacity(order.count + neighbours.count)
    for r in order {
      evidence.append(Evidence(names[r], TextBuffer.percent(p[r])))
    }
    for n in neighbours {
      evidence.append(
        Evidence(nearestLabels[n.route], TextBuffer.similarity(Double(n.similarity)) + quotedExcerpts[n.index]))
    }
    return Verdict(
      strategy: name, route: chosenName, score: p[chosen], scoreKind: .confidence, reason: text.string,
      evidence: evidence)
  }

  /// The more capable (higher-ranked) of routes `a` and `b` (indices into `routeNames`).
  private func moreCapable(_ a: Int, _ b: Int) -> Int {
    (ranks[routeNames[a]] ?? -1) >= (ranks[routeNames[b]] ?? -1) ? a : b
  }

  private func moreCapable(_ a: String, _ b: String) -> String {
    (ranks[a] ?? -1) >= (ranks[b] ?? -1) ? a : b
  }
}

/// A UTF-8 byte buffer for assembling reasons: appending a string copies its bytes, numbers are
/// written digit by digit, and the `String` is made once at the end. (Interpolating `Percent`
/// and `Similarity` descriptions cost about 0.7 µs a verdict, a tenth of the strategy's time.)
struct TextBuffer {
  private var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(128) }

  var string: String { String(decoding: bytes, as: UTF8.self) }

  mutating func append(_ s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ n: Int) {
    if n < 0 {
      bytes.append(UInt8(ascii: "-"))
      append(-n)
      return
    }
    if n >= 10 { append(n / 10) }
    bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
  }

  private static let percents = (0...100).map { "\($0)%" }
  private static let similarities = (0...100).map { Similarity(Double($0) / 100).description }

  /// `Percent(value).description`, from a table for 0…100%.
  static func percent(_ value: Double) -> String {
    let k = value.isFinite ? Int((value * 100).rounded()) : -1
    guard k >= 0 && k <= 100 else { return Percent(value).description }
    return percents[k]
  }

  /// `Similarity(value).description`, from a table for 0.00…1.00.
  static func similarity(_ value: Double) -> String {
    let k = value.isFinite ? Int((value * 100).rounded()) : -1
    guard k >= 0 && k <= 100 else { return Similarity(value).description }
    return similarities[k]
  }

  /// As `Percent`: `0.743` → `74%`.
  mutating func appendPercent(_ value: Double) {
    guard value.isFinite else { return append("\u{2013}") }
    append(Int((value * 100).rounded()))
    bytes.append(UInt8(ascii: "%"))
  }

  /// As `Similarity`: two decimals, `0.8234` → `0.82`.
  mutating func appendSimilarity(_ value: Double) {
    guard value.isFinite else { return append("\u{2013}") }
    let hundredths = Int((abs(value) * 100).rounded())
    if value < 0 && hundredths > 0 { bytes.append(UInt8(ascii: "-")) }
    append(hundredths / 100)
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(ascii: "0") + UInt8(hundredths % 100 / 10))
    bytes.append(UInt8(ascii: "0") + UInt8(hundredths % 10))
  }
}
