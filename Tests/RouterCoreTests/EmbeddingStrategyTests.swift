import Testing

@testable import RouterCore

@Suite struct EmbeddingStrategyTests {
  @Test("joins the router's panel as `embedding`, before the hybrid flow")
  func inPanel() {
    let names = Fixtures.clinicRouter.strategyNames
    #expect(names.contains("embedding"))
    #expect(names.firstIndex(of: "embedding") ?? 99 < names.firstIndex(of: "hybrid") ?? 0)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var route: String
    var testDescription: String { text }
  }

  @Test(
    "routes clear messages of each kind",
    arguments: [
      Case(text: "I want to kill myself tonight", route: "human"),
      Case(text: "What time do you open on Saturday?", route: "fast"),
      Case(text: "Can I take ibuprofen with my blood pressure pills?", route: "expert"),
    ])
  func routes(_ c: Case) {
    #expect(EmbeddingFixtures.clinic.route(Query(c.text)).route == c.route)
  }

  @Test("the reason names the nearest reference, its similarity and the runner-up route")
  func reason() {
    let v = EmbeddingFixtures.clinic.route(Query("Can I take ibuprofen with my blood pressure pills?"))
    #expect(v.strategy == "embedding")
    #expect(v.scoreKind == .confidence)
    #expect(v.reason.contains("nearest reference \u{201C}"))
    #expect(v.reason.contains("runner-up "))
    #expect(v.evidence.contains { $0.label == "nearest expert" })
    guard let r = EmbeddingFixtures.clinic.rank(Query("Can I take ibuprofen with my blood pressure pills?")),
      let best = r.neighbours.first
    else {
      Issue.record("no ranking")
      return
    }
    #expect(v.reason.contains(Similarity(best.similarity).description))
    #expect(r.neighbours.map(\.similarity) == r.neighbours.map(\.similarity).sorted(by: >))
    #expect(abs(r.ranked.map(\.probability).reduce(0, +) - 1) < 1e-5)
  }

  @Test("below the confidence threshold it falls back to the more capable of its two likeliest routes")
  func fallback() {
    var settings = EmbeddingSettings()
    settings.confidenceThreshold = 1.01
    let s = EmbeddingStrategy(scenario: Fixtures.clinic, encoder: EmbeddingFixtures.encoder, settings: settings)
    let q = Query("What time do you open on Saturday?")
    guard let r = s.rank(q) else {
      Issue.record("no ranking")
      return
    }
    let v = s.route(q)
    #expect(v.route == Fixtures.clinic.moreCapable(r.top.route, r.runnerUp.route))
    #expect(v.reason.hasPrefix("unsure"))
  }

  @Test("a message unlike every reference falls back to the more capable route")
  func similarityFloor() {
    var settings = EmbeddingSettings()
    settings.minSimilarity = 0.99
    let s = EmbeddingStrategy(scenario: Fixtures.clinic, encoder: EmbeddingFixtures.encoder, settings: settings)
    let q = Query("lorem ipsum dolor sit amet")
    guard let r = s.rank(q) else {
      Issue.record("no ranking")
      return
    }
    let v = s.route(q)
    #expect(v.reason.hasPrefix("unlike every reference"))
    #expect(v.route == Fixtures.clinic.moreCapable(r.top.route, r.runnerUp.route))
  }

  @Test("text with no word pieces falls back instead of guessing")
  func blank() {
    let v = EmbeddingFixtures.clinic.route(Query("   "))
    #expect(v.reason.hasPrefix("no words to compare"))
    #expect(v.route != nil)
  }

  @Test("without a table it says so instead of routing")
  func unavailable() {
    let s = EmbeddingStrategy(scenario: Fixtures.clinic, encoder: nil, unavailableReason: "no table here")
    #expect(s.route(Query("hello")).status == .unavailable("no table here"))
  }

  @Test("the pruned reference search finds the same neighbours as comparing every component")
  func exactSearch() {
    let encoder = EmbeddingFixtures.encoder
    let scenario = Fixtures.clinic
    let pruned = EmbeddingReferences(examples: scenario.train, routes: scenario.routeNames, encoder: encoder)
    let full = EmbeddingReferences(
      examples: scenario.train, routes: scenario.routeNames, encoder: encoder, prefix: encoder.dim)
    let other = EmbeddingReferences(
      examples: scenario.train, routes: scenario.routeNames, encoder: encoder, prefix: 0)
    #expect(pruned.prefix > 0 && pruned.prefix < encoder.dim)
    for ex in scenario.dev.prefix(40) {
      let v = encoder.encode(ex.text)
      let a = v.withUnsafeBufferPointer { pruned.nearest(to: $0) }
      let b = v.withUnsafeBufferPointer { full.nearest(to: $0) }
      let c = v.withUnsafeBufferPointer { other.nearest(to: $0) }
      #expect(a.map(\.text) == b.map(\.text))
      #expect(c.map(\.text) == b.map(\.text))
      for (x, y) in zip(a, b) { #expect(abs(x.similarity - y.similarity) < 1e-5) }
    }
  }

  @Test("the references searched are an even, deterministic sample of at most the limit, every route kept")
  func referenceSample() {
    let routes = ["fast", "expert", "human"]
    // 700 / 200 / 100 examples: shares of 50 are 35, 10 and 5.
    let examples = (0..<1_000).map { i in
      LabeledExample(text: "message \(i)", route: i < 700 ? routes[0] : i < 900 ? routes[1] : routes[2])
    }
    let kept = EmbeddingReferences.sample(examples, limit: 50)
    #expect(kept.count == 50)
    #expect(routes.map { r in kept.filter { $0.route == r }.count } == [35, 10, 5])
    // In the examples' order, and the same whatever that order was.
    let order = kept.map { examples.firstIndex(of: $0)! }
    #expect(order == order.sorted())
    var rng = SystemRandomNumberGenerator()
    let shuffled = EmbeddingReferences.sample(examples.shuffled(using: &rng), limit: 50)
    #expect(Set(shuffled.map(\.text)) == Set(kept.map(\.text)))
    // Shares that do not divide evenly never add up to more than the limit...
    let uneven = EmbeddingReferences.sample(examples, limit: 7)
    #expect(uneven.count == 7)
    // ...but a tiny limit still keeps one of each route; a large one keeps everything.
    #expect(Set(EmbeddingReferences.sample(examples, limit: 1).map(\.route)) == Set(routes))
    #expect(EmbeddingReferences.sample(examples, limit: 5_000) == examples)
  }

  @Test("the dense logistic regression is deterministic and learns a separable toy set")
  func denseModel() {
    // Two classes on the first axis of a 3-dimensional space.
    let vectors: [Float] = [1, 0.1, 0, 0.9, -0.1, 0.1, -1, 0, 0.1, -0.8, 0.2, 0]
    let labels = [0, 0, 1, 1]
    let a = DenseLogisticModel(vectors: vectors, labels: labels, classes: ["left", "right"], dim: 3)
    let b = DenseLogisticModel(vectors: vectors, labels: labels, classes: ["left", "right"], dim: 3)
    let q: [Float] = [0.7, 0, 0]
    let pa = q.withUnsafeBufferPointer { a.probabilities($0) }
    #expect(pa == q.withUnsafeBufferPointer { b.probabilities($0) })
    #expect(pa[0] > 0.9)
    let r: [Float] = [-0.7, 0, 0]
    #expect(r.withUnsafeBufferPointer { a.probabilities($0) }[1] > 0.9)
  }

  @Test("similarities print with two decimals")
  func similarityFormat() {
    #expect(Similarity(0.8234).description == "0.82")
    #expect(Similarity(0.05).description == "0.05")
    #expect(Similarity(-0.126).description == "-0.13")
    #expect(Similarity(1).description == "1.00")
  }
}
