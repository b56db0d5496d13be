/// Column widths of characters and strings, as `Buffer` draws them.
///
/// East Asian wide and fullwidth characters and emoji take 2 columns; combining marks, zero-width
/// joiners and variation selectors take none (they belong to the character before them); a flag
/// (two regional indicators) takes 2. Control characters are counted as `Buffer` shows them:
/// C0 controls and DEL as `^X` (2 columns), other controls as U+FFFD (1 column).
/// The tables are our own so widths do not depend on the C library or the locale.
public enum DisplayWidth {
  /// Columns taken by one grapheme cluster.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.contains(where: { ControlPicture.isControl($0) }) {
      return scalars.reduce(0) { $0 + ControlPicture.width(of: $1) }
    }
    if isRegionalIndicator(first) {
      return scalars.dropFirst().contains(where: isRegionalIndicator) ? 2 : 1
    }
    // Emoji presentation selector: the terminal draws an emoji, two columns wide.
    if scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
    // The cluster is as wide as its first character that takes a column of its own.
    for scalar in scalars {
      let width = of(scalar)
      if width > 0 { return width }
    }
    return 0
  }

  /// Columns taken by a string: the sum over its grapheme clusters.
  public static func of(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// Columns taken by a lone scalar, outside any cluster: 0, 1 or 2 (controls as drawn).
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if ControlPicture.isControl(scalar) { return ControlPicture.width(of: scalar) }
    if value < 0x300 { return 1 }
    if DisplayWidthTable.contains(DisplayWidthTable.zero, value) { return 0 }
    if DisplayWidthTable.contains(DisplayWidthTable.wide, value) { return 2 }
    return 1
  }

  private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }
}

extension Character {
  /// Columns this character takes on screen; see `DisplayWidth`.
  public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
  /// Columns this text takes on screen; see `DisplayWidth`.
  public var displayWidth: Int { DisplayWidth.of(self) }
}
