import Foundation
import Testing

@testable import RouterCore

@Suite struct ModelCacheTests {
  static let examples = ClassifierTests.tiny
  static let classes = ["a", "b"]
  static let hasher = FeatureHasher(bits: 12)

  func temporaryCache(salt: String = "test build") -> ModelCache {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("routerlab-cache-test-\(UUID().uuidString)")
    return ModelCache(directory: dir, salt: salt)
  }

  func files(_ cache: ModelCache) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory.path)) ?? []).filter { $0.hasSuffix(".weights") }
  }

  func probabilities(_ m: LogisticModel, _ text: String = "can I take ibuprofen with warfarin") -> [Double] {
    m.predict(Query(text)).probabilities
  }

  @Test("the first start trains and stores; the next reads the same weights back")
  func roundTrip() throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache.directory) }
    // With the sentence vector too: the file holds both kinds of weights.
    let encoder = try StaticEmbeddingEncoder.bundled()
    let trained = LogisticModel.trained(examples: Self.examples, classes: Self.classes, hasher: Self.hasher,
                                        encoder: encoder, cache: cache)
    #expect(files(cache).count == 1)
    #expect(trained.denseWeights.count == 2 * encoder.dim)
    let attributes = try FileManager.default.attributesOfItem(atPath: cache.directory.appendingPathComponent(files(cache)[0]).path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let read = LogisticModel.trained(examples: Self.examples, classes: Self.classes, hasher: Self.hasher,
                                     encoder: encoder, cache: cache)
    #expect(read.weights == trained.weights)
    #expect(read.denseWeights == trained.denseWeights)
    #expect(read.bias == trained.bias)
    // The hasher's inverse document frequencies come back too.
    #expect(read.hasher.idf == trained.hasher.idf)
    #expect(read.hasher.idf.contains { $0 > 0 })
    #expect(probabilities(read) == probabilities(trained))
  }

  @Test("the embedding strategy's classifier is stored and read back too")
  func denseRoundTrip() throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache.directory) }
    let encoder = try StaticEmbeddingEncoder.bundled()
    let refs = EmbeddingReferences(examples: Self.examples, routes: Self.classes, encoder: encoder)
    func model(_ examples: [LabeledExample] = Self.examples) -> DenseLogisticModel {
      DenseLogisticModel.trained(vectors: refs.vectors, labels: refs.labels, classes: Self.classes, dim: encoder.dim,
                                 training: .init(), examples: examples, encoder: encoder, cache: cache)
    }
    let trained = model()
    #expect(files(cache).count == 1)
    let read = model()
    #expect(files(cache).count == 1)
    #expect(read.weights == trained.weights && read.bias == trained.bias && read.mean == trained.mean)
    let v = encoder.encode("can I take ibuprofen with warfarin")
    v.withUnsafeBufferPointer { #expect(read.probabilities($0) == trained.probabilities($0)) }
    // Other examples are another key: a second file, not the first one's weights.
    _ = model(Array(Self.examples.dropLast()))
    #expect(files(cache).count == 2)
  }

  @Test("the embedding strategy's key changes with its labels, classes, settings, salt and table")
  func denseKeys() throws {
    let encoder = try StaticEmbeddingEncoder.bundled()
    func key(labels: [Int] = [0, 1, 1], classes: [String] = Self.classes, training: DenseLogisticModel.Training = .init(),
             salt: String = "s", encoder e: StaticEmbeddingEncoder? = nil) -> String {
      DenseLogisticModel.cacheKey(labels: labels, classes: classes, dim: encoder.dim, training: training,
                                  examples: Self.examples, encoder: e ?? encoder, salt: salt)
    }
    var fewer = DenseLogisticModel.Training()
    fewer.epochs = 3
    // The same vocabulary with a table whose scales differ.
    let table = try StaticEmbeddingTable(data: Self.tinyTable(scale: 1))
    let other = try StaticEmbeddingTable(data: Self.tinyTable(scale: 2))
    let a = try StaticEmbeddingEncoder(tokenizer: encoder.tokenizer, table: table)
    let b = try StaticEmbeddingEncoder(tokenizer: encoder.tokenizer, table: other)
    let keys = [key(), key(labels: [0, 0, 1]), key(classes: ["b", "a"]), key(training: fewer), key(salt: "t"),
                key(encoder: a), key(encoder: b)]
    #expect(Set(keys).count == keys.count)
    #expect(key() == key())
  }

  /// A table as wide as the bundled one, with every row's scale `scale`.
  static func tinyTable(scale: Float) throws -> Data {
    let encoder = try StaticEmbeddingEncoder.bundled()
    let rows = encoder.table.rows
    let dim = encoder.dim
    var bytes = Array("RLSTATIC".utf8)
    let scalesOffset = 32
    let valuesOffset = scalesOffset + 4 * rows
    for v in [1, rows, dim, 0, scalesOffset, valuesOffset].map(UInt32.init) {
      withUnsafeBytes(of: v.littleEndian) { bytes += $0 }
    }
    for _ in 0..<rows { withUnsafeBytes(of: scale.bitPattern.littleEndian) { bytes += $0 } }
    bytes += [UInt8](repeating: 1, count: rows * dim)
    return Data(bytes)
  }

  @Test("stored weights are what is read: a file under the key decides the model")
  func readsTheFile() throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache.directory) }
    let key = LogisticModel.cacheKey(examples: Self.examples, classes: Self.classes, hasher: Self.hasher, encoder: nil,
                                     training: .init(), salt: cache.salt)
    let count = LogisticModel.weightCount(classes: 2, hasher: Self.hasher, encoder: nil)
    cache.store(key: key, bias: [9, -9], weights: [Float](repeating: 0, count: count))
    let m = LogisticModel.trained(examples: Self.examples, classes: Self.classes, hasher: Self.hasher, cache: cache)
    #expect(probabilities(m)[0] > 0.999)
  }

  @Test("a different example, setting, salt or encoder gives a different key")
  func keys() throws {
    func key(_ examples: [LabeledExample] = Self.examples, hasher: FeatureHasher = Self.hasher,
             encoder: StaticEmbeddingEncoder? = nil, training: LogisticModel.Training = .init(), salt: String = "s") -> String {
      LogisticModel.cacheKey(examples: examples, classes: Self.classes, hasher: hasher, encoder: encoder,
                             training: training, salt: salt)
    }
    var relabelled = Self.examples
    relabelled[0].route = "b"
    var fewerEpochs = LogisticModel.Training()
    fewerEpochs.epochs = 10
    var pairs = Self.hasher
    pairs.weights.pairs = 0.5
    let keys = [
      key(), key(Array(Self.examples.dropLast())), key(relabelled), key(hasher: FeatureHasher(bits: 13)),
      key(hasher: pairs), key(hasher: FeatureHasher(bits: 12, usesIDF: false)), key(training: fewerEpochs), key(salt: "t"), key(encoder: try StaticEmbeddingEncoder.bundled()),
    ]
    #expect(Set(keys).count == keys.count)
    #expect(key() == key())
    #expect(keys.allSatisfy { $0.count == 64 })
  }

  @Test("a truncated, foreign or wrongly sized file is ignored, and the model trained again")
  func badFiles() throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache.directory) }
    let fresh = LogisticModel(examples: Self.examples, classes: Self.classes, hasher: Self.hasher)
    let key = LogisticModel.cacheKey(examples: Self.examples, classes: Self.classes, hasher: Self.hasher, encoder: nil,
                                     training: .init(), salt: cache.salt)
    let url = cache.url(key: key)
    let count = LogisticModel.weightCount(classes: 2, hasher: Self.hasher, encoder: nil)
    cache.store(key: key, bias: [1, 2, 3], weights: [Float](repeating: 1, count: count))  // three classes
    let good = try Data(contentsOf: url)
    for bad in [Data(), Data("RLMODEL1".utf8), good.prefix(good.count - 4), Data("not a model at all".utf8)] {
      try bad.write(to: url)
      let m = LogisticModel.trained(examples: Self.examples, classes: Self.classes, hasher: Self.hasher, cache: cache)
      #expect(m.weights == fresh.weights)
      // The bad file was replaced by the trained weights.
      #expect(cache.load(key: key, classes: 2, weights: count)?.weights == fresh.weights + fresh.hasher.idf)
    }
  }

  @Test("an unwritable folder only means training every time")
  func unwritable() {
    let cache = ModelCache(directory: URL(fileURLWithPath: "/proc/routerlab-cannot-write-here"), salt: "s")
    let m = LogisticModel.trained(examples: Self.examples, classes: Self.classes, hasher: Self.hasher, cache: cache)
    #expect(probabilities(m) == probabilities(LogisticModel(examples: Self.examples, classes: Self.classes, hasher: Self.hasher)))
  }

  @Test("only the newest files are kept")
  func prune() throws {
    let cache = temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache.directory) }
    for i in 0..<(ModelCache.keep + 3) {
      cache.store(key: "key\(i)", bias: [0], weights: [Float(i)])
    }
    #expect(files(cache).count == ModelCache.keep)
    // The last one written is always kept.
    #expect(cache.load(key: "key\(ModelCache.keep + 2)", classes: 1, weights: 1)?.weights == [Float(ModelCache.keep + 2)])
  }

  @Test("where the cache lives: ROUTERLAB_CACHE_DIR, XDG_CACHE_HOME, ~/.cache; ROUTERLAB_NO_CACHE turns it off")
  func location() {
    #expect(ModelCache.standard(salt: "s", environment: ["HOME": "/home/u"])?.directory.path == "/home/u/.cache/routerlab")
    #expect(ModelCache.standard(salt: "s", environment: ["HOME": "/home/u", "XDG_CACHE_HOME": "/x"])?.directory.path
      == "/x/routerlab")
    #expect(ModelCache.standard(salt: "s", environment: ["HOME": "/home/u", "ROUTERLAB_CACHE_DIR": "/c"])?.directory.path
      == "/c")
    #expect(ModelCache.standard(salt: "s", environment: ["HOME": "/home/u", "ROUTERLAB_NO_CACHE": "1"]) == nil)
    #expect(ModelCache.standard(salt: "s", environment: [:]) == nil)
  }
}
