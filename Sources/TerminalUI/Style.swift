/// How a cell is drawn: a semantic `Role` (coloured by the theme) plus extra attributes.
public struct Style: Equatable, Hashable, Sendable {
  /// The colour role.
  public var role: Role
  /// Extra attributes on top of those the theme gives the role.
  public var attributes: TextAttributes

  /// Creates a style; attributes default to none.
  public init(
    role: Role = .text, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
    underline: Bool = false
  ) {
    self.role = role
    var attributes: TextAttributes = []
    if bold { attributes.insert(.bold) }
    if dim { attributes.insert(.dim) }
    if reverse { attributes.insert(.reverse) }
    if underline { attributes.insert(.underline) }
    self.attributes = attributes
  }

  /// Creates a style from a role and an attribute set.
  public init(role: Role, attributes: TextAttributes) {
    self.role = role
    self.attributes = attributes
  }

  /// Plain text.
  public static let plain = Style()

  /// Bold.
  public var bold: Bool {
    get { attributes.contains(.bold) }
    set { set(.bold, newValue) }
  }
  /// Dim.
  public var dim: Bool {
    get { attributes.contains(.dim) }
    set { set(.dim, newValue) }
  }
  /// Reverse video.
  public var reverse: Bool {
    get { attributes.contains(.reverse) }
    set { set(.reverse, newValue) }
  }
  /// Underlined.
  public var underline: Bool {
    get { attributes.contains(.underline) }
    set { set(.underline, newValue) }
  }

  /// The same style with another role.
  public func with(role: Role) -> Style {
    Style(role: role, attributes: attributes)
  }

  private mutating func set(_ attribute: TextAttributes, _ on: Bool) {
    if on { attributes.insert(attribute) } else { attributes.remove(attribute) }
  }
}
