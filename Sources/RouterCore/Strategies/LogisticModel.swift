/// Multinomial logistic regression over hashed sparse features, trained by SGD.
public struct LogisticModel: Sendable {
  public let classes: [String]
  public let hasher: FeatureHasher
  /// Weights, bucket-major: `weights[bucket * classes.count + c]`.
  private(set) var weights: [Float]
  private(set) var bias: [Float]

  /// Training settings; the defaults are the ones RouterLab ships with.
  public struct Training: Sendable {
    public var epochs = 30
    public var learningRate: Float = 0.4
    public var l2: Float = 1e-5
    public var seed: UInt64 = 7
    public init() {}
  }

  /// Trains on `examples`, weighting classes so each counts as much as the others in total.
  public init(examples: [LabeledExample], classes: [String], hasher: FeatureHasher = FeatureHasher(),
              training: Training = Training()) {
    self.classes = classes
    self.hasher = hasher
    let c = classes.count
    weights = [Float](repeating: 0, count: hasher.buckets * c)
    bias = [Float](repeating: 0, count: c)
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    let data: [(buckets: [Int], value: Float, label: Int)] = examples.compactMap { ex in
      guard let label = index[ex.route] else { return nil }
      let (features, value) = hasher.features(Query(ex.text))
      return (features.map(\.bucket), value, label)
    }
    guard !data.isEmpty else { return }
    var counts = [Float](repeating: 0, count: c)
    for d in data { counts[d.label] += 1 }
    let classWeight = counts.map { $0 > 0 ? Float(data.count) / (Float(c) * $0) : 0 }

    var order = Array(data.indices)
    var rng = SplitMix64(seed: training.seed)
    var probs = [Float](repeating: 0, count: c)
    var step = 0
    let totalSteps = Float(training.epochs * data.count)
    for _ in 0..<training.epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        let j = Int(rng.next() % UInt64(i + 1))
        order.swapAt(i, j)
      }
      for i in order {
        let d = data[i]
        let lr = training.learningRate * (1 - Float(step) / totalSteps) + 0.01
        step += 1
        scores(buckets: d.buckets, value: d.value, into: &probs)
        softmax(&probs)
        let w = classWeight[d.label]
        for k in 0..<c {
          let grad = (probs[k] - (k == d.label ? 1 : 0)) * w
          bias[k] -= lr * grad
          let g = lr * grad * d.value
          let decay = 1 - lr * training.l2
          for b in d.buckets {
            let at = b * c + k
            weights[at] = weights[at] * decay - g
          }
        }
      }
    }
  }

  @inline(__always)
  func scores(buckets: [Int], value: Float, into out: inout [Float]) {
    let c = classes.count
    for k in 0..<c { out[k] = bias[k] }
    weights.withUnsafeBufferPointer { w in
      for b in buckets {
        let base = b * c
        for k in 0..<c { out[k] += w[base + k] * value }
      }
    }
  }

  func softmax(_ v: inout [Float]) {
    var m = -Float.infinity
    for x in v where x > m { m = x }
    var sum: Float = 0
    for i in v.indices {
      v[i] = expf(v[i] - m)
      sum += v[i]
    }
    for i in v.indices { v[i] /= sum }
  }

  /// Class probabilities for `query`, with the features that were used.
  public func predict(_ query: Query) -> (probabilities: [Double], features: [FeatureHasher.Feature], value: Float) {
    let (features, value) = hasher.features(query)
    var s = [Float](repeating: 0, count: classes.count)
    scores(buckets: features.map(\.bucket), value: value, into: &s)
    softmax(&s)
    return (s.map(Double.init), features, value)
  }

  /// The features that pushed `winner` above `other` the most, as readable names.
  public func strongestFeatures(_ query: Query, features: [FeatureHasher.Feature], value: Float,
                                winner: Int, other: Int, count: Int = 3) -> [(name: String, weight: Double)] {
    let c = classes.count
    var byName: [String: Double] = [:]
    var scored: [(Int, Double)] = []
    scored.reserveCapacity(features.count)
    for (i, f) in features.enumerated() {
      let d = Double(weights[f.bucket * c + winner] - weights[f.bucket * c + other]) * Double(value)
      scored.append((i, d))
    }
    scored.sort { $0.1 > $1.1 }
    var names: [String] = []
    for (i, d) in scored where d > 0 {
      let name = hasher.name(of: features[i].origin, in: query)
      if byName[name] == nil { names.append(name) }
      byName[name, default: 0] += d
      if names.count >= count { break }
    }
    return names.map { ($0, byName[$0] ?? 0) }
  }
}

/// A small, fast, seedable random number generator, so training is the same on every run.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
