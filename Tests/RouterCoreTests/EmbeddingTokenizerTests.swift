import Testing

@testable import RouterCore

/// The shipped table and a strategy trained on the clinic scenario, built once per test process.
enum EmbeddingFixtures {
  static let encoder: StaticEmbeddingEncoder = {
    do { return try StaticEmbeddingEncoder.bundled() } catch { fatalError("embedding table failed to load: \(error)") }
  }()
  static let clinic = EmbeddingStrategy(scenario: Fixtures.clinic, encoder: encoder)
}

@Suite struct EmbeddingTokenizerTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var tokens: [String]
    var testDescription: String { text.debugDescription }
  }

  static let cases: [Case] = [
    Case(text: "Héllo, I can't BREATHE!!", tokens: ["hello", ",", "i", "can", "'", "t", "breathe", "!", "!"]),
    Case(text: "unaffable", tokens: ["una", "##ffa", "##ble"]),
    Case(text: "我想 naïve café—ok?", tokens: ["我", "[UNK]", "naive", "cafe", "—", "ok", "?"]),
    Case(text: "tab\there\nnew\u{00A0}line", tokens: ["tab", "here", "new", "line"]),
    Case(text: "ctrl\u{0000}nul\u{200B}zw", tokens: ["ct", "##rl", "##nu", "##lz", "##w"]),
    Case(text: "  ", tokens: []),
  ]

  @Test("follows BERT's uncased basic tokenizer and greedy WordPiece", arguments: cases)
  func tokens(_ c: Case) {
    #expect(EmbeddingFixtures.encoder.tokenizer.tokens(c.text) == c.tokens)
  }

  @Test("a word of more than 100 characters is [UNK] whole")
  func longWord() {
    let t = EmbeddingFixtures.encoder.tokenizer
    #expect(t.tokens(String(repeating: "x", count: 101) + " ok") == ["[UNK]", "ok"])
    #expect(t.tokens(String(repeating: "x", count: 100)).first != "[UNK]")
  }

  @Test("stops at maxPieces word pieces")
  func truncates() {
    var t = EmbeddingFixtures.encoder.tokenizer
    t.maxPieces = 5
    #expect(t.ids(String(repeating: "pain ", count: 50)).count == 5)
  }

  @Test("a huge paste is cut like a Query and capped at maxPieces")
  func hugePaste() {
    let t = EmbeddingFixtures.encoder.tokenizer
    #expect(t.ids(String(repeating: "café ", count: 30_000)).count == t.maxPieces)
    #expect(t.ids(String(repeating: " ", count: 30_000) + "pain").isEmpty)
  }

  @Test("the vocabulary finds whole tokens and ## pieces by bytes")
  func vocabulary() throws {
    let v = try WordPieceVocabulary(Array("[PAD]\n[UNK]\nhello\n##ing\nsing\n".utf8))
    #expect(v.count == 5)
    #expect(v.unknownID == 1)
    #expect(v.id(of: "hello") == 2)
    #expect(v.id(of: "ing") == nil)
    let ing = Array("ing".utf8)
    #expect(ing.withUnsafeBufferPointer { v.id(of: $0, continuation: true) } == 3)
    #expect(v.token(4) == "sing")
    #expect(throws: WordPieceVocabulary.FormatError.self) { try WordPieceVocabulary(Array("a\nb\n".utf8)) }
  }
}
