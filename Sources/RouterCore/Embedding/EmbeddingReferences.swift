/// A scenario's labelled reference examples as unit vectors, searchable by cosine similarity.
///
/// The search is exact but skips most of the arithmetic. The table's axes are rotated so the
/// first components of a sentence vector carry most of its energy (scripts/distill_embeddings.py),
/// so each similarity is first computed on a `prefix` of the components, kept in one compact
/// block; by Cauchy–Schwarz the rest can add at most `|q_rest| · |r_rest|`, and a reference whose
/// bound cannot beat its route's best so far is never finished.
public struct EmbeddingReferences: Sendable {
  /// Route names, in the order `labels` index.
  public let routes: [String]
  public let texts: [String]
  /// Each text on one line, cut for reasons (`excerpt(_:limit:)`).
  public let excerpts: [String]
  /// Index into `routes` of each example's route.
  public let labels: [Int]
  public let dim: Int
  /// Components compared for every reference before the bound is checked.
  public let prefix: Int
  /// `count × prefix` floats: the first components of each unit vector.
  private let heads: [Float]
  /// `count × (dim - prefix)` floats: the other components.
  private let tails: [Float]
  /// Length of each reference's tail.
  private let tailNorms: [Float]

  /// The most similar reference of one route.
  public struct Neighbour: Sendable, Equatable {
    public var route: String
    public var text: String
    /// `text` on one line, cut for a reason.
    public var excerpt: String
    public var similarity: Double
  }

  /// Embeds `examples` whose route is one of `routes`. With `prefix` equal to the table's width
  /// every component of every reference is compared.
  public init(examples: [LabeledExample], routes: [String], encoder: StaticEmbeddingEncoder, prefix: Int = 96) {
    let index = Dictionary(uniqueKeysWithValues: routes.enumerated().map { ($1, $0) })
    let usable = examples.filter { index[$0.route] != nil }
    let dim = encoder.dim
    let head = max(0, min(prefix, dim))
    let rest = dim - head
    self.routes = routes
    self.dim = dim
    self.prefix = head
    texts = usable.map(\.text)
    excerpts = usable.map { Self.excerpt($0.text) }
    labels = usable.compactMap { index[$0.route] }
    var heads = [Float](repeating: 0, count: usable.count * head)
    var tails = [Float](repeating: 0, count: usable.count * rest)
    var tailNorms = [Float](repeating: 0, count: usable.count)
    var v = [Float](repeating: 0, count: dim)
    for (i, ex) in usable.enumerated() {
      for j in 0..<dim { v[j] = 0 }
      v.withUnsafeMutableBufferPointer { encoder.pool(encoder.tokenizer.ids(ex.text), into: $0) }
      var norm: Float = 0
      for j in 0..<head { heads[i * head + j] = v[j] }
      for j in head..<dim {
        tails[i * rest + j - head] = v[j]
        norm += v[j] * v[j]
      }
      tailNorms[i] = norm.squareRoot()
    }
    self.heads = heads
    self.tails = tails
    self.tailNorms = tailNorms
  }

  public var count: Int { labels.count }

  /// Reference `i` as a unit vector.
  public func vector(_ i: Int) -> [Float] {
    let rest = dim - prefix
    return Array(heads[(i * prefix)..<((i + 1) * prefix)]) + Array(tails[(i * rest)..<((i + 1) * rest)])
  }

  /// All references' vectors, `count × dim`, row-major (what a classifier trains on).
  public var vectors: [Float] {
    var out: [Float] = []
    out.reserveCapacity(count * dim)
    for i in 0..<count { out += vector(i) }
    return out
  }

  /// For each route, its most similar reference to the unit vector `v`, best first;
  /// routes without references are left out.
  public func nearest(to v: UnsafeBufferPointer<Float>) -> [Neighbour] {
    let n = labels.count
    guard n > 0, let q = v.baseAddress, v.count >= dim else { return [] }
    let rest = dim - prefix
    var qTail: Float = 0
    for j in prefix..<dim { qTail += q[j] * q[j] }
    qTail = qTail.squareRoot()

    var best = [(index: Int, similarity: Float)](repeating: (-1, -.infinity), count: routes.count)
    withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { partial in
      heads.withUnsafeBufferPointer { hs in
        tails.withUnsafeBufferPointer { ts in
          // An empty block may have no address; it is then never read, so any pointer will do.
          let h = hs.baseAddress ?? q
          let t = ts.baseAddress ?? q
          // 1. Every reference's similarity on the leading components, four rows at a time.
          var i = 0
          while i + 4 <= n {
            let s = VectorMath.dot4(h + i * prefix, q, prefix, rowStride: prefix)
            for k in 0..<4 { partial[i + k] = s[k] }
            i += 4
          }
          while i < n {
            partial[i] = VectorMath.dot(h + i * prefix, q, prefix)
            i += 1
          }
          // 2. Seed each route with its best partial score, finished: a real similarity to beat.
          var seed = [Int](repeating: -1, count: routes.count)
          for i in 0..<n where seed[labels[i]] < 0 || partial[i] > partial[seed[labels[i]]] {
            seed[labels[i]] = i
          }
          for (r, i) in seed.enumerated() where i >= 0 {
            best[r] = (i, partial[i] + VectorMath.dot(t + i * rest, q + prefix, rest))
          }
          // 3. Finish only the references whose bound beats their route's best.
          for i in 0..<n where i != seed[labels[i]] {
            let r = labels[i]
            guard partial[i] + qTail * tailNorms[i] > best[r].similarity else { continue }
            let s = partial[i] + VectorMath.dot(t + i * rest, q + prefix, rest)
            if s > best[r].similarity { best[r] = (i, s) }
          }
        }
      }
    }
    return best.enumerated()
      .filter { $0.element.index >= 0 }
      .map {
        Neighbour(
          route: routes[$0.offset], text: texts[$0.element.index], excerpt: excerpts[$0.element.index],
          similarity: Double($0.element.similarity))
      }
      .sorted { $0.similarity > $1.similarity }
  }

  /// `text` on one line, cut to `limit` characters with an ellipsis.
  public static func excerpt(_ text: String, limit: Int = 60) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard line.count > limit else { return line }
    return String(line.prefix(limit - 1)) + "\u{2026}"
  }
}
