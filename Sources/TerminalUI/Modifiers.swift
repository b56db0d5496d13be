/// Modifier keys held with a key press or mouse event.
public struct Modifiers: OptionSet, Hashable, Sendable {
  /// The bits of the set.
  public let rawValue: UInt8

  /// Creates a set from its bits.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// Shift.
  public static let shift = Modifiers(rawValue: 1 << 0)
  /// Alt / Option / Meta.
  public static let alt = Modifiers(rawValue: 1 << 1)
  /// Control.
  public static let ctrl = Modifiers(rawValue: 1 << 2)

  /// The modifiers of an xterm modifier parameter (`2` shift, `3` alt, `5` ctrl, … `8`).
  public init(xtermParameter: Int) {
    let bits = max(0, xtermParameter - 1)
    var modifiers: Modifiers = []
    if bits & 1 != 0 { modifiers.insert(.shift) }
    if bits & 2 != 0 { modifiers.insert(.alt) }
    if bits & 4 != 0 { modifiers.insert(.ctrl) }
    self = modifiers
  }

  /// `ctrl+alt+shift+` style prefix for key descriptions ("" when none).
  var prefix: String {
    var out = ""
    if contains(.ctrl) { out += "ctrl+" }
    if contains(.alt) { out += "alt+" }
    if contains(.shift) { out += "shift+" }
    return out
  }
}
