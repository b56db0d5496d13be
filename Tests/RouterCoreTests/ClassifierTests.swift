import Testing

@testable import RouterCore

@Suite struct ClassifierTests {
  static let tiny: [LabeledExample] = [
    ("what time do you open", "a"), ("where do I park", "a"), ("book me for monday", "a"),
    ("what are your hours", "a"), ("can I pay my bill online", "a"),
    ("can I take ibuprofen with warfarin", "b"), ("what does my a1c result mean", "b"),
    ("is this rash an infection", "b"), ("side effects of metformin", "b"), ("why do my feet tingle", "b"),
  ].map { LabeledExample(text: $0.0, route: $0.1) }

  @Test("training is deterministic: the same data gives the same probabilities")
  func deterministic() {
    let a = LogisticModel(examples: Self.tiny, classes: ["a", "b"])
    let b = LogisticModel(examples: Self.tiny, classes: ["a", "b"])
    let q = Query("when are you open on monday")
    #expect(a.predict(q).probabilities == b.predict(q).probabilities)
  }

  @Test("learns the separation and names the features that pushed it")
  func learns() {
    let c = LearnedClassifier(model: LogisticModel(examples: Self.tiny, classes: ["a", "b"]))
    let v = c.route(Query("what are the side effects of warfarin"))
    #expect(v.route == "b")
    #expect(v.scoreKind == .confidence)
    #expect(v.score > 0.5 && v.score <= 1)
    #expect(v.reason.contains("because of"))
    #expect(c.route(Query("what time are your hours")).route == "a")
  }

  @Test("with an encoder the sentence vector joins the features; reasons still name words only")
  func sentenceVector() throws {
    let encoder = try StaticEmbeddingEncoder.bundled()
    let plain = LogisticModel(examples: Self.tiny, classes: ["a", "b"])
    let joint = LogisticModel(examples: Self.tiny, classes: ["a", "b"], encoder: encoder)
    let q = Query("does grapefruit interact with my statin")
    let (p, features) = joint.predict(q)
    // Features list the hashed words and n-grams only; the vector is scored from its own weights.
    #expect(features.count == joint.hasher.features(q).count)
    #expect(joint.weights.count == joint.hasher.buckets * 2)
    #expect(joint.denseWeights.count == encoder.dim * 2)
    #expect(joint.denseWeights.contains { $0 != 0 })
    // The probabilities are the softmax of both parts' scores.
    var reference = [Float](repeating: 0, count: 2)
    joint.scores(features, into: &reference)
    let vector = encoder.encode(q.text)
    // The vector has unit length, like the hashed features together.
    #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-3)
    for k in 0..<2 {
      for j in 0..<encoder.dim { reference[k] += joint.denseWeights[k * encoder.dim + j] * vector[j] }
    }
    VectorMath.softmax(&reference)
    #expect(zip(reference, p).allSatisfy { abs(Double($0) - $1) < 1e-6 })
    #expect(p != plain.predict(q).probabilities)
    #expect(abs(p.reduce(0, +) - 1) < 1e-5)
    let c = LearnedClassifier(model: joint)
    let v = c.route(q)
    #expect(v.route == "b")
    #expect(!v.reason.contains("sentence vector"))
  }

  @Test("fitted to training text, rare features weigh more than common ones and unseen ones nothing")
  func inverseDocumentFrequency() {
    let queries = Self.tiny.map { Query($0.text) }
    let fitted = FeatureHasher(bits: 14).fitted(to: queries)
    #expect(fitted.idf.count == fitted.buckets)
    func weight(of word: String, in text: String) -> Float {
      let q = Query(text)
      let i = q.words.firstIndex(of: word)!
      return fitted.features(q).first { $0.origin == .word(i) }!.value
    }
    // "do" is in three training messages, "warfarin" in one; "zzqx" in none.
    #expect(weight(of: "warfarin", in: "do warfarin") > 1.3 * weight(of: "do", in: "do warfarin"))
    #expect(weight(of: "zzqx", in: "do zzqx") == 0)
    // Each group still has unit length before weighting, so the whole vector has length one.
    let f = fitted.features(Query("can I take warfarin with my bill"))
    #expect(abs(f.reduce(0) { $0 + $1.value * $1.value } - 1) < 1e-4)
    // A message of unseen words only has no weight at all (the model falls back on its bias).
    #expect(fitted.features(Query("zzqx qqzz")).allSatisfy { $0.value == 0 })
    // Without fitting, or without IDF, every feature of a group weighs the same.
    for hasher in [FeatureHasher(bits: 14), FeatureHasher(bits: 14, usesIDF: false).fitted(to: queries)] {
      let words = hasher.features(Query("do warfarin")).filter { if case .word = $0.origin { true } else { false } }
      #expect(words.count == 2 && words[0].value == words[1].value && words[0].value > 0)
    }
    // The model fits its hasher to the examples it trains on.
    #expect(LogisticModel(examples: Self.tiny, classes: ["a", "b"]).hasher.idf.count == FeatureHasher().buckets)
  }

  @Test("reasons name content words, not the function words the model also leans on")
  func reasonWords() {
    // "should" and "also" only ever appear in class b here, so they carry weight for it.
    let examples = [
      ("should I also worry about warfarin", "b"), ("should I also stop metformin", "b"),
      ("also should my rash spread", "b"), ("what time do you open", "a"), ("where do I park", "a"),
      ("book me for monday", "a"),
    ].map { LabeledExample(text: $0.0, route: $0.1) }
    let c = LearnedClassifier(model: LogisticModel(examples: examples, classes: ["a", "b"]))
    let q = Query("should I also take warfarin")
    let r = c.rank(q)
    #expect(r.top.route == "b")
    let named = c.explain(q, r, route: "b", over: "a")
    #expect(!named.isEmpty)
    #expect(!named.contains("\"should\"") && !named.contains("\"also\""))
  }

  @Test("probabilities sum to one, also for empty text")
  func probabilities() {
    let m = LogisticModel(examples: Self.tiny, classes: ["a", "b"])
    for text in ["", "   ", "park", String(repeating: "x", count: 5000)] {
      let p = m.predict(Query(text)).probabilities
      #expect(abs(p.reduce(0, +) - 1) < 1e-5)
    }
  }

  @Test("on the clinic training split, cross-validated accuracy is well above chance")
  func clinicCrossValidation() {
    let rows = Evaluation.crossValidate(Fixtures.clinic, folds: 3)
    let classifier = rows.first { $0.name == "classifier" }
    #expect((classifier?.accuracy ?? 0) > 0.7)
  }
}
