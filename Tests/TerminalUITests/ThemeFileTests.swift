import ConfigFile
import Testing

@testable import TerminalUI

@Suite struct ThemeFileTests {
  /// A valid theme; `replacing` swaps one line (matched by its start) for another.
  static func theme(replacing prefix: String? = nil, with replacement: String = "") -> String {
    var lines = [
      "name = \"test\"",
      "dark = true",
      "",
      "[colors]",
      "text = \"#d0d0d0\"",
      "muted = { fg = \"#8a8a8a\", ansi16 = 8 }",
      "border = \"default\"",
      "title = { fg = \"#ffd75f\", bold = true }",
      "accent = \"#d787ff\"",
      "selection = { fg = \"#ffffff\", bg = \"#005f87\", reverse = true }",
      "success = \"#87d75f\"",
      "warning = { fg = \"#ff8700\", ansi256 = 214, ansi16 = 11 }",
      "danger = { fg = \"#FF5F5F\", underline = true, dim = false }",
      "info = \"#5fafff\"",
      "slider_fill = { fg = \"#5fd7ff\", bg = \"default\" }",
      "slider_track = \"#4e4e4e\"",
      "trace_edge = \"#af87ff\"",
    ]
    if let prefix, let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) {
      if replacement.isEmpty { lines.remove(at: index) } else { lines[index] = replacement }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func error(_ text: String) -> String? {
    do {
      _ = try ThemeFile.parse(text, file: "bad.toml")
      return nil
    } catch {
      return error.description
    }
  }

  @Test("a valid theme parses every role, override and attribute")
  func valid() throws {
    let theme = try ThemeFile.parse(Self.theme(), file: "t.toml")
    #expect(theme.name == "test")
    #expect(theme.dark)
    #expect(theme.colors.count == Role.allCases.count)
    #expect(theme[.text] == ThemeColor(fg: .rgb(RGB(red: 0xd0, green: 0xd0, blue: 0xd0))))
    #expect(theme[.border].fg == .terminalDefault)
    #expect(theme[.title].attributes == .bold)
    #expect(theme[.selection].bg == .rgb(RGB(red: 0, green: 0x5f, blue: 0x87)))
    #expect(theme[.selection].attributes == .reverse)
    #expect(theme[.warning].ansi256 == 214)
    #expect(theme[.warning].ansi16 == 11)
    #expect(theme[.danger].fg == .rgb(RGB(red: 0xff, green: 0x5f, blue: 0x5f)))
    #expect(theme[.danger].attributes == .underline)
    #expect(theme[.sliderFill].bg == .terminalDefault)
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let message: String
    var testDescription: String { label }
  }

  static let badCases: [BadCase] = [
    BadCase(
      label: "unknown top-level key",
      text: theme(replacing: "dark", with: "dark = true\ncolour = 3"),
      message: "bad.toml:3: unknown key 'colour' in the file (allowed: colors, dark, name)"),
    BadCase(
      label: "unknown role",
      text: theme(replacing: "info", with: "info = \"#5fafff\"\nbackground = \"#000000\""),
      message:
        "bad.toml:15: unknown key 'background' in colors (allowed: accent, border, danger, info, "
        + "muted, selection, slider_fill, slider_track, success, text, title, trace_edge, warning)"),
    BadCase(
      label: "missing role",
      text: theme(replacing: "slider_fill"),
      message:
        "bad.toml:4: missing colour 'slider_fill' in [colors] (every role needs one: text, muted, "
        + "border, title, accent, selection, success, warning, danger, info, slider_fill, "
        + "slider_track, trace_edge)"),
    BadCase(
      label: "bad hex",
      text: theme(replacing: "success", with: "success = \"#87d75\""),
      message:
        "bad.toml:11: 'colors.success' is \"#87d75\"; expected a colour written \"#rrggbb\" "
        + "(six hex digits) or \"default\""),
    BadCase(
      label: "colour name instead of hex",
      text: theme(replacing: "accent", with: "accent = \"purple\""),
      message:
        "bad.toml:9: 'colors.accent' is \"purple\"; expected a colour written \"#rrggbb\" "
        + "(six hex digits) or \"default\""),
    BadCase(
      label: "bad hex in an inline bg",
      text: theme(
        replacing: "selection", with: "selection = { fg = \"#ffffff\", bg = \"#00zz87\" }"),
      message:
        "bad.toml:10: 'colors.selection.bg' is \"#00zz87\"; expected a colour written \"#rrggbb\" "
        + "(six hex digits) or \"default\""),
    BadCase(
      label: "ansi256 out of range",
      text: theme(replacing: "warning", with: "warning = { fg = \"#ff8700\", ansi256 = 256 }"),
      message:
        "bad.toml:12: 'colors.warning.ansi256' must be a palette index from 0 to 255, not 256"),
    BadCase(
      label: "ansi16 out of range",
      text: theme(replacing: "muted", with: "muted = { fg = \"#8a8a8a\", ansi16 = 16 }"),
      message: "bad.toml:6: 'colors.muted.ansi16' must be a palette index from 0 to 15, not 16"),
    BadCase(
      label: "negative ansi index",
      text: theme(replacing: "muted", with: "muted = { fg = \"#8a8a8a\", ansi16 = -1 }"),
      message: "bad.toml:6: 'colors.muted.ansi16' must be a palette index from 0 to 15, not -1"),
    BadCase(
      label: "unknown key in an inline colour",
      text: theme(replacing: "title", with: "title = { fg = \"#ffd75f\", italic = true }"),
      message:
        "bad.toml:8: unknown key 'italic' in colors.title (allowed: ansi16, ansi256, bg, bold, dim, "
        + "fg, reverse, underline)"),
    BadCase(
      label: "inline colour without fg",
      text: theme(replacing: "title", with: "title = { bold = true }"),
      message: "bad.toml:8: missing key 'colors.title.fg'"),
    BadCase(
      label: "colour of the wrong type",
      text: theme(replacing: "info", with: "info = 12"),
      message:
        "bad.toml:14: 'colors.info' must be a colour (\"#rrggbb\" or \"default\") or an inline "
        + "table such as { fg = \"#ff8700\", ansi256 = 208 }"),
    BadCase(
      label: "attribute that is not a boolean",
      text: theme(replacing: "title", with: "title = { fg = \"#ffd75f\", bold = \"yes\" }"),
      message: "bad.toml:8: 'colors.title.bold' must be true or false, not a string"),
    BadCase(
      label: "missing name",
      text: theme(replacing: "name"),
      message: "bad.toml:1: missing key 'name'"),
    BadCase(
      label: "empty name",
      text: theme(replacing: "name", with: "name = \" \""),
      message: "bad.toml:1: 'name' must not be empty"),
    BadCase(
      label: "missing dark",
      text: theme(replacing: "dark"),
      message: "bad.toml:1: missing key 'dark' (true for a dark background, false for a light one)"),
    BadCase(
      label: "dark that is not a boolean",
      text: theme(replacing: "dark", with: "dark = \"yes\""),
      message: "bad.toml:2: 'dark' must be true or false, not a string"),
    BadCase(
      label: "missing colors table",
      text: "name = \"x\"\ndark = false\n",
      message: "bad.toml:1: missing the [colors] table (one colour per role)"),
    BadCase(
      label: "TOML syntax error",
      text: theme(replacing: "text", with: "text = d0d0d0"),
      message:
        "bad.toml:5: 'd0d0d0' is not a value: strings need quotes, numbers digits, booleans "
        + "true or false"),
  ]

  @Test("bad themes are rejected with file:line and what is expected", arguments: badCases)
  func bad(_ c: BadCase) {
    #expect(error(c.text) == c.message)
  }

  @Test("a missing file is reported with its path")
  func missingFile() {
    #expect(
      throws: ConfigError(file: "/nonexistent/x.toml", line: 0, message: "no such theme file")
    ) {
      try ThemeFile.load(path: "/nonexistent/x.toml")
    }
  }
}
