/// The theme built into the code.
extension Theme {
  /// A dark theme used when no theme file can be read; the same colours as `themes/default.toml`
  /// (a test keeps the two in step).
  public static let fallback = Theme(
    name: "fallback", dark: true,
    colors: [
      .text: ThemeColor(fg: .hex("#d0d0d0"), ansi16: 7),
      .muted: ThemeColor(fg: .hex("#8a8a8a"), ansi16: 8),
      .border: ThemeColor(fg: .hex("#5f87af"), ansi16: 4),
      .title: ThemeColor(fg: .hex("#ffd75f"), ansi16: 11, attributes: .bold),
      .accent: ThemeColor(fg: .hex("#d787ff"), ansi16: 13),
      .selection: ThemeColor(fg: .hex("#ffffff"), bg: .hex("#005f87"), ansi16: 15),
      .success: ThemeColor(fg: .hex("#87d75f"), ansi16: 10),
      .warning: ThemeColor(fg: .hex("#ffaf00"), ansi16: 11),
      .danger: ThemeColor(fg: .hex("#ff5f5f"), ansi16: 9, attributes: .bold),
      .info: ThemeColor(fg: .hex("#5fafff"), ansi16: 12),
      .sliderFill: ThemeColor(fg: .hex("#5fd7ff"), ansi16: 14),
      .sliderTrack: ThemeColor(fg: .hex("#4e4e4e"), ansi16: 8),
      .traceEdge: ThemeColor(fg: .hex("#af87ff"), ansi16: 5),
    ])
}
