/// Multinomial logistic regression on dense vectors (sentence embeddings), trained by SGD.
///
/// Inputs are centred on the training mean first; classes are weighted so each counts as much
/// as the others in total; the learning rate decays linearly, as in `LogisticModel`.
/// `scripts/eval_embeddings.py` runs the same algorithm (same shuffles, same settings) on the
/// full MiniLM vectors, so the two are compared with one classifier.
public struct DenseLogisticModel: Sendable {
  public let classes: [String]
  public let dim: Int
  /// Weights, class-major: `weights[c * dim + j]`.
  private(set) var weights: [Float]
  private(set) var bias: [Float]
  /// Training mean, subtracted from every input.
  private(set) var mean: [Float]
  /// `weights[c] · mean` for each class, so prediction needs one dot product per class.
  private(set) var offset: [Float]

  /// Training settings. On 5-fold cross-validation of the clinic training split the settings
  /// tried (`scripts/eval_embeddings.py --sweep`) all land within about a point of each other;
  /// 20 epochs keeps training near 10 ms at start-up.
  public struct Training: Sendable {
    public var epochs = 20
    public var learningRate: Float = 1.0
    public var l2: Float = 1e-4
    public var seed: UInt64 = 7
    public init() {}
  }

  /// Trains on `vectors` (`count × dim`, row-major) with `labels` indexing `classes`.
  public init(vectors: [Float], labels: [Int], classes: [String], dim: Int, training: Training = Training()) {
    self.classes = classes
    self.dim = dim
    let c = classes.count
    let n = labels.count
    weights = [Float](repeating: 0, count: c * dim)
    bias = [Float](repeating: 0, count: c)
    mean = [Float](repeating: 0, count: dim)
    offset = [Float](repeating: 0, count: c)
    guard n > 0, c > 0, vectors.count == n * dim else { return }

    for i in 0..<n {
      for j in 0..<dim { mean[j] += vectors[i * dim + j] }
    }
    for j in 0..<dim { mean[j] /= Float(n) }
    var x = vectors
    for i in 0..<n {
      for j in 0..<dim { x[i * dim + j] -= mean[j] }
    }
    var counts = [Float](repeating: 0, count: c)
    for l in labels { counts[l] += 1 }
    let classWeight = counts.map { $0 > 0 ? Float(n) / (Float(c) * $0) : 0 }

    var order = Array(0..<n)
    var rng = SplitMix64(seed: training.seed)
    var scores = [Float](repeating: 0, count: c)
    var step = 0
    let totalSteps = Float(training.epochs * n)
    x.withUnsafeBufferPointer { xs in
      weights.withUnsafeMutableBufferPointer { w in
        for _ in 0..<training.epochs {
          rng.shuffle(&order)
          for i in order {
            let lr = training.learningRate * (1 - Float(step) / totalSteps) + 0.001 * training.learningRate
            step += 1
            guard let xb = xs.baseAddress, let wb = w.baseAddress else { continue }
            let row = xb + i * dim
            for k in 0..<c { scores[k] = bias[k] + VectorMath.dot(wb + k * dim, row, dim) }
            VectorMath.softmax(&scores)
            let decay = 1 - lr * training.l2
            let label = labels[i]
            for k in 0..<c {
              let g = (scores[k] - (k == label ? 1 : 0)) * classWeight[label]
              bias[k] -= lr * g
              let lg = lr * g
              for j in 0..<dim { w[k * dim + j] = w[k * dim + j] * decay - lg * row[j] }
            }
          }
        }
      }
    }
    offset = Self.offsets(weights: weights, mean: mean, classes: c, dim: dim)
  }

  /// `weights[c] · mean` for each class.
  static func offsets(weights: [Float], mean: [Float], classes: Int, dim: Int) -> [Float] {
    (0..<classes).map { k in
      var o: Float = 0
      for j in 0..<dim { o += weights[k * dim + j] * mean[j] }
      return o
    }
  }

  /// A model trained earlier (read back from a `ModelCache`).
  init(classes: [String], dim: Int, weights: [Float], bias: [Float], mean: [Float]) {
    self.classes = classes
    self.dim = dim
    self.weights = weights
    self.bias = bias
    self.mean = mean
    offset = Self.offsets(weights: weights, mean: mean, classes: classes.count, dim: dim)
  }

  /// Reads the model from `cache` when it holds one trained on exactly this, else trains one
  /// and stores it there. `examples` and `encoder` name the vectors in the key (hashing the
  /// vectors themselves would cost more than training): the same texts and labels through the
  /// same table give the same vectors. `vectors` is only computed when training.
  static func trained(vectors: @autoclosure () -> [Float], labels: [Int], classes: [String], dim: Int, training: Training,
                      examples: [LabeledExample], encoder: StaticEmbeddingEncoder, cache: ModelCache?) -> DenseLogisticModel {
    guard let cache else {
      return DenseLogisticModel(vectors: vectors(), labels: labels, classes: classes, dim: dim, training: training)
    }
    let key = cacheKey(labels: labels, classes: classes, dim: dim, training: training, examples: examples,
                       encoder: encoder, salt: cache.salt)
    let c = classes.count
    // The file holds the weights, then the training mean.
    if let stored = cache.load(key: key, classes: c, weights: c * dim + dim) {
      return DenseLogisticModel(classes: classes, dim: dim, weights: Array(stored.weights[..<(c * dim)]), bias: stored.bias,
                                mean: Array(stored.weights[(c * dim)...]))
    }
    let model = DenseLogisticModel(vectors: vectors(), labels: labels, classes: classes, dim: dim, training: training)
    cache.store(key: key, bias: model.bias, weights: model.weights + model.mean)
    return model
  }

  /// SHA-256 over everything training reads, as hex.
  static func cacheKey(labels: [Int], classes: [String], dim: Int, training: Training, examples: [LabeledExample],
                       encoder: StaticEmbeddingEncoder, salt: String) -> String {
    var key = CacheKey("routerlab dense model 1", salt: salt)
    for c in classes { key.add(c) }
    key.add(dim)
    key.add(training.epochs)
    for f in [training.learningRate, training.l2] { key.add(f) }
    key.add(training.seed)
    key.add(encoder: encoder, probe: LogisticModel.probe)
    for l in labels { key.add(l) }
    key.add(examples: examples)
    return key.hex
  }

  /// Class probabilities for the vector `v` (`dim` floats), in `classes` order.
  public func probabilities(_ v: UnsafeBufferPointer<Float>) -> [Double] {
    let c = classes.count
    var s = [Float](repeating: 0, count: c)
    guard let x = v.baseAddress, v.count >= dim else { return s.map(Double.init) }
    weights.withUnsafeBufferPointer { w in
      guard let w = w.baseAddress else { return }
      for k in 0..<c {
        // w·(v - mean) = w·v - w·mean; the second term is folded into `offset`.
        s[k] = bias[k] - offset[k] + VectorMath.dot(w + k * dim, x, dim)
      }
    }
    VectorMath.softmax(&s)
    return s.map(Double.init)
  }

}
