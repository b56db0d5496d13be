/// What a theme says about one role: colours, palette overrides and attributes.
public struct ThemeColor: Equatable, Hashable, Sendable {
  /// Foreground.
  public var fg: ColorValue
  /// Background; `.terminalDefault` keeps the terminal's own background.
  public var bg: ColorValue
  /// Foreground index to use on 256-colour terminals instead of the nearest to `fg`.
  public var ansi256: UInt8?
  /// Foreground index (0–15) to use on 16- and 8-colour terminals instead of the nearest.
  public var ansi16: UInt8?
  /// Attributes added on every profile (e.g. bold titles in a high-contrast theme).
  public var attributes: TextAttributes

  /// Creates a role colour.
  public init(
    fg: ColorValue, bg: ColorValue = .terminalDefault, ansi256: UInt8? = nil,
    ansi16: UInt8? = nil, attributes: TextAttributes = []
  ) {
    self.fg = fg
    self.bg = bg
    self.ansi256 = ansi256
    self.ansi16 = ansi16.map { min($0, 15) }
    self.attributes = attributes
  }

  /// The foreground on `profile` (`.default` on mono).
  public func foreground(on profile: ColorProfile) -> TerminalColor {
    ThemeColor.downsample(fg, override256: ansi256, override16: ansi16, profile: profile)
  }

  /// The background on `profile` (`.default` on mono).
  public func background(on profile: ColorProfile) -> TerminalColor {
    ThemeColor.downsample(bg, override256: nil, override16: nil, profile: profile)
  }

  /// Hex → nearest of 256 (or the override) → nearest of 16 (or the override) → nearest of 8.
  static func downsample(
    _ value: ColorValue, override256: UInt8?, override16: UInt8?, profile: ColorProfile
  ) -> TerminalColor {
    guard case .rgb(let rgb) = value, profile != .mono else { return .default }
    let index256 = override256 ?? XtermPalette.nearest256(rgb)
    switch profile {
    case .ansi256:
      return .index(index256)
    case .ansi16:
      return .index(override16 ?? XtermPalette.nearest16(XtermPalette.rgb(index256)))
    case .ansi8:
      if let override16, override16 < 8 { return .index(override16) }
      let source = override16.map(XtermPalette.rgb) ?? XtermPalette.rgb(index256)
      return .index(XtermPalette.nearest8(source))
    case .mono:
      return .default
    }
  }
}
