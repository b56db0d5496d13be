import Foundation
import Testing

@testable import RouterCore

/// The pruned nearest-reference search (`EmbeddingReferences.nearestIndices`) against brute
/// force: every similarity of every reference in floats, the first of the largest per route.
@Suite struct EmbeddingSearchTests {
  /// For each route with references, (index of its most similar reference, similarity), and
  /// whether another reference of the route is within `tie` of it.
  static func bruteForce(_ refs: EmbeddingReferences, vectors: [Float], _ q: [Float], tie: Float = 1e-5)
    -> [Int: (index: Int, similarity: Float, tied: Bool)]
  {
    let dim = refs.dim
    var out: [Int: (index: Int, similarity: Float, tied: Bool)] = [:]
    for i in 0..<refs.count {
      var s: Float = 0
      for j in 0..<dim { s += vectors[i * dim + j] * q[j] }
      let r = refs.labels[i]
      if let b = out[r] {
        if s > b.similarity {
          out[r] = (i, s, b.similarity >= s - tie)
        } else {
          out[r] = (b.index, b.similarity, b.tied || s >= b.similarity - tie)
        }
      } else {
        out[r] = (i, s, false)
      }
    }
    return out
  }

  /// Checks the search against brute force for each query; returns how many were compared.
  @discardableResult
  static func compare(_ refs: EmbeddingReferences, _ queries: [[Float]], sourceLocation: SourceLocation = #_sourceLocation)
    -> Int
  {
    let vectors = refs.vectors
    var compared = 0
    for q in queries {
      let got = q.withUnsafeBufferPointer { refs.nearestIndices(to: $0) }
      let want = bruteForce(refs, vectors: vectors, q)
      #expect(got.count == want.count, sourceLocation: sourceLocation)
      #expect(got.map(\.similarity) == got.map(\.similarity).sorted(by: >), sourceLocation: sourceLocation)
      for g in got {
        guard let w = want[g.route] else {
          Issue.record("route \(g.route) has no references", sourceLocation: sourceLocation)
          continue
        }
        #expect(abs(g.similarity - w.similarity) < 1e-5, sourceLocation: sourceLocation)
        // Up to float rounding: a different reference only when the two are tied.
        if !w.tied { #expect(g.index == w.index, sourceLocation: sourceLocation) }
        #expect(refs.labels[g.index] == g.route, sourceLocation: sourceLocation)
      }
      compared += 1
    }
    return compared
  }

  /// Unit vectors near `base` (a share of noise) or spread out (pure noise), from a seeded generator.
  static func randomQueries(count: Int, dim: Int, near base: [[Float]], noise: Float, seed: UInt64) -> [[Float]] {
    var rng = SplitMix64(seed: seed)
    func gaussian() -> Float {
      // Box–Muller.
      let u = max(Float(rng.next() >> 40) / Float(1 << 24), 1e-7)
      let v = Float(rng.next() >> 40) / Float(1 << 24)
      return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
    return (0..<count).map { k in
      var q = (0..<dim).map { _ in gaussian() * noise / Float(dim).squareRoot() }
      if !base.isEmpty {
        let b = base[k % base.count]
        for j in 0..<dim { q[j] += b[j] }
      }
      let norm = q.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return q.map { $0 / norm }
    }
  }

  @Test("clinic references: same neighbours as brute force for every dev message, near-copies and noise")
  func clinic() {
    let encoder = EmbeddingFixtures.encoder
    let scenario = Fixtures.clinic
    let refs = EmbeddingReferences(examples: scenario.train, routes: scenario.routeNames, encoder: encoder)
    let dev = scenario.dev.map { encoder.encode($0.text) }
    let train = (0..<refs.count).map { refs.vector($0) }
    var queries = dev
    // Near-copies of references (the hardest case: many close calls) and plain noise.
    queries += Self.randomQueries(count: 150, dim: refs.dim, near: train, noise: 0.3, seed: 1)
    queries += Self.randomQueries(count: 50, dim: refs.dim, near: dev, noise: 1.0, seed: 2)
    queries += Self.randomQueries(count: 50, dim: refs.dim, near: [], noise: 1, seed: 3)
    queries += train.prefix(50)
    #expect(Self.compare(refs, queries) == queries.count)
    #expect(queries.count > 700)
  }

  /// `train` cut or grown to `count` examples: its first `count`, or all of it plus new
  /// messages made from its own (alternately the first half of one message joined to the second
  /// half of the next of the same route, and a message with one word left out). Deterministic.
  static func grownReferences(_ train: [LabeledExample], to count: Int) -> [LabeledExample] {
    guard count > train.count else { return Array(train.prefix(count)) }
    var out = train
    var k = 0
    while out.count < count {
      let a = train[(k * 7) % train.count]
      let words = a.text.split(separator: " ")
      if k % 2 == 0, let b = train[((k * 7) % train.count + 1)...].first(where: { $0.route == a.route }) {
        let other = b.text.split(separator: " ")
        let text = (words.prefix((words.count + 1) / 2) + other.suffix(other.count / 2)).joined(separator: " ")
        out.append(LabeledExample(text: text, route: a.route))
      } else if words.count > 2 {
        var shorter = words
        shorter.remove(at: (k * 3) % words.count)
        out.append(LabeledExample(text: shorter.joined(separator: " "), route: a.route))
      } else {
        out.append(LabeledExample(text: a.text + " " + a.text, route: a.route))
      }
      k += 1
    }
    return out
  }

  @Test("a larger training split (1.5 times, spliced and shortened messages), and the first 879")
  func sizes() {
    let encoder = EmbeddingFixtures.encoder
    let scenario = Fixtures.clinic
    let dev = Array(scenario.dev.prefix(150)).map { encoder.encode($0.text) }
    for size in [879, scenario.train.count * 3 / 2] {
      let examples = Self.grownReferences(scenario.train, to: size)
      let refs = EmbeddingReferences(examples: examples, routes: scenario.routeNames, encoder: encoder)
      #expect(refs.count == size)
      Self.compare(refs, dev)
    }
  }

  @Test("any screen length: none, one block, the whole vector")
  func prefixes() {
    let encoder = EmbeddingFixtures.encoder
    let scenario = Fixtures.clinic
    let examples = Array(scenario.train.prefix(300))
    let dev = Array(scenario.dev.prefix(60)).map { encoder.encode($0.text) }
    for prefix in [0, 32, 96, encoder.dim] {
      let refs = EmbeddingReferences(
        examples: examples, routes: scenario.routeNames, encoder: encoder, prefix: prefix)
      Self.compare(refs, dev)
    }
  }

  @Test("random references: odd widths, uneven and empty routes, a single reference")
  func synthetic() {
    for (dim, counts) in [(256, [37, 0, 5]), (40, [1, 9, 2]), (7, [3, 3, 3]), (64, [1])] {
      let n = counts.reduce(0, +)
      let vectors = Self.randomQueries(count: n, dim: dim, near: [], noise: 1, seed: UInt64(dim))
      let labels = counts.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }
      let refs = EmbeddingReferences(
        routes: counts.indices.map { "r\($0)" }, texts: labels.indices.map { "text \($0)" }, labels: labels,
        vectors: vectors.flatMap { $0 }, dim: dim)
      #expect(refs.count == n)
      let queries =
        Self.randomQueries(count: 40, dim: dim, near: vectors, noise: 0.2, seed: 9)
        + Self.randomQueries(count: 40, dim: dim, near: [], noise: 1, seed: 10)
      Self.compare(refs, queries)
    }
  }

  @Test("duplicate references tie: the first is named, like a search in order")
  func ties() {
    let base = Self.randomQueries(count: 3, dim: 64, near: [], noise: 1, seed: 4)
    let vectors = [base[0], base[1], base[0], base[2], base[0]].flatMap { $0 }
    let refs = EmbeddingReferences(
      routes: ["a"], texts: ["0", "1", "2", "3", "4"], labels: [0, 0, 0, 0, 0], vectors: vectors, dim: 64)
    let got = base[0].withUnsafeBufferPointer { refs.nearestIndices(to: $0) }
    #expect(got.map(\.index) == [0])
    #expect(abs((got.first?.similarity ?? 0) - 1) < 1e-5)
  }

  @Test("the zero vector (no word pieces) names each route's first reference at 0")
  func zero() {
    let scenario = Fixtures.clinic
    let refs = EmbeddingReferences(
      examples: scenario.train, routes: scenario.routeNames, encoder: EmbeddingFixtures.encoder)
    let got = [Float](repeating: 0, count: refs.dim).withUnsafeBufferPointer { refs.nearestIndices(to: $0) }
    #expect(got.count == scenario.routeNames.count)
    for g in got {
      #expect(g.similarity == 0)
      #expect(g.index == refs.labels.firstIndex(of: g.route))
    }
  }

  @Test("the route's verdict text matches the ranking's neighbours")
  func verdictText() {
    let strategy = EmbeddingFixtures.clinic
    for ex in Fixtures.clinic.dev.prefix(40) {
      let q = Query(ex.text)
      let v = strategy.route(q)
      guard let r = strategy.rank(q), let best = r.neighbours.first else {
        Issue.record("no ranking")
        continue
      }
      #expect(
        v.reason.contains(
          ": nearest reference \u{201C}\(best.excerpt)\u{201D} (\(best.route), \(Similarity(best.similarity)))"))
      let labels = r.ranked.map(\.route) + r.neighbours.map { "nearest \($0.route)" }
      #expect(v.evidence.map(\.label) == labels)
      #expect(v.evidence.first?.value == Percent(r.ranked[0].probability).description)
      if let other = r.neighbours.first(where: { $0.route != v.route }) {
        #expect(v.reason.hasSuffix("; runner-up \(other.route) at \(Similarity(other.similarity))"))
      }
    }
  }

  @Test("excerpts: one line, cut to 60 characters with an ellipsis; the ASCII shortcut agrees")
  func excerpts() {
    func slow(_ text: String, limit: Int = 60) -> String {
      let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
      guard line.count > limit else { return line }
      return String(line.prefix(limit - 1)) + "\u{2026}"
    }
    let samples =
      Fixtures.clinic.train.map(\.text) + [
        "", "short", String(repeating: "a", count: 60), String(repeating: "b", count: 61),
        "two\nlines", "tab\there", String(repeating: "é", count: 70), "x\r\ny",
      ]
    for text in samples {
      #expect(EmbeddingReferences.excerpt(text) == slow(text))
    }
    #expect(EmbeddingReferences.excerpt(String(repeating: "b", count: 61)).count == 60)
  }

  @Test("reasons print percentages and similarities like Percent and Similarity")
  func formatting() {
    for x in [0, 0.004, 0.005, 0.0049999, 0.126, 0.5, 0.8234, 0.995, 0.99999, 1, 1.004, 1.006, -0.126, -0.004, 12.345, .nan] {
      var s = TextBuffer()
      s.appendSimilarity(x)
      #expect(s.string == Similarity(x).description)
      var p = TextBuffer()
      p.appendPercent(x)
      #expect(p.string == Percent(x).description)
      #expect(TextBuffer.percent(x) == Percent(x).description)
      #expect(TextBuffer.similarity(x) == Similarity(x).description)
    }
  }
}
