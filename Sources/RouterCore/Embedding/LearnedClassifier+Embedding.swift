extension LearnedClassifier.Ranking {
  /// This ranking with the embedding strategy's probabilities mixed in:
  /// `(1 - weight) × classifier + weight × embedding` per route, re-sorted. The features that
  /// explain the ranking stay the classifier's. Unchanged when `embedding` is nil or `weight` is 0.
  ///
  /// The hybrid flow mixes at `EmbeddingSettings.hybridWeight`, 0 by default since the classifier
  /// reads the sentence vector as features itself (better on 5-fold CV of the clinic training split).
  public func blended(with embedding: EmbeddingStrategy.Ranking?, weight: Double) -> Self {
    guard let embedding, weight > 0 else { return self }
    var copy = self
    copy.ranked =
      ranked
      .map {
        (route: $0.route, probability: (1 - weight) * $0.probability + weight * embedding.probability(of: $0.route))
      }
      .sorted { $0.probability > $1.probability }
    return copy
  }
}
