/// Width-aware, clipped, sanitised text writes.
extension Buffer {
  /// Writes `text` on one row starting at `point`; returns the columns written.
  ///
  /// Writing stops at the right edge of the buffer and after `maxWidth` columns. A wide character
  /// that does not fit in the last column is replaced by a space. Control characters (including
  /// ESC, tab and newline) are never stored raw: C0 controls appear as `^X` and others as U+FFFD,
  /// in the `muted` role, so pasted text cannot reach the terminal as commands. Zero-width
  /// characters that start a cluster join the character written before them.
  @discardableResult
  public mutating func put(
    _ text: String, at point: Point, style: Style = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard point.y >= 0, point.y < size.height, point.x < size.width else { return 0 }
    let limit =
      maxWidth.map { $0 >= size.width - point.x ? size.width : point.x + max(0, $0) }
      ?? size.width
    var column = point.x
    var lastLead: Int?
    var stopped = false

    func emit(_ grapheme: String, _ width: Int, _ style: Style) {
      guard !stopped else { return }
      if column + width > limit {
        if width == 2, column < limit, column >= 0 {
          place(" ", width: 1, x: column, y: point.y, style: style)
          column += 1
        }
        stopped = true
        return
      }
      if column >= 0 {
        place(grapheme, width: width, x: column, y: point.y, style: style)
        lastLead = column
      } else if column + width > 0 {
        // The left half of a wide character fell off the buffer; keep the columns aligned.
        place(" ", width: 1, x: 0, y: point.y, style: style)
        lastLead = nil
      }
      column += width
    }

    for character in text {
      if stopped { break }
      let scalars = character.unicodeScalars
      if scalars.contains(where: ControlPicture.isControl) {
        let muted = style.with(role: .muted)
        for scalar in scalars {
          if let picture = ControlPicture.picture(for: scalar) {
            for shown in picture { emit(String(shown), 1, muted) }
          } else {
            emit(String(Character(scalar)), max(1, DisplayWidth.of(scalar)), style)
          }
        }
        continue
      }
      let width = DisplayWidth.of(character)
      if width == 0 {
        if let lead = lastLead { attach(String(character), x: lead, y: point.y) }
        continue
      }
      emit(String(character), width, style)
    }
    return max(0, column - max(point.x, 0))
  }

  /// Writes `text` in at most `width` columns, ending with `…` when it had to be cut.
  ///
  /// The width is also limited by the right edge of the buffer; returns the columns written.
  @discardableResult
  public mutating func putTruncated(
    _ text: String, at point: Point, style: Style = .plain, width: Int
  ) -> Int {
    let limit = min(width, size.width - max(point.x, 0))
    guard limit > 0 else { return 0 }
    guard DisplayWidth.of(text) > limit else {
      return put(text, at: point, style: style, maxWidth: limit)
    }
    return put(Buffer.truncate(text, width: limit), at: point, style: style, maxWidth: limit)
  }

  /// `text` cut to fit `width` columns, with `…` as the last column when anything was cut.
  public static func truncate(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    guard DisplayWidth.of(text) > width else { return text }
    var kept = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > width - 1 { break }
      kept.append(character)
      used += w
    }
    return kept + "…"
  }
}
