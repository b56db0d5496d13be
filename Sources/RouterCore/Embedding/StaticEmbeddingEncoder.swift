import Foundation

/// Turns text into a unit vector with the distilled MiniLM table: word pieces, one table row
/// per piece, mean pooling, L2 normalisation. No model runs: a message costs a tokenizer pass
/// and a few hundred multiply-adds per piece.
public struct StaticEmbeddingEncoder: Sendable {
  public let tokenizer: WordPieceTokenizer
  public let table: StaticEmbeddingTable

  /// Components of every vector.
  public var dim: Int { table.dim }

  /// Why the encoder could not be built.
  public struct LoadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Pairs a tokenizer with a table; their sizes must agree.
  public init(tokenizer: WordPieceTokenizer, table: StaticEmbeddingTable) throws(LoadError) {
    guard table.rows == tokenizer.vocabulary.count else {
      throw LoadError(
        description: "the table has \(table.rows) rows but the vocabulary \(tokenizer.vocabulary.count) tokens")
    }
    self.tokenizer = tokenizer
    self.table = table
  }

  /// Loads `minilm-static.bin` and `vocab.txt` from `directory`.
  public static func load(directory: URL) throws(LoadError) -> StaticEmbeddingEncoder {
    let tablePath = directory.appendingPathComponent("minilm-static.bin")
    let vocabPath = directory.appendingPathComponent("vocab.txt")
    let table: StaticEmbeddingTable
    let vocabulary: WordPieceVocabulary
    do {
      table = try StaticEmbeddingTable(contentsOf: tablePath)
    } catch {
      throw LoadError(description: "\(tablePath.path): \(error)")
    }
    do {
      vocabulary = try WordPieceVocabulary([UInt8](Data(contentsOf: vocabPath)))
    } catch {
      throw LoadError(description: "\(vocabPath.path): \(error)")
    }
    return try StaticEmbeddingEncoder(tokenizer: WordPieceTokenizer(vocabulary: vocabulary), table: table)
  }

  /// The table shipped in RouterCore's resources (`Resources/Embeddings`).
  public static func bundled() throws(LoadError) -> StaticEmbeddingEncoder {
    guard let url = Bundle.module.url(forResource: "minilm-static", withExtension: "bin", subdirectory: "Embeddings")
    else {
      throw LoadError(description: "RouterCore's resources have no Embeddings/minilm-static.bin")
    }
    return try load(directory: url.deletingLastPathComponent())
  }

  /// The unit vector of `text`; all zeros when it has no word pieces.
  public func encode(_ text: String) -> [Float] {
    encode(ids: tokenizer.ids(text))
  }

  /// The unit vector of word pieces `ids`; all zeros when there are none.
  public func encode(ids: [Int32]) -> [Float] {
    var v = [Float](repeating: 0, count: dim)
    v.withUnsafeMutableBufferPointer { pool(ids, into: $0) }
    return v
  }

  /// Mean-pools the rows of `ids` into `out` (which must hold `dim` zeros) and normalises it.
  /// The mean's 1/n is left out: normalising removes it anyway.
  public func pool(_ ids: [Int32], into out: UnsafeMutableBufferPointer<Float>) {
    guard let base = out.baseAddress else { return }
    table.accumulate(rows: ids, into: base)
    var norm: Float = 0
    for x in out { norm += x * x }
    guard norm > 0 else { return }
    let inv = 1 / norm.squareRoot()
    for j in out.indices { out[j] *= inv }
  }
}
