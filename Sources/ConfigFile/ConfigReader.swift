/// Reads the subset of TOML that RouterLab's themes and scenarios use, keeping every value's line.
///
/// Supported: comments, `[table]` and `[a.b]` headers, `[[array.of.tables]]`, bare, dotted and
/// quoted keys, basic and literal strings (single line, and `"""` multi-line basic strings),
/// integers, floats, booleans, arrays (over several lines, trailing comma allowed) and inline
/// tables. Anything else is an error that names the file and line.
public struct ConfigReader {
  private let file: String
  private let chars: [Unicode.Scalar]
  private var pos = 0
  private var line = 1
  private var depth = 0
  /// Deepest nesting of arrays and inline tables accepted, so a hostile file cannot exhaust the stack.
  static let maxDepth = 64

  /// Parses `text`; `file` is used only in error messages.
  public static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigTable {
    var reader = ConfigReader(file: file, text: text)
    return try reader.document()
  }

  private init(file: String, text: String) {
    self.file = file
    self.chars = Array(text.unicodeScalars)
  }

  private func fail(_ message: String, line: Int? = nil) -> ConfigError {
    ConfigError(file: file, line: line ?? self.line, message: message)
  }

  private var atEnd: Bool { pos >= chars.count }
  private var peek: Unicode.Scalar? { atEnd ? nil : chars[pos] }

  private mutating func advance() {
    if chars[pos] == "\n" { line += 1 }
    pos += 1
  }

  private mutating func skipSpaces() {
    while let c = peek, c == " " || c == "\t" { advance() }
  }

  private mutating func skipComment() {
    if peek == "#" {
      while let c = peek, c != "\n" { advance() }
    }
  }

  /// Skips spaces, comments and newlines (inside arrays).
  private mutating func skipBlank() {
    while let c = peek {
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        advance()
      } else if c == "#" {
        skipComment()
      } else {
        break
      }
    }
  }

  private mutating func endOfLine() throws(ConfigError) {
    skipSpaces()
    skipComment()
    if peek == "\r" { advance() }
    guard let c = peek else { return }
    guard c == "\n" else { throw fail("unexpected '\(c)' after a value; expected the end of the line") }
    advance()
  }

  private mutating func document() throws(ConfigError) -> ConfigTable {
    var root = ConfigTable(line: 0)
    var current: [String] = []
    var currentIsArrayElement = false
    while true {
      skipBlank()
      guard let c = peek else { break }
      let startLine = line
      if c == "[" {
        advance()
        let isArray = peek == "["
        if isArray { advance() }
        skipSpaces()
        let path = try keyPath()
        skipSpaces()
        guard peek == "]" else { throw fail("expected ']' to close the table header") }
        advance()
        if isArray {
          guard peek == "]" else { throw fail("expected ']]' to close the array-of-tables header") }
          advance()
        }
        try endOfLine()
        if isArray {
          try appendTable(&root, path: path, line: startLine)
        } else {
          try defineTable(&root, path: path, line: startLine)
        }
        current = path
        currentIsArrayElement = isArray
      } else {
        let path = try keyPath()
        skipSpaces()
        guard peek == "=" else { throw fail("expected '=' after the key '\(path.joined(separator: "."))'") }
        advance()
        skipSpaces()
        let value = try self.value()
        try endOfLine()
        try assign(&root, table: current, inArray: currentIsArrayElement, key: path, value: value, line: startLine)
      }
    }
    return root
  }

  private mutating func keyPath() throws(ConfigError) -> [String] {
    var parts: [String] = []
    while true {
      skipSpaces()
      guard let c = peek else { throw fail("expected a key") }
      if c == "\"" {
        parts.append(try basicString())
      } else if c == "'" {
        parts.append(try literalString())
      } else {
        var key = ""
        while let k = peek, k.properties.isAlphabetic || ("0"..."9").contains(k) || k == "_" || k == "-" {
          key.unicodeScalars.append(k)
          advance()
        }
        guard !key.isEmpty else { throw fail("expected a key, found '\(c)'") }
        parts.append(key)
      }
      skipSpaces()
      if peek == "." { advance() } else { break }
    }
    return parts
  }

  private mutating func value() throws(ConfigError) -> ConfigValue {
    let startLine = line
    guard let c = peek else { throw fail("expected a value") }
    if c == "[" || c == "{" {
      guard depth < Self.maxDepth else { throw fail("arrays and tables nested deeper than \(Self.maxDepth) levels") }
      depth += 1
    }
    defer { if c == "[" || c == "{" { depth -= 1 } }
    switch c {
    case "\"":
      if pos + 2 < chars.count, chars[pos + 1] == "\"", chars[pos + 2] == "\"" {
        return ConfigValue(.string(try multilineString()), line: startLine)
      }
      return ConfigValue(.string(try basicString()), line: startLine)
    case "'":
      return ConfigValue(.string(try literalString()), line: startLine)
    case "[":
      advance()
      var items: [ConfigValue] = []
      while true {
        skipBlank()
        if peek == "]" { advance(); break }
        items.append(try value())
        skipBlank()
        if peek == "," { advance(); continue }
        if peek == "]" { advance(); break }
        throw fail("expected ',' or ']' in the array that starts on line \(startLine)")
      }
      return ConfigValue(.array(items), line: startLine)
    case "{":
      advance()
      var table = ConfigTable(line: startLine)
      skipSpaces()
      if peek == "}" { advance(); return ConfigValue(.table(table), line: startLine) }
      while true {
        skipSpaces()
        let path = try keyPath()
        skipSpaces()
        guard peek == "=" else { throw fail("expected '=' in the inline table") }
        advance()
        skipSpaces()
        let v = try value()
        try insert(&table, path: path[...], value: v, line: startLine)
        skipSpaces()
        if peek == "," { advance(); continue }
        if peek == "}" { advance(); break }
        throw fail("expected ',' or '}' in the inline table")
      }
      return ConfigValue(.table(table), line: startLine)
    default:
      var word = ""
      while let k = peek, !(k == "," || k == "]" || k == "}" || k == " " || k == "\t" || k == "\n" || k == "\r" || k == "#") {
        word.unicodeScalars.append(k)
        advance()
      }
      if word == "true" { return ConfigValue(.bool(true), line: startLine) }
      if word == "false" { return ConfigValue(.bool(false), line: startLine) }
      let digits = String(word.filter { $0 != "_" })
      let numeric = digits.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
      if numeric, let i = Int(digits) { return ConfigValue(.integer(i), line: startLine) }
      if numeric, let d = Double(digits), d.isFinite { return ConfigValue(.float(d), line: startLine) }
      if word.isEmpty { throw fail("expected a value, found '\(c)'") }
      throw fail("'\(word)' is not a value: strings need quotes, numbers digits, booleans true or false")
    }
  }

  private mutating func basicString() throws(ConfigError) -> String {
    advance()  // opening quote
    var out = String.UnicodeScalarView()
    while true {
      guard let c = peek, c != "\n" else { throw fail("unterminated string: add the closing '\"'") }
      advance()
      if c == "\"" { break }
      if c == "\\" { out.append(try escape()) } else { out.append(c) }
    }
    return String(out)
  }

  private mutating func multilineString() throws(ConfigError) -> String {
    let startLine = line
    advance(); advance(); advance()
    if peek == "\n" { advance() }
    var out = String.UnicodeScalarView()
    while true {
      guard let c = peek else { throw fail("unterminated multi-line string that starts on line \(startLine)") }
      if c == "\"", pos + 2 < chars.count, chars[pos + 1] == "\"", chars[pos + 2] == "\"" {
        advance(); advance(); advance()
        break
      }
      advance()
      if c == "\\" { out.append(try escape()) } else { out.append(c) }
    }
    return String(out)
  }

  private mutating func escape() throws(ConfigError) -> Unicode.Scalar {
    guard let e = peek else { throw fail("unterminated escape in a string") }
    advance()
    switch e {
    case "n": return "\n"
    case "t": return "\t"
    case "r": return "\r"
    case "\"": return "\""
    case "\\": return "\\"
    case "u", "U":
      let count = e == "u" ? 4 : 8
      var hex = ""
      for _ in 0..<count {
        guard let h = peek, h.properties.isASCIIHexDigit else { throw fail("\\\(e) needs \(count) hex digits") }
        hex.unicodeScalars.append(h)
        advance()
      }
      guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
        throw fail("\\\(e)\(hex) is not a Unicode scalar")
      }
      return s
    default:
      throw fail("unknown escape '\\\(e)' in a string")
    }
  }

  private mutating func literalString() throws(ConfigError) -> String {
    advance()
    var out = String.UnicodeScalarView()
    while true {
      guard let c = peek, c != "\n" else { throw fail("unterminated string: add the closing \"'\"") }
      advance()
      if c == "'" { break }
      out.append(c)
    }
    return String(out)
  }

  // MARK: - Building the tree

  private func insert(_ table: inout ConfigTable, path: ArraySlice<String>, value: ConfigValue, line: Int) throws(ConfigError) {
    guard let first = path.first else { return }
    if path.count == 1 {
      if !table.set(first, value) { throw fail("the key '\(first)' is defined twice", line: line) }
      return
    }
    var child: ConfigTable
    if let existing = table[first] {
      guard case .table(let t) = existing.kind else {
        throw fail("'\(first)' is \(existing.typeName), not a table", line: line)
      }
      child = t
    } else {
      child = ConfigTable(line: line)
    }
    try insert(&child, path: path.dropFirst(), value: value, line: line)
    table.replace(first, ConfigValue(.table(child), line: line))
  }

  /// Applies `body` to the table at `path`, creating intermediate tables; the last element of
  /// an array of tables is entered when `lastOfArrays` is set.
  private func withTable(_ table: inout ConfigTable, path: ArraySlice<String>, line: Int,
                         _ body: (inout ConfigTable) throws(ConfigError) -> Void) throws(ConfigError) {
    guard let first = path.first else {
      try body(&table)
      return
    }
    let existing = table[first]
    switch existing?.kind {
    case nil:
      var child = ConfigTable(line: line)
      try withTable(&child, path: path.dropFirst(), line: line, body)
      table.replace(first, ConfigValue(.table(child), line: line))
    case .table(var child)?:
      try withTable(&child, path: path.dropFirst(), line: line, body)
      table.replace(first, ConfigValue(.table(child), line: existing?.line ?? line))
    case .array(var items)?:
      guard let lastItem = items.last, case .table(var child) = lastItem.kind else {
        throw fail("'\(first)' is an array of values, not of tables", line: line)
      }
      try withTable(&child, path: path.dropFirst(), line: line, body)
      items[items.count - 1] = ConfigValue(.table(child), line: lastItem.line)
      table.replace(first, ConfigValue(.array(items), line: existing?.line ?? line))
    case let other?:
      throw fail("'\(first)' is \(ConfigValue(other, line: 0).typeName), not a table", line: line)
    }
  }

  private func defineTable(_ root: inout ConfigTable, path: [String], line: Int) throws(ConfigError) {
    let parent = path.dropLast()
    guard let last = path.last else { return }
    try withTable(&root, path: parent, line: line) { (t: inout ConfigTable) throws(ConfigError) in
      if let existing = t[last] {
        guard case .table = existing.kind else {
          throw fail("'\(last)' is already \(existing.typeName)", line: line)
        }
        throw fail("the table [\(path.joined(separator: "."))] is defined twice (first on line \(existing.line))", line: line)
      }
      t.set(last, ConfigValue(.table(ConfigTable(line: line)), line: line))
    }
  }

  private func appendTable(_ root: inout ConfigTable, path: [String], line: Int) throws(ConfigError) {
    let parent = path.dropLast()
    guard let last = path.last else { return }
    try withTable(&root, path: parent, line: line) { (t: inout ConfigTable) throws(ConfigError) in
      var items: [ConfigValue] = []
      var arrayLine = line
      if let existing = t[last] {
        guard case .array(let a) = existing.kind else {
          throw fail("'\(last)' is already \(existing.typeName), not an array of tables", line: line)
        }
        items = a
        arrayLine = existing.line
      }
      items.append(ConfigValue(.table(ConfigTable(line: line)), line: line))
      t.replace(last, ConfigValue(.array(items), line: arrayLine))
    }
  }

  private func assign(_ root: inout ConfigTable, table: [String], inArray: Bool, key: [String],
                      value: ConfigValue, line: Int) throws(ConfigError) {
    try withTable(&root, path: table[...], line: line) { (t: inout ConfigTable) throws(ConfigError) in
      try insert(&t, path: key[...], value: value, line: line)
    }
  }
}
