/// One value read from a configuration file, with the line it was written on.
public struct ConfigValue: Equatable, Sendable {
  /// The shapes of value the reader understands.
  public indirect enum Kind: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table(ConfigTable)
  }

  public var kind: Kind
  /// 1-based line where the value starts.
  public var line: Int

  public init(_ kind: Kind, line: Int) {
    self.kind = kind
    self.line = line
  }

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch kind {
    case .string: "a string"
    case .integer: "an integer"
    case .float: "a number"
    case .bool: "a boolean"
    case .array: "an array"
    case .table: "a table"
    }
  }
}

/// An ordered table of keys to values; keeps the order of the file.
public struct ConfigTable: Equatable, Sendable {
  public private(set) var keys: [String] = []
  public private(set) var values: [String: ConfigValue] = [:]
  /// Line of the table header (0 for the root table).
  public var line: Int

  public init(line: Int) {
    self.line = line
  }

  public subscript(key: String) -> ConfigValue? {
    values[key]
  }

  /// Sets a value; returns false when the key was already present.
  @discardableResult
  public mutating func set(_ key: String, _ value: ConfigValue) -> Bool {
    if values[key] != nil { return false }
    keys.append(key)
    values[key] = value
    return true
  }

  /// Replaces an existing value in place (used while building nested tables).
  mutating func replace(_ key: String, _ value: ConfigValue) {
    if values[key] == nil { keys.append(key) }
    values[key] = value
  }
}
