/// Typed, checked access to a table's values; every failure names the file and line.
public struct ConfigSection: Sendable {
  public let table: ConfigTable
  public let file: String
  /// Dotted name of the section, for messages (`routes[2]`, `theme.colors`).
  public let name: String

  public init(_ table: ConfigTable, file: String, name: String) {
    self.table = table
    self.file = file
    self.name = name
  }

  /// Line of the section header, or 1 for the root.
  public var line: Int { max(table.line, 1) }

  public func error(_ message: String, at key: String? = nil) -> ConfigError {
    let line = key.flatMap { table[$0]?.line } ?? self.line
    return ConfigError(file: file, line: line, message: message)
  }

  /// Rejects keys other than `allowed`, naming the first stranger and what is allowed.
  public func rejectUnknownKeys(_ allowed: Set<String>) throws(ConfigError) {
    for key in table.keys where !allowed.contains(key) {
      let list = allowed.sorted().joined(separator: ", ")
      throw error("unknown key '\(key)' in \(name.isEmpty ? "the file" : name) (allowed: \(list))", at: key)
    }
  }

  private func typeError(_ key: String, _ value: ConfigValue, expected: String) -> ConfigError {
    ConfigError(file: file, line: value.line, message: "'\(qualified(key))' must be \(expected), not \(value.typeName)")
  }

  private func qualified(_ key: String) -> String { name.isEmpty ? key : "\(name).\(key)" }

  public func has(_ key: String) -> Bool { table[key] != nil }

  public func string(_ key: String) throws(ConfigError) -> String? {
    guard let v = table[key] else { return nil }
    guard case .string(let s) = v.kind else { throw typeError(key, v, expected: "a string") }
    return s
  }

  public func requireString(_ key: String) throws(ConfigError) -> String {
    guard let s = try string(key) else { throw error("missing key '\(qualified(key))'") }
    return s
  }

  /// An integer or float, as Double.
  public func number(_ key: String) throws(ConfigError) -> Double? {
    guard let v = table[key] else { return nil }
    switch v.kind {
    case .integer(let i): return Double(i)
    case .float(let d): return d
    default: throw typeError(key, v, expected: "a number")
    }
  }

  public func requireNumber(_ key: String) throws(ConfigError) -> Double {
    guard let n = try number(key) else { throw error("missing key '\(qualified(key))'") }
    return n
  }

  public func integer(_ key: String) throws(ConfigError) -> Int? {
    guard let v = table[key] else { return nil }
    guard case .integer(let i) = v.kind else { throw typeError(key, v, expected: "an integer") }
    return i
  }

  public func bool(_ key: String) throws(ConfigError) -> Bool? {
    guard let v = table[key] else { return nil }
    guard case .bool(let b) = v.kind else { throw typeError(key, v, expected: "true or false") }
    return b
  }

  /// An array of strings; each element is checked.
  public func strings(_ key: String) throws(ConfigError) -> [String]? {
    guard let v = table[key] else { return nil }
    guard case .array(let items) = v.kind else { throw typeError(key, v, expected: "an array of strings") }
    var out: [String] = []
    for item in items {
      guard case .string(let s) = item.kind else {
        throw ConfigError(file: file, line: item.line, message: "'\(qualified(key))' must hold strings only, found \(item.typeName)")
      }
      out.append(s)
    }
    return out
  }

  /// A sub-table.
  public func section(_ key: String) throws(ConfigError) -> ConfigSection? {
    guard let v = table[key] else { return nil }
    guard case .table(let t) = v.kind else { throw typeError(key, v, expected: "a table") }
    return ConfigSection(t, file: file, name: qualified(key))
  }

  /// An array of tables (`[[key]]`), each as a section named `key[i]`.
  public func sections(_ key: String) throws(ConfigError) -> [ConfigSection] {
    guard let v = table[key] else { return [] }
    guard case .array(let items) = v.kind else { throw typeError(key, v, expected: "an array of tables") }
    var out: [ConfigSection] = []
    for (i, item) in items.enumerated() {
      guard case .table(let t) = item.kind else {
        throw ConfigError(file: file, line: item.line, message: "'\(qualified(key))' must hold tables only")
      }
      out.append(ConfigSection(t, file: file, name: "\(qualified(key))[\(i + 1)]"))
    }
    return out
  }

  /// Line of a key's value (or of the section).
  public func line(of key: String) -> Int { table[key]?.line ?? line }
}
