/// A theme turned into terminal colours for one `ColorProfile`; resolve once at startup (and
/// again when the profile or theme changes) and pass it to the backend's `draw`.
public struct ResolvedTheme: Equatable, Sendable {
  /// The theme's name.
  public let name: String
  /// The profile the colours were chosen for.
  public let profile: ColorProfile
  /// True for themes meant for dark backgrounds.
  public let dark: Bool
  private let styles: [Role: ResolvedStyle]

  /// Creates a resolved theme; roles missing from `styles` use default colours.
  public init(name: String, profile: ColorProfile, dark: Bool, styles: [Role: ResolvedStyle]) {
    self.name = name
    self.profile = profile
    self.dark = dark
    self.styles = styles
  }

  /// Colours and attributes of `role`.
  public subscript(role: Role) -> ResolvedStyle {
    styles[role] ?? ResolvedStyle(fg: .default, bg: .default)
  }

  /// Colours of the style's role, with the style's own attributes added.
  public func resolve(_ style: Style) -> ResolvedStyle {
    var resolved = self[style.role]
    resolved.attributes.formUnion(style.attributes)
    return resolved
  }
}
