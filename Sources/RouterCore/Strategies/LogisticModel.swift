/// Multinomial logistic regression over hashed sparse features, trained by SGD.
///
/// With an `encoder`, each message also brings its sentence vector (the static MiniLM table's
/// pooled, unit-length vector) as `dim` dense features next to the hashed ones: words and
/// n-grams say which words were used, the vector what the message is about. On 5-fold
/// cross-validation of the clinic training split this gained about 3 points of accuracy at the
/// same human recall over mixing a separate embedding classifier's probabilities in afterwards.
public struct LogisticModel: Sendable {
  public let classes: [String]
  public let hasher: FeatureHasher
  /// Supplies the sentence-vector features; nil for words and n-grams only.
  public let encoder: StaticEmbeddingEncoder?
  /// Weights of the hashed features, bucket-major: `weights[bucket * classes.count + c]`.
  private(set) var weights: [Float]
  /// Weights of the sentence vector, class-major (`denseWeights[c * dim + j]`), so scoring a
  /// class is one dot product; empty without an encoder.
  private(set) var denseWeights: [Float]
  private(set) var bias: [Float]

  /// Training settings; the defaults are the ones RouterLab ships with. 100 epochs: on 5-fold
  /// CV of the clinic training split the hybrid gains 0.9 points of accuracy over 60 at the same
  /// human recall (40: −0.8; 140: no further gain, lower recall).
  public struct Training: Sendable {
    public var epochs = 100
    public var learningRate: Float = 0.5
    public var l2: Float = 1e-5
    public var seed: UInt64 = 7
    public init() {}
  }

  /// Trains on `examples`, weighting classes so each counts as much as the others in total. The
  /// hasher is first fitted to the examples' text (inverse document frequencies).
  public init(examples: [LabeledExample], classes: [String], hasher: FeatureHasher = FeatureHasher(),
              encoder: StaticEmbeddingEncoder? = nil, training: Training = Training()) {
    self.classes = classes
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    let usable = examples.filter { index[$0.route] != nil }
    // Each message is hashed once: the hasher is fitted to these, then weighs them.
    let hashed = FeatureHasher.HashedDocuments(usable.map { Query($0.text) }, hasher: hasher)
    let hasher = hasher.fitted(to: hashed)
    self.hasher = hasher
    self.encoder = encoder
    let c = classes.count
    let dim = encoder?.dim ?? 0
    weights = [Float](repeating: 0, count: hasher.buckets * c)
    denseWeights = [Float](repeating: 0, count: c * dim)
    bias = [Float](repeating: 0, count: c)
    // Each example's hashed features packed flat: `starts[i]..<starts[i + 1]` index `buckets` and
    // `values`; its sentence vector is `vectors[i * dim..<(i + 1) * dim]`.
    let starts = hashed.starts
    let buckets = hashed.buckets
    var values: [Float] = []
    var vectors: [Float] = []
    var hasVector: [Bool] = []
    var labels: [Int] = []
    values.reserveCapacity(buckets.count)
    for (i, ex) in usable.enumerated() {
      values += hashed.values(i, hasher: hasher)
      if let encoder {
        let v = encoder.encode(ex.text)
        vectors.append(contentsOf: v)
        hasVector.append(v.contains { $0 != 0 })
      }
      labels.append(index[ex.route]!)
    }
    guard !labels.isEmpty else { return }
    var counts = [Float](repeating: 0, count: c)
    for l in labels { counts[l] += 1 }
    let classWeight = counts.map { $0 > 0 ? Float(labels.count) / (Float(c) * $0) : 0 }

    var order = Array(labels.indices)
    var rng = SplitMix64(seed: training.seed)
    var probs = [Float](repeating: 0, count: c)
    var g = [Float](repeating: 0, count: c)
    var step = 0
    let totalSteps = Float(training.epochs * labels.count)
    var bias = self.bias
    var dense = denseWeights
    weights.withUnsafeMutableBufferPointer { w in
      dense.withUnsafeMutableBufferPointer { d in
        buckets.withUnsafeBufferPointer { buckets in
          values.withUnsafeBufferPointer { values in
            vectors.withUnsafeBufferPointer { vectors in
              for _ in 0..<training.epochs {
                rng.shuffle(&order)
                for i in order {
                  let range = starts[i]..<starts[i + 1]
                  let label = labels[i]
                  let lr = training.learningRate * (1 - Float(step) / totalSteps) + 0.01
                  step += 1
                  let x = dim > 0 && hasVector[i] ? vectors.baseAddress! + i * dim : nil
                  for k in 0..<c { probs[k] = bias[k] }
                  for j in range {
                    let base = Int(buckets[j]) * c
                    for k in 0..<c { probs[k] += w[base + k] * values[j] }
                  }
                  if let x {
                    for k in 0..<c { probs[k] += VectorMath.dot(d.baseAddress! + k * dim, x, dim) }
                  }
                  VectorMath.softmax(&probs)
                  for k in 0..<c {
                    let grad = (probs[k] - (k == label ? 1 : 0)) * classWeight[label]
                    bias[k] -= lr * grad
                    g[k] = lr * grad
                  }
                  let decay = 1 - lr * training.l2
                  for j in range {
                    let base = Int(buckets[j]) * c
                    let v = values[j]
                    for k in 0..<c { w[base + k] = w[base + k] * decay - g[k] * v }
                  }
                  if let x {
                    for k in 0..<c {
                      let row = d.baseAddress! + k * dim
                      let gk = g[k]
                      for j in 0..<dim { row[j] = row[j] * decay - gk * x[j] }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    self.bias = bias
    denseWeights = dense
  }

  /// A model with weights trained earlier (read back from a `ModelCache`).
  init(classes: [String], hasher: FeatureHasher, encoder: StaticEmbeddingEncoder?, weights: [Float],
       denseWeights: [Float], bias: [Float]) {
    self.classes = classes
    self.hasher = hasher
    self.encoder = encoder
    self.weights = weights
    self.denseWeights = denseWeights
    self.bias = bias
  }

  /// Number of numbers a cache file holds for a model with these settings besides its bias: the
  /// hashed and sentence-vector weights, then the hasher's inverse document frequencies.
  static func weightCount(classes: Int, hasher: FeatureHasher, encoder: StaticEmbeddingEncoder?) -> Int {
    (hasher.buckets + (encoder?.dim ?? 0)) * classes + (hasher.usesIDF ? hasher.buckets : 0)
  }

  /// Reads the weights from `cache` when it holds a model trained on exactly this, else trains
  /// one and stores it there.
  public static func trained(examples: [LabeledExample], classes: [String], hasher: FeatureHasher = FeatureHasher(),
                             encoder: StaticEmbeddingEncoder? = nil, training: Training = Training(),
                             cache: ModelCache?) -> LogisticModel {
    guard let cache else {
      return LogisticModel(examples: examples, classes: classes, hasher: hasher, encoder: encoder, training: training)
    }
    let key = cacheKey(examples: examples, classes: classes, hasher: hasher, encoder: encoder, training: training,
                       salt: cache.salt)
    let count = weightCount(classes: classes.count, hasher: hasher, encoder: encoder)
    // The file holds the hashed weights, the sentence vector's, then the inverse document frequencies.
    let hashed = hasher.buckets * classes.count
    let dense = hashed + (encoder?.dim ?? 0) * classes.count
    if let stored = cache.load(key: key, classes: classes.count, weights: count),
      let fitted = hasher.usesIDF ? hasher.with(idf: Array(stored.weights[dense...])) : hasher
    {
      return LogisticModel(classes: classes, hasher: fitted, encoder: encoder, weights: Array(stored.weights[..<hashed]),
                           denseWeights: Array(stored.weights[hashed..<dense]), bias: stored.bias)
    }
    let model = LogisticModel(examples: examples, classes: classes, hasher: hasher, encoder: encoder, training: training)
    cache.store(key: key, bias: model.bias, weights: model.weights + model.denseWeights + model.hasher.idf)
    return model
  }

  /// A sentence whose features stand for the feature code in a cache key: if hashing or encoding
  /// changes, so does the key.
  static let probe = "Probe: can I take ibuprofen with warfarin? my chest hurts, necesito ayuda ya, 胸が痛い."

  /// SHA-256 over everything training reads, as hex.
  static func cacheKey(examples: [LabeledExample], classes: [String], hasher: FeatureHasher,
                       encoder: StaticEmbeddingEncoder?, training: Training, salt: String) -> String {
    var key = CacheKey("routerlab logistic model 4", salt: salt)
    for c in classes { key.add(c) }
    key.add(hasher.bits)
    key.add(hasher.usesIDF ? "idf" : "uniform")
    for w in [hasher.weights.words, hasher.weights.pairs, hasher.weights.chars] { key.add(w) }
    key.add(training.epochs)
    for f in [training.learningRate, training.l2] { key.add(f) }
    key.add(training.seed)
    for f in hasher.features(Query(probe)) {
      key.add(f.bucket)
      key.add(f.value)
    }
    if let encoder { key.add(encoder: encoder, probe: probe) }
    key.add(examples: examples)
    return key.hex
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

  /// Class probabilities for `query`, with the hashed features that were used (the sentence
  /// vector is scored straight from the encoder's output: its components name no word).
  public func predict(_ query: Query) -> (probabilities: [Double], features: [FeatureHasher.Feature]) {
    let features = hasher.features(query)
    let c = classes.count
    var s = [Float](repeating: 0, count: c)
    scores(features, into: &s)
    if let encoder {
      let dim = encoder.dim
      withUnsafeTemporaryAllocation(of: Float.self, capacity: dim) { v in
        v.initialize(repeating: 0)
        encoder.pool(encoder.tokenizer.ids(query.text), into: v)
        denseWeights.withUnsafeBufferPointer { d in
          for k in 0..<c { s[k] += VectorMath.dot(d.baseAddress! + k * dim, v.baseAddress!, dim) }
        }
      }
    }
    VectorMath.softmax(&s)
    return (s.map(Double.init), features)
  }

  /// Words too common to explain anything to a reader ("i", "the", "my"); they still count in the
  /// model, they are only left out of reasons.
  static let functionWords: Set<String> = [
    "i", "i'm", "im", "me", "my", "the", "a", "an", "and", "or", "to", "of", "in", "on", "at", "for", "is", "it",
    "this", "that", "be", "am", "are", "was", "do", "does", "did", "you", "your", "we", "our", "with", "so",
    "but", "if", "just", "can", "have", "has", "had", "what", "how", "from", "as", "by", "he", "she", "they",
    // Auxiliaries, pronouns and fillers: the model leans on them (a buried request often follows
    // "also"), but they explain nothing to a reader.
    "should", "could", "would", "will", "may", "might", "must", "been", "being", "were", "also", "about", "up",
    "out", "not", "no", "don't", "dont", "can't", "cant", "won't", "wont", "i've", "ive", "i'll", "he's",
    "she's", "it's", "its", "his", "her", "him", "them", "their", "there", "then", "than", "very", "really",
    "some", "any", "all", "know", "think", "get", "got", "still", "now",
    // The commonest function words of the scenario's other languages.
    "mi", "de", "la", "el", "que", "y", "en", "los", "las", "por", "con", "para", "es", "un", "una", "le", "les",
    "et", "je", "est", "der", "die", "das", "und", "ich", "ist", "o", "e", "da", "do", "na", "no", "eu", "po",
    "ng", "sa", "ang", "ko",
  ]

  /// The words of `query` that pushed `winner` above `other` the most, strongest first.
  ///
  /// Each word collects the weight of its own feature, its character n-grams and half of each
  /// word pair it is in, so a reason reads "because of warfarin, ibuprofen" rather than listing
  /// n-gram fragments.
  public func strongestWords(_ query: Query, features: [FeatureHasher.Feature],
                             winner: Int, other: Int, count: Int = 3) -> [(word: String, weight: Double)] {
    let c = classes.count
    var perWord = [Double](repeating: 0, count: query.words.count)
    guard !perWord.isEmpty else { return [] }
    weights.withUnsafeBufferPointer { w in
      for f in features {
        let d = Double(w[f.bucket * c + winner] - w[f.bucket * c + other]) * Double(f.value)
        switch f.origin {
        case .word(let i): perWord[i] += d
        case .chars(let i, _, _): perWord[i] += d
        case .pair(let i):
          perWord[i] += d / 2
          perWord[i + 1] += d / 2
        }
      }
    }
    // A repeated word counts once, with all its weight. A short message merges by comparing
    // words (cheaper than hashing them); a long one uses a dictionary.
    var merged: [(word: String, weight: Double)] = []
    merged.reserveCapacity(min(perWord.count, Self.linearMergeLimit))
    if perWord.count <= Self.linearMergeLimit {
      next: for (i, d) in perWord.enumerated() {
        let word = query.words[i]
        for m in merged.indices where merged[m].word == word {
          merged[m].weight += d
          continue next
        }
        merged.append((word, d))
      }
    } else {
      var byWord: [String: Double] = [:]
      for (i, d) in perWord.enumerated() { byWord[query.words[i], default: 0] += d }
      merged = byWord.map { (word: $0.key, weight: $0.value) }
    }
    // The `count` strongest, kept in order as they come (cheaper than sorting them all).
    func stronger(_ a: (word: String, weight: Double), _ b: (word: String, weight: Double)) -> Bool {
      a.weight > b.weight || (a.weight == b.weight && a.word < b.word)
    }
    var best: [(word: String, weight: Double)] = []
    best.reserveCapacity(count + 1)
    for m in merged where m.weight > 0 {
      if best.count == count, let last = best.last, !stronger(m, last) { continue }
      if Self.functionWords.contains(m.word) { continue }
      let at = best.firstIndex { stronger(m, $0) } ?? best.count
      best.insert(m, at: at)
      if best.count > count { best.removeLast() }
    }
    return best
  }

  /// Up to this many words, `strongestWords` merges repeats by comparison rather than hashing.
  static let linearMergeLimit = 40
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

  /// Fisher–Yates shuffle driven by this generator, so training order is the same on every run.
  mutating func shuffle<T>(_ items: inout [T]) {
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, Int(next() % UInt64(i + 1)))
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
