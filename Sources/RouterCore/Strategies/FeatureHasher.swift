import Foundation

/// Turns a query into hashed sparse features: words, word pairs, and character 3–5-grams.
///
/// Character n-grams make the classifier robust to typos and inflections (`suicidal`,
/// `suicde`), words and pairs carry meaning (`chest pain`). Features are hashed into a fixed
/// number of buckets so no vocabulary has to be stored, and each keeps where it came from so the
/// few that decided a verdict can be named.
///
/// Fitted to the training messages (`fitted(to:)`), each feature is weighted by its bucket's
/// inverse document frequency, as TF-IDF does (Spärck Jones 1972; the smoothed form
/// `ln((1 + N) / (1 + df)) + 1` of scikit-learn's `TfidfVectorizer`): a word or n-gram in every
/// other message ("my", "…the…") says less than a rare one ("…overd…"). A bucket no training message
/// used gets weight 0, so unseen n-grams do not dilute the ones the model knows.
public struct FeatureHasher: Sendable {
  /// log2 of the number of buckets.
  public let bits: Int
  public var buckets: Int { 1 << bits }
  /// Whether `fitted(to:)` learns inverse document frequencies (else every feature weighs the same).
  public let usesIDF: Bool
  /// Inverse document frequency per bucket, learned by `fitted(to:)`; empty before fitting or
  /// without `usesIDF`, and then every feature weighs the same.
  public private(set) var idf: [Float] = []

  public init(bits: Int = 18, usesIDF: Bool = true) {
    self.bits = bits
    self.usesIDF = usesIDF
  }

  /// This hasher with inverse document frequencies learned from `queries` (itself without `usesIDF`).
  public func fitted(to queries: [Query]) -> FeatureHasher {
    fitted(to: HashedDocuments(queries, hasher: self))
  }

  /// `fitted(to:)` from messages already hashed (each hashed once, then weighed with `values`
  /// by the fitted hasher).
  func fitted(to documents: HashedDocuments) -> FeatureHasher {
    guard usesIDF else { return self }
    var df = [Int32](repeating: 0, count: buckets)
    var lastSeen = [Int32](repeating: -1, count: buckets)
    for n in 0..<documents.count {
      for j in documents.range(n) {
        let b = Int(documents.buckets[j])
        if lastSeen[b] != Int32(n) {
          lastSeen[b] = Int32(n)
          df[b] += 1
        }
      }
    }
    var copy = self
    let count = Float(documents.count)
    copy.idf = df.map { $0 > 0 ? log((1 + count) / (1 + Float($0))) + 1 : 0 }
    return copy
  }

  /// Messages' features packed flat, as training keeps them: a bucket and a group (`Origin.group`)
  /// per feature, five bytes where a `Feature` takes forty, which on a training split of 13,000
  /// messages is the difference between about 20 MB and 150 MB.
  struct HashedDocuments {
    var buckets: [Int32] = []
    var groups: [UInt8] = []
    /// Message `n`'s features are `starts[n]..<starts[n + 1]`.
    var starts = [0]

    init(_ queries: [Query], hasher: FeatureHasher) {
      for q in queries {
        for f in hasher.unweighted(q) {
          buckets.append(Int32(f.bucket))
          groups.append(f.origin.group)
        }
        starts.append(buckets.count)
      }
    }

    var count: Int { starts.count - 1 }
    func range(_ n: Int) -> Range<Int> { starts[n]..<starts[n + 1] }

    /// The values of message `n`'s features, as `weighed` gives them.
    func values(_ n: Int, hasher: FeatureHasher) -> [Float] {
      let r = range(n)
      var out = [Float](repeating: 0, count: r.count)
      hasher.weigh(
        count: r.count, bucket: { Int(buckets[r.lowerBound + $0]) }, group: { groups[r.lowerBound + $0] },
        set: { out[$0] = $1 })
      return out
    }
  }

  /// This hasher with `idf` read back from a model cache; nil when its size does not fit.
  func with(idf stored: [Float]) -> FeatureHasher? {
    guard usesIDF, stored.count == buckets else { return nil }
    var copy = self
    copy.idf = stored
    return copy
  }

  /// Where a feature came from in the query, to rebuild its name.
  public enum Origin: Sendable, Equatable {
    case word(Int)
    case pair(Int)
    case chars(word: Int, start: Int, length: Int)

    /// The feature's group: 0 words, 1 word pairs, 2 character n-grams.
    var group: UInt8 {
      switch self {
      case .word: 0
      case .pair: 1
      case .chars: 2
      }
    }
  }

  public struct Feature: Sendable {
    public var bucket: Int
    public var origin: Origin
    /// The feature's value: its inverse document frequency (1 before fitting) times its group's
    /// weight, over the length of the group's vector.
    public var value: Float
  }

  /// Relative weight of each feature group; each group is first scaled to unit length, so a
  /// long message's hundreds of character n-grams do not drown its words.
  public struct GroupWeights: Sendable {
    public var words: Float = 1
    public var pairs: Float = 0.7
    public var chars: Float = 1
    public init() {}
  }

  public var weights = GroupWeights()

  /// Features of `query`; the whole vector has unit length (or is zero when no feature is known).
  public func features(_ query: Query) -> [Feature] {
    weighed(unweighted(query))
  }

  /// The features of `query` with their buckets and origins, all of value 0.
  func unweighted(_ query: Query) -> [Feature] {
    var out: [Feature] = []
    let words = query.words
    out.reserveCapacity(words.count * 12)
    let mask = UInt64(buckets - 1)
    var padded: [UInt8] = []
    for (i, w) in words.enumerated() {
      out.append(Feature(bucket: Int(Self.hash(w.utf8, seed: 1) & mask), origin: .word(i), value: 0))
      if i + 1 < words.count {
        var h = Self.hash(w.utf8, seed: 2)
        h = Self.mix(h, 0x20)
        h = Self.continueHash(h, words[i + 1].utf8)
        out.append(Feature(bucket: Int(h & mask), origin: .pair(i), value: 0))
      }
      padded.removeAll(keepingCapacity: true)
      padded.append(0x20)
      padded.append(contentsOf: w.utf8)
      padded.append(0x20)
      let n = padded.count
      for length in 3...5 where length <= n {
        for start in 0...(n - length) {
          var h: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(length) &* 0x9E37_79B9
          for k in start..<(start + length) { h = Self.mix(h, padded[k]) }
          out.append(Feature(bucket: Int(h & mask), origin: .chars(word: i, start: start, length: length), value: 0))
        }
      }
    }
    return out
  }

  /// `features` with their values: inverse document frequency, then each group (words, pairs,
  /// n-grams) scaled to unit length and weighted.
  func weighed(_ features: [Feature]) -> [Feature] {
    var out = features
    weigh(
      count: features.count, bucket: { features[$0].bucket }, group: { features[$0].origin.group },
      set: { out[$0].value = $1 })
    return out
  }

  /// The values of `count` features given by their bucket and group (`Origin.group`), passed to
  /// `set` in order: each feature's inverse document frequency, then each group scaled to unit
  /// length and weighted by `weights`.
  @inline(__always)
  func weigh(count: Int, bucket: (Int) -> Int, group: (Int) -> UInt8, set: (Int, Float) -> Void) {
    idf.withUnsafeBufferPointer { idf in
      var norms = SIMD4<Float>()
      for i in 0..<count {
        let x = idf.isEmpty ? 1 : idf[bucket(i)]
        norms[Int(group(i))] += x * x
      }
      let w = SIMD4<Float>(weights.words, weights.pairs, weights.chars, 0)
      let present = SIMD4<Float>(repeating: 0).replacing(with: 1, where: norms .> 0)
      let total = (w * w * present).sum().squareRoot()
      guard total > 0 else {
        for i in 0..<count { set(i, idf.isEmpty ? 1 : idf[bucket(i)]) }
        return
      }
      var scale = SIMD4<Float>()
      for g in 0..<3 where norms[g] > 0 { scale[g] = w[g] / norms[g].squareRoot() / total }
      for i in 0..<count {
        let x = idf.isEmpty ? 1 : idf[bucket(i)]
        set(i, x * scale[Int(group(i))])
      }
    }
  }

  /// A readable name for a feature of `query`.
  public func name(of origin: Origin, in query: Query) -> String {
    switch origin {
    case .word(let i): return query.words[i]
    case .pair(let i): return query.words[i] + " " + query.words[i + 1]
    case .chars(let i, let start, let length):
      let padded = Array((" " + query.words[i] + " ").utf8)
      let slice = padded[start..<min(start + length, padded.count)]
      let s = String(decoding: slice, as: UTF8.self).replacingSpaces()
      return "…\(s)…"
    }
  }

  @inline(__always) static func mix(_ h: UInt64, _ byte: UInt8) -> UInt64 {
    (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  static func hash(_ bytes: String.UTF8View, seed: UInt64) -> UInt64 {
    continueHash(0xcbf2_9ce4_8422_2325 ^ (seed &* 0x9E37_79B9_7F4A_7C15), bytes)
  }

  static func continueHash(_ start: UInt64, _ bytes: String.UTF8View) -> UInt64 {
    var h = start
    for b in bytes { h = mix(h, b) }
    return h
  }
}

extension String {
  /// Shows word boundaries in character n-grams as `_`.
  fileprivate func replacingSpaces() -> String {
    String(map { $0 == " " ? "_" : $0 })
  }
}
