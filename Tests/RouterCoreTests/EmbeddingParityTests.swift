import Foundation
import Testing

@testable import RouterCore

/// The Swift encoder against the vectors `scripts/distill_embeddings.py` wrote for the same
/// sentences (Fixtures/embedding-parity.json): same word pieces, cosine above 0.999.
@Suite struct EmbeddingParityTests {
  struct ParityFile: Decodable {
    var dim: Int
    var cases: [ParityCase]
    /// Every clinic message with its word pieces (no vectors).
    var tokenized: [Tokenized]
  }

  struct Tokenized: Decodable {
    var text: String
    var ids: [Int32]
  }

  struct ParityCase: Decodable, Sendable, CustomTestStringConvertible {
    var text: String
    var ids: [Int32]
    var vector: [Float]
    var testDescription: String { String(text.prefix(40)).debugDescription }
  }

  static let file: ParityFile = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/embedding-parity.json")
    do {
      return try JSONDecoder().decode(ParityFile.self, from: Data(contentsOf: url))
    } catch {
      fatalError("cannot read \(url.path): \(error)")
    }
  }()

  @Test("the fixture was written for this table's width")
  func width() {
    #expect(Self.file.dim == EmbeddingFixtures.encoder.dim)
    #expect(Self.file.cases.count >= 20)
  }

  @Test("Swift word pieces and vectors match the Python script's", arguments: file.cases)
  func parity(_ c: ParityCase) {
    let encoder = EmbeddingFixtures.encoder
    #expect(encoder.tokenizer.ids(c.text) == c.ids)
    let v = encoder.encode(c.text)
    let pythonNorm = c.vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    if pythonNorm == 0 {
      #expect(v.allSatisfy { $0 == 0 })
      return
    }
    let cosine = zip(v, c.vector).reduce(0) { $0 + $1.0 * $1.1 } / pythonNorm
    #expect(cosine > 0.999, "cosine \(cosine)")
  }

  @Test("every clinic message gets the Python tokenizer's word pieces")
  func tokenizerParity() {
    let tokenizer = EmbeddingFixtures.encoder.tokenizer
    let differing = Self.file.tokenized.filter { tokenizer.ids($0.text) != $0.ids }
    #expect(Self.file.tokenized.count > 500)
    #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.first?.text ?? "")")
  }

  @Test("the table rejects a file that is not one")
  func badMagic() {
    #expect(throws: StaticEmbeddingTable.FormatError.self) {
      try StaticEmbeddingTable(data: Data(repeating: 0, count: 64))
    }
  }

  @Test("the table reads its header and scales rows")
  func smallTable() throws {
    var bytes = Array("RLSTATIC".utf8)
    for v: UInt32 in [1, 2, 3, 0, 32, 40] { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    for f: Float in [0.5, 2] { withUnsafeBytes(of: f.bitPattern.littleEndian) { bytes += $0 } }
    bytes += [2, 4, 0xFE, 1, 0, 0xFF].map { UInt8($0) }
    let table = try StaticEmbeddingTable(data: Data(bytes))
    #expect(table.rows == 2 && table.dim == 3)
    #expect(table.row(0) == [1, 2, -1])
    #expect(table.row(1) == [2, 0, -2])
    // Another scale is another table: its fingerprint (part of model-cache keys) differs.
    var rescaled = bytes
    rescaled[36] ^= 0x01
    #expect(try StaticEmbeddingTable(data: Data(rescaled)).fingerprint != table.fingerprint)
    #expect(try StaticEmbeddingTable(data: Data(bytes)).fingerprint == table.fingerprint)
  }
}
