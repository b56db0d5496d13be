/// Settings of the embedding strategy. The defaults were chosen by 5-fold cross-validation on
/// the clinic training split (`scripts/eval_embeddings.py --sweep`).
public struct EmbeddingSettings: Sendable {
  /// The classifier's top route is taken as is from this probability; below it, the more
  /// capable of the two likeliest routes (on CV: 1.2 points of accuracy for 1.8 of human recall).
  public var confidenceThreshold: Double = 0.5
  /// A message whose best cosine similarity to every reference is below this is unlike anything
  /// the strategy was shown; it falls back to the more capable of the two likeliest routes.
  /// Pooled static vectors sit close together: clinic messages' nearest reference is above 0.56
  /// for 99% of dev, while unrelated text ("lorem ipsum", "the stock market fell") scores
  /// about 0.5.
  public var minSimilarity: Double = 0.55
  /// Most reference examples the nearest-reference search keeps (an even, deterministic sample
  /// of each route: `EmbeddingReferences.sample`); the classifier still learns from all of them.
  /// The search is most of the strategy's time and grows with the references: on the clinic
  /// table (`scripts/bench-embedding.sh`, 16,616 training examples), 2,000 references take 5.8 µs
  /// of a 10.2 µs message, and all of them 43 µs of 51 µs, too slow for the strategy's goal of
  /// 300 times faster than the full model (scripts/README-embeddings.md).
  public var maxReferences = 2_000
  /// How the classifier on the vectors is trained.
  public var training = DenseLogisticModel.Training()
  /// Share of the embedding's probabilities mixed into the hybrid flow's classifier checks
  /// (0 = none). None by default: the classifier already reads the sentence vector as features,
  /// which did better on 5-fold CV of the clinic training split (1,335 messages) than mixing
  /// afterwards: at about 96% human recall, 80.4% accuracy against 77.9% with a 0.35 mix.
  public var hybridWeight = 0.0

  public init() {}
}
