/// A grid of styled cells that a frame is drawn into; the terminal-free stand-in for the screen.
///
/// Every write is clipped to the buffer, and a wide character always occupies a lead cell and a
/// continuation cell: overwriting either half blanks the other, so the grid never holds half a
/// wide character. Text writes live in `Buffer+Text.swift`; snapshots in `Buffer+Snapshot.swift`.
public struct Buffer: Equatable, Sendable {
  /// Width and height in cells.
  public let size: Size
  private var cells: [Cell]

  /// Creates a buffer filled with `fill` (a one-column character) in `style`.
  ///
  /// Tests pass a sentinel such as `"x"` so that cells a widget leaves untouched show up.
  public init(size: Size, fill: Character = " ", style: Style = .plain) {
    self.size = size
    let filler =
      DisplayWidth.of(fill) == 1 && !fill.unicodeScalars.contains(where: ControlPicture.isControl)
      ? String(fill) : " "
    self.cells = Array(repeating: Cell(filler, style: style), count: size.width * size.height)
  }

  /// The whole buffer as a rectangle at the origin.
  public var area: Rect { Rect(size: size) }

  /// The cell at `point`, or nil outside the buffer.
  public func cell(at point: Point) -> Cell? {
    guard area.contains(point) else { return nil }
    return cells[point.y * size.width + point.x]
  }

  /// The cell at column `x`, row `y`; both must lie inside the buffer.
  public subscript(x: Int, y: Int) -> Cell {
    precondition(area.contains(Point(x: x, y: y)), "cell (\(x),\(y)) outside \(size)")
    return cells[y * size.width + x]
  }

  /// Writes a grapheme `width` (1 or 2) columns wide at (`x`, `y`), which must fit in the row.
  ///
  /// Any wide character partly overwritten is blanked, keeping its style.
  mutating func place(_ text: String, width: Int, x: Int, y: Int, style: Style) {
    let row = y * size.width
    let last = x + width - 1
    // A continuation at the first column orphans the lead before it.
    if cells[row + x].isContinuation, x > 0 {
      cells[row + x - 1] = .blank(cells[row + x - 1].style)
    }
    // A lead at the last column orphans the continuation after it.
    if last + 1 < size.width, cells[row + last + 1].isContinuation {
      cells[row + last + 1] = .blank(cells[row + last + 1].style)
    }
    cells[row + x] = Cell(text, style: style)
    if width == 2 {
      cells[row + x + 1] = .continuation(style)
    }
  }

  /// Appends a zero-width grapheme (a lone combining mark) to the lead cell at (`x`, `y`).
  mutating func attach(_ text: String, x: Int, y: Int) {
    cells[y * size.width + x].text += text
  }

  /// Replaces the style of every cell in `rect` (clipped to the buffer), keeping the text.
  public mutating func setStyle(rect: Rect, style: Style) {
    let clipped = rect.intersection(area)
    for y in clipped.y..<clipped.maxY {
      for x in clipped.x..<clipped.maxX {
        cells[y * size.width + x].style = style
      }
    }
  }

  /// Fills `rect` (clipped to the buffer) with `character` in `style`.
  ///
  /// A wide character is repeated in pairs of columns; a column left over gets a space.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    let run = String(repeating: String(character), count: clipped.width)
    for y in clipped.y..<clipped.maxY {
      put(run, at: Point(x: clipped.x, y: y), style: style, maxWidth: clipped.width)
    }
  }
}
