/// A WordPiece vocabulary (`vocab.txt`, one token a line, line n is id n), looked up by bytes.
///
/// Tokens live in one byte buffer and an open-addressing table maps their FNV-1a hash to an id,
/// so the tokenizer can look up a slice of a word without building a `String`. Continuation
/// pieces are stored as written in the file (`##ing`); `id(of:continuation:)` hashes the `##`
/// prefix in front of the slice instead of copying it.
public struct WordPieceVocabulary: Sendable {
  /// Number of tokens (lines) in the vocabulary.
  public let count: Int
  /// Id of `[UNK]`, the piece for a word that cannot be split.
  public let unknownID: Int32
  /// Bytes in the longest token (not counting a continuation's `##`): no longer piece can match.
  public let maxPieceBytes: Int
  /// Every token's UTF-8 bytes, back to back.
  private let bytes: [UInt8]
  /// Token `i` is `bytes[starts[i]..<starts[i + 1]]`.
  private let starts: [Int32]
  /// Hash slots holding a token id, or -1 when empty; the size is a power of two.
  private let slots: [Int32]

  /// Why a vocabulary could not be read.
  public struct FormatError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Reads `vocab.txt` bytes: lines split on `\n` (a trailing `\r` is dropped).
  public init(_ data: [UInt8]) throws(FormatError) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(data.count)
    var starts: [Int32] = [0]
    var lineStart = 0
    let n = data.count
    while lineStart < n {
      var end = lineStart
      while end < n && data[end] != 0x0A { end += 1 }
      var stop = end
      if stop > lineStart && data[stop - 1] == 0x0D { stop -= 1 }
      bytes.append(contentsOf: data[lineStart..<stop])
      starts.append(Int32(bytes.count))
      lineStart = end + 1
    }
    let count = starts.count - 1
    guard count > 0 else { throw FormatError(description: "the vocabulary is empty") }

    var size = 1
    while size < count * 2 { size <<= 1 }
    var slots = [Int32](repeating: -1, count: size)
    let mask = size - 1
    bytes.withUnsafeBufferPointer { b in
      for id in 0..<count {
        let token = UnsafeBufferPointer(rebasing: b[Int(starts[id])..<Int(starts[id + 1])])
        var h = Int(truncatingIfNeeded: Self.hash(token, seed: Self.fnvOffset)) & mask
        // Linear probing; on a duplicate line the first id wins (MiniLM's vocab.txt has none).
        while slots[h] >= 0 { h = (h + 1) & mask }
        slots[h] = Int32(id)
      }
    }
    self.count = count
    var longest = 0
    for id in 0..<count {
      var length = Int(starts[id + 1] - starts[id])
      if length > 2 && bytes[Int(starts[id])] == 0x23 && bytes[Int(starts[id]) + 1] == 0x23 { length -= 2 }
      longest = max(longest, length)
    }
    maxPieceBytes = longest
    self.bytes = bytes
    self.starts = starts
    self.slots = slots
    var unknown: Int32 = -1
    let unk = Array("[UNK]".utf8)
    for id in 0..<count where Int(starts[id + 1] - starts[id]) == unk.count {
      if Array(bytes[Int(starts[id])..<Int(starts[id + 1])]) == unk {
        unknown = Int32(id)
        break
      }
    }
    guard unknown >= 0 else { throw FormatError(description: "the vocabulary has no [UNK] token") }
    unknownID = unknown
  }

  /// Id of the token spelled by `piece`, with `##` in front when `continuation`; nil if absent.
  public func id(of piece: UnsafeBufferPointer<UInt8>, continuation: Bool) -> Int32? {
    var state = Self.hashStart(continuation: continuation)
    for c in piece { state = Self.hashStep(state, c) }
    return id(of: piece, continuation: continuation, hashState: state)
  }

  /// The hash state before a piece's first byte; `hashStep` adds a byte. The tokenizer extends
  /// one state byte by byte, so trying every length of a piece hashes each byte once.
  @inline(__always) static func hashStart(continuation: Bool) -> UInt64 { continuation ? hashPrefix : fnvOffset }
  @inline(__always) static func hashStep(_ state: UInt64, _ byte: UInt8) -> UInt64 { (state ^ UInt64(byte)) &* fnvPrime }

  /// Like `id(of:continuation:)`, with the piece's hash state already computed.
  func id(of piece: UnsafeBufferPointer<UInt8>, continuation: Bool, hashState: UInt64) -> Int32? {
    let mask = slots.count - 1
    var h = Int(truncatingIfNeeded: hashState ^ (hashState >> 29)) & mask
    let extra = continuation ? 2 : 0
    return bytes.withUnsafeBufferPointer { b -> Int32? in
      slots.withUnsafeBufferPointer { s -> Int32? in
        while true {
          let id = s[h]
          if id < 0 { return nil }
          let start = Int(starts[Int(id)])
          let length = Int(starts[Int(id) + 1]) - start
          if length == piece.count + extra {
            var same = true
            if continuation { same = b[start] == 0x23 && b[start + 1] == 0x23 }
            var i = 0
            while same && i < piece.count {
              if b[start + extra + i] != piece[i] { same = false }
              i += 1
            }
            if same { return id }
          }
          h = (h + 1) & mask
        }
      }
    }
  }

  /// Id of `token` (for tests and tools; the tokenizer uses the byte form).
  public func id(of token: String) -> Int32? {
    let utf8 = Array(token.utf8)
    return utf8.withUnsafeBufferPointer { id(of: $0, continuation: false) }
  }

  /// The text of token `id`.
  public func token(_ id: Int32) -> String {
    guard id >= 0 && Int(id) < count else { return "" }
    return String(decoding: bytes[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
  }

  private static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
  private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
  /// The FNV-1a state after hashing `##`, so continuation lookups need no copy.
  private static let hashPrefix: UInt64 = {
    var h = fnvOffset
    for c: UInt8 in [0x23, 0x23] { h = (h ^ UInt64(c)) &* fnvPrime }
    return h
  }()

  private static func hash(_ piece: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
    var h = seed
    for c in piece { h = (h ^ UInt64(c)) &* fnvPrime }
    // Mix the high bits down: the table index uses the low bits only.
    return h ^ (h >> 29)
  }
}
