import Foundation

/// BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2's `tokenizer.json` describes it.
///
/// Steps, in the model's order: drop control characters and turn white space into spaces; put
/// each CJK ideograph in a word of its own; decompose (NFD) and drop combining marks; lower-case
/// character by character; split on white space and make each punctuation character a word;
/// split each word greedily into the longest vocabulary pieces (`##` marks a piece inside a
/// word); a word that cannot be split, or has more than 100 characters, becomes `[UNK]`.
/// `scripts/minilm.py` implements the same steps and is checked against the `tokenizers`
/// library; the parity test keeps this one in step with it.
public struct WordPieceTokenizer: Sendable {
  public let vocabulary: WordPieceVocabulary
  /// Most pieces returned for one text (the model reads 256 with `[CLS]` and `[SEP]`).
  public var maxPieces: Int
  /// A word longer than this many characters is `[UNK]` whole.
  public static let maxCharactersPerWord = 100

  public init(vocabulary: WordPieceVocabulary, maxPieces: Int = 254) {
    self.vocabulary = vocabulary
    self.maxPieces = maxPieces
  }

  /// Word-piece ids of `text`, without `[CLS]`/`[SEP]`, at most `maxPieces`. Like `Query`, it
  /// reads at most `Query.maxScalars` characters, so a huge paste costs no more than that.
  public func ids(_ text: String) -> [Int32] {
    if text.utf8.count > Query.maxScalars {
      let scalars = text.unicodeScalars
      let end = scalars.index(scalars.startIndex, offsetBy: Query.maxScalars, limitedBy: scalars.endIndex)
      return ids(bounded: String(text[..<(end ?? scalars.endIndex)]))
    }
    return ids(bounded: text)
  }

  private func ids(bounded text: String) -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(32)
    var word = WordBuffer()
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      for byte in text.utf8 {
        if out.count >= maxPieces { break }
        splitASCII(byte, into: &out, word: &word)
      }
    } else {
      // NFD once for the whole text, as the model's normaliser does; it leaves controls, white
      // space and CJK ideographs as they are, so the checks below can run on the result.
      split(text.decomposedStringWithCanonicalMapping.unicodeScalars, into: &out, word: &word)
    }
    flush(&word, into: &out)
    if out.count > maxPieces { out.removeLast(out.count - maxPieces) }
    return out
  }

  /// Cleans, lower-cases and splits decomposed `scalars` into words, and words into pieces.
  private func split(_ scalars: String.UnicodeScalarView, into out: inout [Int32], word: inout WordBuffer) {
    for scalar in scalars {
      if out.count >= maxPieces { return }
      let v = scalar.value
      if v < 0x80 {
        splitASCII(UInt8(v), into: &out, word: &word)
        continue
      }
      let props = scalar.properties
      if v == 0xFFFD || Self.isControl(scalar) || props.generalCategory == .nonspacingMark { continue }
      if Self.isWhitespace(scalar) {
        flush(&word, into: &out)
      } else if Self.isCJK(v) || Self.isPunctuation(scalar) {
        flush(&word, into: &out)
        word.append(scalar)
        flush(&word, into: &out)
      } else if props.changesWhenLowercased {
        for s in props.lowercaseMapping.unicodeScalars { word.append(s) }
      } else {
        word.append(scalar)
      }
    }
  }

  /// Word-piece strings of `text` (for explanations and tests).
  public func tokens(_ text: String) -> [String] {
    ids(text).map { vocabulary.token($0) }
  }

  /// One ASCII character: the common case, classified without Unicode tables.
  @inline(__always)
  private func splitASCII(_ c: UInt8, into out: inout [Int32], word: inout WordBuffer) {
    switch c {
    case 0x09, 0x0A, 0x0D, 0x20:
      flush(&word, into: &out)
    case 0..<0x20, 0x7F:
      return
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
      flush(&word, into: &out)
      word.append(c)
      flush(&word, into: &out)
    case 0x41...0x5A:
      word.append(c + 32)
    default:
      word.append(c)
    }
  }

  /// Splits the buffered word into pieces, appends their ids, and empties the buffer.
  private func flush(_ word: inout WordBuffer, into out: inout [Int32]) {
    guard !word.isEmpty else { return }
    defer { word.removeAll() }
    let chars = word.characters
    if chars > Self.maxCharactersPerWord {
      out.append(vocabulary.unknownID)
      return
    }
    let firstPiece = out.count
    let maxBytes = vocabulary.maxPieceBytes
    word.bytes.withUnsafeBufferPointer { b in
      // Hash states of the pieces starting at `startChar` and ending at each later character,
      // built byte by byte: the longest-first search then hashes every byte once.
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: chars + 1) { states in
        var startChar = 0
        while startChar < chars {
          let continuation = startChar > 0
          let from = word.offset(startChar)
          var state = WordPieceVocabulary.hashStart(continuation: continuation)
          var endChar = startChar
          while endChar < chars && word.offset(endChar + 1) - from <= maxBytes {
            for i in word.offset(endChar)..<word.offset(endChar + 1) { state = WordPieceVocabulary.hashStep(state, b[i]) }
            endChar += 1
            states[endChar] = state
          }
          var found: Int32?
          while startChar < endChar {
            let piece = UnsafeBufferPointer(rebasing: b[from..<word.offset(endChar)])
            if let id = vocabulary.id(of: piece, continuation: continuation, hashState: states[endChar]) {
              found = id
              break
            }
            endChar -= 1
          }
          guard let id = found else {
            out.removeLast(out.count - firstPiece)
            out.append(vocabulary.unknownID)
            return
          }
          out.append(id)
          startChar = endChar
        }
      }
    }
  }

  // MARK: Character classes (the model's definitions, not Foundation's).

  /// Controls, format characters, surrogates, private use and unassigned code points are
  /// dropped (tab, newline and carriage return are white space instead).
  static func isControl(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned: return true
    default: return false
    }
  }

  static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x0A, 0x0D, 0x20: return true
    case 0..<0x80: return false
    default:
      switch s.properties.generalCategory {
      case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
      default: return false
      }
    }
  }

  static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
      || (0x7B...0x7E).contains(v)
    {
      return true
    }
    if v < 0x80 { return false }
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  /// The CJK ideograph blocks BERT puts in words of their own.
  static func isCJK(_ v: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
      || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v)
      || (0x2B820...0x2CEAF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
  }
}

/// The word being built: its UTF-8 bytes and where each character starts.
private struct WordBuffer {
  var bytes: [UInt8] = []
  /// Byte offset of each character, then the end; kept only once a multi-byte character
  /// arrives (in an ASCII word, character i starts at byte i).
  private var boundaries: [Int] = []
  private var isASCII = true

  init() {
    bytes.reserveCapacity(64)
    boundaries.reserveCapacity(64)
  }

  var isEmpty: Bool { bytes.isEmpty }

  /// Number of characters.
  var characters: Int { isASCII ? bytes.count : boundaries.count - 1 }

  /// Byte offset where character `i` starts (`characters` gives the end).
  @inline(__always)
  func offset(_ i: Int) -> Int { isASCII ? i : boundaries[i] }

  mutating func append(_ byte: UInt8) {
    bytes.append(byte)
    if !isASCII { boundaries.append(bytes.count) }
  }

  mutating func append(_ scalar: Unicode.Scalar) {
    if scalar.value < 0x80 {
      append(UInt8(scalar.value))
      return
    }
    if isASCII {
      isASCII = false
      boundaries.removeAll(keepingCapacity: true)
      for i in 0...bytes.count { boundaries.append(i) }
    }
    for b in String(scalar).utf8 { bytes.append(b) }
    boundaries.append(bytes.count)
  }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    boundaries.removeAll(keepingCapacity: true)
    isASCII = true
  }
}
