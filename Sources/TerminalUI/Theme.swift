/// A colour theme: one `ThemeColor` per `Role`, loaded from `themes/*.toml` by `ThemeFile`.
public struct Theme: Equatable, Sendable {
  /// Name shown to the user.
  public var name: String
  /// True when meant for a dark terminal background.
  public var dark: Bool
  /// Colour of each role.
  public var colors: [Role: ThemeColor]

  /// Creates a theme; roles missing from `colors` use the terminal's default colours.
  public init(name: String, dark: Bool, colors: [Role: ThemeColor]) {
    self.name = name
    self.dark = dark
    self.colors = colors
  }

  /// The colour of `role`.
  public subscript(role: Role) -> ThemeColor {
    colors[role] ?? ThemeColor(fg: .terminalDefault)
  }

  /// Terminal colours and attributes of every role on `profile`.
  ///
  /// Colour profiles use the theme's colours (downsampled) and attributes. Mono uses default
  /// colours and `Role.monoAttributes` only, whatever the theme says, so the roles stay apart
  /// (a theme that makes every role bold would otherwise merge them).
  public func resolve(_ profile: ColorProfile) -> ResolvedTheme {
    var styles: [Role: ResolvedStyle] = [:]
    for role in Role.allCases {
      let color = self[role]
      let attributes = profile == .mono ? role.monoAttributes : color.attributes
      styles[role] = ResolvedStyle(
        fg: color.foreground(on: profile), bg: color.background(on: profile),
        attributes: attributes)
    }
    return ResolvedTheme(name: name, profile: profile, dark: dark, styles: styles)
  }
}
