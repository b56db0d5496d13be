/// A message to route, with the text features every strategy needs computed once.
public struct Query: Sendable {
  /// The text as the user wrote it.
  public let text: String
  /// Lower-cased, accents removed, runs of white space collapsed to one space.
  public let normalized: String
  /// Words of `normalized`: runs of letters, digits and apostrophes; each CJK character on its own.
  public let words: [String]

  /// Longest text routed; longer input is cut here so a 1 MB paste cannot stall a keystroke.
  public static let maxScalars = 20_000

  public init(_ text: String) {
    self.text = text
    let (normalized, words) = TextNormalizer.normalize(text, limit: Self.maxScalars)
    self.normalized = normalized
    self.words = words
  }

  /// True when there is nothing to route (only white space or nothing at all).
  public var isBlank: Bool { words.isEmpty && normalized.allSatisfy { $0 == " " } }
}

/// Turns raw text into the normalised form and word list that matching and features use.
enum TextNormalizer {
  static func normalize(_ text: String, limit: Int) -> (String, [String]) {
    var text = text
    if let fast = text.withUTF8({ asciiNormalize($0, limit: limit) }) { return fast }
    return unicodeNormalize(text, limit: limit)
  }

  /// The common case, all ASCII, on bytes; nil as soon as a non-ASCII byte shows up.
  private static func asciiNormalize(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (String, [String])? {
    var out: [UInt8] = []
    out.reserveCapacity(min(bytes.count, limit))
    var wordStarts: [Int] = []
    var wordEnds: [Int] = []
    var inWord = false
    var lastWasSpace = true
    for (i, byte) in bytes.enumerated() {
      if i >= limit { break }
      if byte >= 0x80 { return nil }
      var c = byte
      if c >= 65 && c <= 90 { c += 32 }
      let isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 39
      if isWordChar {
        if !inWord { wordStarts.append(out.count); inWord = true }
        out.append(c)
        lastWasSpace = false
        continue
      }
      if inWord { wordEnds.append(out.count); inWord = false }
      if c <= 32 || c == 127 {
        if !lastWasSpace { out.append(32); lastWasSpace = true }
      } else {
        out.append(c)
        lastWasSpace = false
      }
    }
    if inWord { wordEnds.append(out.count) }
    if out.last == 32 { out.removeLast() }
    var words: [String] = []
    words.reserveCapacity(wordStarts.count)
    out.withUnsafeBufferPointer { buf in
      for (start, end) in zip(wordStarts, wordEnds) {
        words.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self))
      }
    }
    return (String(decoding: out, as: UTF8.self), words)
  }

  private static func unicodeNormalize(_ text: String, limit: Int) -> (String, [String]) {
    // Built as UTF-8 bytes: appending scalars to a String one at a time cost more than the rest.
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var words: [String] = []
    var word: [UInt8] = []
    var lastWasSpace = true
    var count = 0

    func flush() {
      if !word.isEmpty {
        words.append(String(decoding: word, as: UTF8.self))
        word.removeAll(keepingCapacity: true)
      }
    }
    func append(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
      if s.value < 0x80 {
        bytes.append(UInt8(s.value))
      } else {
        UTF8.encode(s) { bytes.append($0) }
      }
    }

    for scalar in text.unicodeScalars {
      count += 1
      if count > limit { break }
      let v = scalar.value
      if v < 0x80 {
        var c = UInt8(v)
        if c >= 65 && c <= 90 { c += 32 }
        let isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 39
        if isWordChar {
          word.append(c)
          out.append(c)
          lastWasSpace = false
        } else if c == 32 || c == 9 || c == 10 || c == 13 || c < 32 || c == 127 {
          flush()
          if !lastWasSpace { out.append(0x20); lastWasSpace = true }
        } else {
          flush()
          out.append(c)
          lastWasSpace = false
        }
        continue
      }
      // Non-ASCII: fold case and strip accents scalar by scalar.
      for folded in fold(scalar) {
        let props = folded.properties
        if props.generalCategory == .nonspacingMark || props.generalCategory == .enclosingMark {
          continue
        }
        if props.isWhitespace || props.generalCategory == .control || props.generalCategory == .format {
          flush()
          if !lastWasSpace { out.append(0x20); lastWasSpace = true }
        } else if isIdeograph(folded) {
          flush()
          words.append(String(folded))
          append(folded, to: &out)
          lastWasSpace = false
        } else if props.isAlphabetic || props.numericType != nil || folded == "\u{2019}" {
          let s: Unicode.Scalar = folded == "\u{2019}" ? "'" : folded
          append(s, to: &word)
          append(s, to: &out)
          lastWasSpace = false
        } else {
          flush()
          append(folded, to: &out)
          lastWasSpace = false
        }
      }
    }
    flush()
    if out.last == 0x20 { out.removeLast() }
    return (String(decoding: out, as: UTF8.self), words)
  }

  /// Lower-cases and decomposes one scalar (é → e + combining acute), so accents can be dropped.
  private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    if let base = latinBase[scalar.value] { return [base] }
    let lower = scalar.properties.lowercaseMapping
    return Array(lower.unicodeScalars)
  }

  /// Scripts written without spaces: each character is treated as a word.
  static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3040...0x30FF).contains(v)
      || (0xAC00...0xD7AF).contains(v) || (0x20000...0x2A6DF).contains(v)
  }

  /// Latin letters with diacritics mapped to their base letter (lower case).
  private static let latinBase: [UInt32: Unicode.Scalar] = {
    var map: [UInt32: Unicode.Scalar] = [:]
    let groups: [(String, Unicode.Scalar)] = [
      ("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "a"), ("çćĉċčÇĆĈĊČ", "c"), ("ďđĎĐ", "d"),
      ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģĜĞĠĢ", "g"), ("ĥħĤĦ", "h"),
      ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"), ("ĵĴ", "j"), ("ķĶ", "k"), ("ĺļľŀłĹĻĽĿŁ", "l"),
      ("ñńņňÑŃŅŇ", "n"), ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"), ("ŕŗřŔŖŘ", "r"),
      ("śŝşšŚŜŞŠ", "s"), ("ţťŧŢŤŦ", "t"), ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"),
      ("ŵŴ", "w"), ("ýÿŷÝŶŸ", "y"), ("źżžŹŻŽ", "z"),
    ]
    for (chars, base) in groups {
      for s in chars.unicodeScalars { map[s.value] = base }
    }
    map[0xDF] = "s"  // ß
    return map
  }()
}
