import ConfigFile
import Foundation

/// Reads and checks theme files (`themes/*.toml`).
///
/// Format: top-level `name` (string) and `dark` (boolean), and a `[colors]` table with one key
/// per `Role` (its raw value, e.g. `slider_fill`). Each colour is either a string, `"#rrggbb"` or
/// `"default"`, or an inline table
/// `{ fg = "#ff8700", bg = "#1c1c1c", ansi256 = 208, ansi16 = 11, bold = true }` where only `fg`
/// is required and `dim`, `reverse`, `underline` are also accepted. Unknown keys, missing roles,
/// malformed colours and out-of-range indexes are errors naming the file and line.
public enum ThemeFile {
  /// Keys allowed in an inline colour table.
  static let colorKeys: Set<String> = [
    "fg", "bg", "ansi256", "ansi16", "bold", "dim", "reverse", "underline",
  ]

  /// Reads and parses the theme at `path`.
  public static func load(path: String) throws(ConfigError) -> Theme {
    guard FileManager.default.fileExists(atPath: path) else {
      throw ConfigError(file: path, line: 0, message: "no such theme file")
    }
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ConfigError(file: path, line: 0, message: "cannot read the theme file as UTF-8 text")
    }
    return try parse(text, file: path)
  }

  /// Parses theme text; `file` names it in error messages.
  public static func parse(_ text: String, file: String) throws(ConfigError) -> Theme {
    let root = ConfigSection(try ConfigReader.parse(text, file: file), file: file, name: "")
    try root.rejectUnknownKeys(["name", "dark", "colors"])
    let name = try root.requireString("name")
    guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw root.error("'name' must not be empty", at: "name")
    }
    guard let dark = try root.bool("dark") else {
      throw root.error("missing key 'dark' (true for a dark background, false for a light one)")
    }
    guard let colors = try root.section("colors") else {
      throw root.error("missing the [colors] table (one colour per role)")
    }
    let roleNames = Role.allCases.map(\.rawValue)
    try colors.rejectUnknownKeys(Set(roleNames))
    var result: [Role: ThemeColor] = [:]
    for role in Role.allCases {
      guard colors.has(role.rawValue) else {
        throw colors.error(
          "missing colour '\(role.rawValue)' in [colors] (every role needs one: "
            + roleNames.joined(separator: ", ") + ")")
      }
      result[role] = try color(role.rawValue, in: colors)
    }
    return Theme(name: name, dark: dark, colors: result)
  }

  /// One role's colour: a colour string or an inline table.
  private static func color(_ key: String, in colors: ConfigSection) throws(ConfigError)
    -> ThemeColor
  {
    if let table = try? colors.section(key) {
      return try inlineColor(table)
    }
    guard let text = try? colors.string(key) else {
      throw colors.error(
        "'colors.\(key)' must be a colour (\"#rrggbb\" or \"default\") or an inline table "
          + "such as { fg = \"#ff8700\", ansi256 = 208 }", at: key)
    }
    return ThemeColor(fg: try colorValue(text, key: key, in: colors, qualified: "colors.\(key)"))
  }

  private static func inlineColor(_ table: ConfigSection) throws(ConfigError) -> ThemeColor {
    try table.rejectUnknownKeys(colorKeys)
    let fgText = try table.requireString("fg")
    let fg = try colorValue(fgText, key: "fg", in: table, qualified: "\(table.name).fg")
    var bg = ColorValue.terminalDefault
    if let bgText = try table.string("bg") {
      bg = try colorValue(bgText, key: "bg", in: table, qualified: "\(table.name).bg")
    }
    let ansi256 = try index("ansi256", in: table, upTo: 255)
    let ansi16 = try index("ansi16", in: table, upTo: 15)
    var attributes: TextAttributes = []
    for (key, attribute) in [
      ("bold", TextAttributes.bold), ("dim", .dim), ("reverse", .reverse),
      ("underline", .underline),
    ] {
      if try table.bool(key) == true { attributes.insert(attribute) }
    }
    return ThemeColor(fg: fg, bg: bg, ansi256: ansi256, ansi16: ansi16, attributes: attributes)
  }

  private static func colorValue(
    _ text: String, key: String, in section: ConfigSection, qualified: String
  ) throws(ConfigError) -> ColorValue {
    guard let value = ColorValue(text) else {
      throw section.error(
        "'\(qualified)' is \"\(text)\"; expected a colour written \"#rrggbb\" (six hex digits) "
          + "or \"default\"", at: key)
    }
    return value
  }

  private static func index(_ key: String, in table: ConfigSection, upTo limit: Int)
    throws(ConfigError) -> UInt8?
  {
    guard let value = try table.integer(key) else { return nil }
    guard (0...limit).contains(value) else {
      throw table.error(
        "'\(table.name).\(key)' must be a palette index from 0 to \(limit), not \(value)", at: key)
    }
    return UInt8(value)
  }
}
