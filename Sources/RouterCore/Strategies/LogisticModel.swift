/// Multinomial logistic regression over hashed sparse features, trained by SGD.
public struct LogisticModel: Sendable {
  public let classes: [String]
  public let hasher: FeatureHasher
  /// Weights, bucket-major: `weights[bucket * classes.count + c]`.
  private(set) var weights: [Float]
  private(set) var bias: [Float]

  /// Training settings; the defaults are the ones RouterLab ships with.
  public struct Training: Sendable {
    public var epochs = 60
    public var learningRate: Float = 0.5
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
    let data: [(features: [FeatureHasher.Feature], label: Int)] = examples.compactMap { ex in
      guard let label = index[ex.route] else { return nil }
      return (hasher.features(Query(ex.text)), label)
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
        scores(d.features, into: &probs)
        softmax(&probs)
        let w = classWeight[d.label]
        for k in 0..<c {
          let grad = (probs[k] - (k == d.label ? 1 : 0)) * w
          bias[k] -= lr * grad
          let g = lr * grad
          let decay = 1 - lr * training.l2
          for f in d.features {
            let at = f.bucket * c + k
            weights[at] = weights[at] * decay - g * f.value
          }
        }
      }
    }
  }

  @inline(__always)
  func scores(_ features: [FeatureHasher.Feature], into out: inout [Float]) {
    let c = classes.count
    for k in 0..<c { out[k] = bias[k] }
    weights.withUnsafeBufferPointer { w in
      for f in features {
        let base = f.bucket * c
        for k in 0..<c { out[k] += w[base + k] * f.value }
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
  public func predict(_ query: Query) -> (probabilities: [Double], features: [FeatureHasher.Feature]) {
    let features = hasher.features(query)
    var s = [Float](repeating: 0, count: classes.count)
    scores(features, into: &s)
    softmax(&s)
    return (s.map(Double.init), features)
  }

  /// The features that pushed `winner` above `other` the most, as readable names.
  public func strongestFeatures(_ query: Query, features: [FeatureHasher.Feature],
                                winner: Int, other: Int, count: Int = 3) -> [(name: String, weight: Double)] {
    let c = classes.count
    // Keep the few strongest by a partial selection: a full sort of every n-gram is wasted work.
    let keep = count * 4
    var best: [(Int, Double)] = []
    best.reserveCapacity(keep + 1)
    for (i, f) in features.enumerated() {
      let d = Double(weights[f.bucket * c + winner] - weights[f.bucket * c + other]) * Double(f.value)
      guard d > 0 else { continue }
      if best.count == keep, let last = best.last, d <= last.1 { continue }
      var at = best.count
      while at > 0 && best[at - 1].1 < d { at -= 1 }
      best.insert((i, d), at: at)
      if best.count > keep { best.removeLast() }
    }
    var byName: [String: Double] = [:]
    var names: [String] = []
    for (i, d) in best {
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
