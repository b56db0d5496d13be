import ConfigFile
import Foundation

/// A message with the route it should get, as read from a JSON Lines data file.
public struct LabeledExample: Sendable, Equatable {
  public var text: String
  public var route: String
  /// 1-based line in the file it came from.
  public var line: Int

  public init(text: String, route: String, line: Int = 0) {
    self.text = text
    self.route = route
    self.line = line
  }
}

/// Reads labelled JSON Lines files: `{"text": ..., "route": ...}` per line, other fields ignored.
public enum LabeledData {
  /// Parses `data`; a bad line is an error naming `file` and the line. Blank lines are skipped.
  /// When `routes` is given, a route outside it is an error too.
  public static func parse(_ data: [UInt8], file: String, routes: Set<String>? = nil) throws(ConfigError) -> [LabeledExample] {
    var examples: [LabeledExample] = []
    var lineNumber = 0
    var start = 0
    let count = data.count
    while start <= count {
      var end = start
      while end < count && data[end] != 0x0A { end += 1 }
      lineNumber += 1
      let slice = data[start..<end]
      start = end + 1
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        if end >= count { break }
        continue
      }
      let value: JSONValue
      do {
        value = try JSONValue.parse(slice)
      } catch {
        throw ConfigError(file: file, line: lineNumber, message: "not valid JSON: \(error)")
      }
      guard case .object = value else {
        throw ConfigError(file: file, line: lineNumber, message: "expected a JSON object with \"text\" and \"route\"")
      }
      guard let text = value["text"]?.stringValue else {
        throw ConfigError(file: file, line: lineNumber, message: "missing the string field \"text\"")
      }
      guard let route = value["route"]?.stringValue else {
        throw ConfigError(file: file, line: lineNumber, message: "missing the string field \"route\"")
      }
      if let routes, !routes.contains(route) {
        let known = routes.sorted().joined(separator: ", ")
        throw ConfigError(file: file, line: lineNumber, message: "unknown route \"\(route)\" (this scenario's routes: \(known))")
      }
      examples.append(LabeledExample(text: text, route: route, line: lineNumber))
      if end >= count { break }
    }
    return examples
  }

  /// Reads and parses the file at `path`.
  public static func load(path: String, routes: Set<String>? = nil) throws(ConfigError) -> [LabeledExample] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, line: 0, message: "cannot read the file (does it exist?)")
    }
    return try parse(Array(data), file: path, routes: routes)
  }
}
