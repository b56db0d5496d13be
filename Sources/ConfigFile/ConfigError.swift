/// A problem in a configuration or data file, located at a line so a user can fix it.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file as the user named it (or a label such as `<clinic>` for built-in files).
  public var file: String
  /// 1-based line number; 0 when the problem concerns the whole file.
  public var line: Int
  /// What is wrong, written for the person who will edit the file.
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`, the form compilers use, so editors can jump to it.
  public var description: String {
    line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
  }
}
