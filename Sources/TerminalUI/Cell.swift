/// One terminal cell: a grapheme cluster and its style.
///
/// A character two columns wide lives in a lead cell followed by a continuation cell, whose text
/// is empty; the pair is always written and cleared together by `Buffer`.
public struct Cell: Equatable, Hashable, Sendable {
  /// The grapheme cluster shown, or "" in a continuation cell.
  public var text: String
  /// How the cell is drawn.
  public var style: Style

  /// Creates a cell showing `text`.
  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }

  /// A blank cell (a space) in `style`.
  public static func blank(_ style: Style = .plain) -> Cell {
    Cell(" ", style: style)
  }

  /// The second column of a wide character.
  public static func continuation(_ style: Style) -> Cell {
    Cell("", style: style)
  }

  /// True for the second column of a wide character.
  public var isContinuation: Bool { text.isEmpty }

  /// Columns the cell's text takes: 1 or 2 for a lead cell, 0 for a continuation.
  public var width: Int { isContinuation ? 0 : max(1, DisplayWidth.of(text)) }
}
