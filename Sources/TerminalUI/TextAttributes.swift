/// Terminal text attributes that survive on every terminal, colour or not.
public struct TextAttributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
  /// The bits of the set.
  public let rawValue: UInt8

  /// Creates a set from its bits.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// Bold (often also brighter).
  public static let bold = TextAttributes(rawValue: 1 << 0)
  /// Dim / faint.
  public static let dim = TextAttributes(rawValue: 1 << 1)
  /// Foreground and background swapped.
  public static let reverse = TextAttributes(rawValue: 1 << 2)
  /// Underlined.
  public static let underline = TextAttributes(rawValue: 1 << 3)

  /// Names of the set attributes joined by `+`, or `none`.
  public var description: String {
    let names = [
      (TextAttributes.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"),
      (.underline, "underline"),
    ]
    .filter { contains($0.0) }.map(\.1)
    return names.isEmpty ? "none" : names.joined(separator: "+")
  }
}
