/// A JSON value, parsed by a small strict reader that works on one line of bytes at a time.
///
/// RouterLab reads JSON Lines at tens of thousands of lines a second; this reader avoids
/// Foundation's bridging and reports where a line stops being JSON.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The value of `key` in an object, nil otherwise. With a repeated key the last one counts,
  /// as in most JSON readers, so the router sees the text other tools see.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.0 == key }?.1
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// Parses one JSON document from `bytes`; trailing white space is allowed, anything else is not.
  public static func parse<C: Collection<UInt8>>(_ bytes: C) throws(JSONError) -> JSONValue {
    let array = Array(bytes)
    return try array.withUnsafeBufferPointer { (buf) throws(JSONError) -> JSONValue in
      var p = JSONParser(bytes: buf)
      let v = try p.parseValue(depth: 0)
      p.skipWhitespace()
      if p.index != buf.count { throw p.error("unexpected characters after the JSON value") }
      return v
    }
  }

  public static func parse(_ text: String) throws(JSONError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

/// Where and why a JSON text could not be read.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
  /// 0-based byte offset of the problem.
  public var offset: Int
  public var message: String
  public var description: String { "\(message) (at byte \(offset + 1))" }
}

struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  static let maxDepth = 64

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func error(_ message: String) -> JSONError { JSONError(offset: index, message: message) }

  mutating func skipWhitespace() {
    while index < bytes.count {
      let c = bytes[index]
      if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 } else { break }
    }
  }

  mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
    if depth > Self.maxDepth { throw error("nested deeper than \(Self.maxDepth) levels") }
    skipWhitespace()
    guard index < bytes.count else { throw error("expected a JSON value, found the end of the line") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw error("expected a JSON value")
    }
  }

  mutating func literal(_ word: String) throws(JSONError) {
    let expected = Array(word.utf8)
    let n = expected.count
    guard index + n <= bytes.count else { throw error("expected a JSON value") }
    for i in 0..<n where bytes[index + i] != expected[i] { throw error("expected a JSON value") }
    index += n
  }

  mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
    index += 1
    var members: [(String, JSONValue)] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
      index += 1
      let value = try parseValue(depth: depth + 1)
      members.append((key, value))
      skipWhitespace()
      guard index < bytes.count else { throw error("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
      throw error("expected ',' or '}' in an object")
    }
  }

  mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
    while true {
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
      throw error("expected ',' or ']' in an array")
    }
  }

  mutating func parseNumber() throws(JSONError) -> Double {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    while index < bytes.count {
      let c = bytes[index]
      if (c >= 48 && c <= 57) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
        || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
      {
        index += 1
      } else {
        break
      }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let d = Double(text), d.isFinite else {
      index = start
      throw error("'\(text)' is not a number")
    }
    return d
  }

  mutating func parseString() throws(JSONError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes.
    while index < bytes.count {
      let c = bytes[index]
      if c == UInt8(ascii: "\"") {
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return s
      }
      if c == UInt8(ascii: "\\") { break }
      if c < 0x20 { throw error("control character inside a string") }
      index += 1
    }
    var out = Array(bytes[start..<index])
    while index < bytes.count {
      let c = bytes[index]
      if c == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: out, as: UTF8.self)
      }
      if c < 0x20 { throw error("control character inside a string") }
      if c != UInt8(ascii: "\\") {
        out.append(c)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { break }
      let e = bytes[index]
      index += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          let low = try hex4()
          if (0xDC00...0xDFFF).contains(low) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else {
            // A lone high surrogate: replace it, and keep the character that followed.
            out.append(contentsOf: Array("\u{FFFD}".utf8))
            code = low
          }
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(scalar).utf8))
      default:
        throw error("unknown escape '\\\(Character(Unicode.Scalar(e)))' in a string")
      }
    }
    throw error("unterminated string")
  }

  mutating func hex4() throws(JSONError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("\\u needs four hex digits") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[index]
      let d: UInt32
      switch c {
      case 48...57: d = UInt32(c - 48)
      case 65...70: d = UInt32(c - 55)
      case 97...102: d = UInt32(c - 87)
      default: throw error("\\u needs four hex digits")
      }
      v = v * 16 + d
      index += 1
    }
    return v
  }
}

/// Writes JSON text: strings escaped so any input (control characters, quotes) stays one line.
public enum JSONText {
  /// `s` as a JSON string literal, with quotes. Escapes `"`, `\`, the C0 and C1 controls, DEL,
  /// and U+2028/U+2029 (line breaks to JavaScript); everything else is copied as UTF-8 bytes.
  public static func quote(_ s: String) -> String {
    var s = s
    return s.withUTF8 { b -> String in
      var out: [UInt8] = []
      out.reserveCapacity(b.count + 8)
      out.append(0x22)
      func escape(_ v: UInt32) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, 0x75])  // \u
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
      }
      var i = 0
      while i < b.count {
        let c = b[i]
        switch c {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        case 0..<0x20, 0x7F: escape(UInt32(c))
        case 0xC2 where i + 1 < b.count && (0x80...0x9F).contains(b[i + 1]):
          // U+0080…U+009F are C2 80…C2 9F: the code point is the second byte.
          escape(UInt32(b[i + 1]))
          i += 1
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
          escape(0x2000 + UInt32(b[i + 2] - 0x80))
          i += 2
        default: out.append(c)
        }
        i += 1
      }
      out.append(0x22)
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// A number as JSON: integers without a fraction, others rounded to `digits` places.
  public static func number(_ d: Double, digits: Int = 4) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (d * scale).rounded() / scale
    return "\(r)"
  }
}
