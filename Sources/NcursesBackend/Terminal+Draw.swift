import CNcursesw
import TerminalUI

/// Drawing frames with the wide-character API.
extension Terminal {
  /// Shows `frame` using `theme`'s colours: every cell is written to the ncurses screen, the
  /// cursor placed (shown only when the frame has one), and the changes sent in one update.
  ///
  /// Cells beyond the terminal's current size are dropped, and screen cells the frame does not
  /// cover are blanked. A character the C library measures differently from `DisplayWidth` is
  /// padded or replaced so columns stay aligned. Does nothing after `stop()`.
  public func draw(_ frame: Frame, theme: ResolvedTheme) {
    guard isRunning else { return }
    let screenSize = size
    let buffer = frame.buffer
    let width = min(buffer.size.width, screenSize.width)
    let height = min(buffer.size.height, screenSize.height)
    werase(window)
    var text = [wchar_t](repeating: 0, count: Int(routerlab_cchar_max()))
    for y in 0..<height {
      // Columns the C library already covers with the right half of a wide character.
      var coveredUntil = 0
      for x in 0..<width {
        let cell = buffer[x, y]
        let resolved = theme.resolve(cell.style)
        let attributes = attributeBits(resolved.attributes)
        let pair = pairNumber(resolved)
        if cell.isContinuation {
          if x >= coveredUntil {
            put(" ", &text, y: y, x: x, attributes: attributes, pair: pair)
          }
          continue
        }
        var wanted = cell.width
        if x + wanted > width { wanted = 1 }  // the screen cuts a wide character in half
        let count = cellText(cell.text, width: wanted, into: &text)
        let drawnWidth = count > 0 ? Int(routerlab_wcwidth(Int32(text[0]))) : 1
        if count == 0 {
          put(wanted == 2 ? "\u{FFFD}" : " ", &text, y: y, x: x, attributes: attributes, pair: pair)
          coveredUntil = x + 1
        } else {
          _ = text.withUnsafeBufferPointer { chars in
            routerlab_put_cell(
              window, Int32(y), Int32(x), chars.baseAddress, Int32(count), attributes, pair)
          }
          coveredUntil = x + max(1, drawnWidth)
          // A pair the C library sees as two narrow characters (a flag's regional
          // indicators): the second goes in the right column, so the terminal gets both.
          if wanted == 2, drawnWidth == 1,
            let second = secondSpacingScalar(cell.text), x + 1 < width
          {
            put(second, &text, y: y, x: x + 1, attributes: attributes, pair: pair)
            coveredUntil = x + 2
          }
        }
      }
    }
    placeCursor(frame.cursor, within: Size(width: width, height: height))
    wnoutrefresh(window)
    doupdate()
  }

  /// Fills `text` with the cell's scalars as the C library can draw them in `width` columns;
  /// returns how many were stored (0: draw a placeholder instead).
  ///
  /// The first scalar must measure `width` (or 1 when `width` is 2, the right column then being
  /// padded); later scalars are kept only when they are zero-width combining characters, up to
  /// what one ncurses cell holds.
  private func cellText(_ cell: String, width: Int, into text: inout [wchar_t]) -> Int {
    let scalars = Array(cell.unicodeScalars)
    guard let first = scalars.first else { return 0 }
    let firstWidth = Int(routerlab_wcwidth(Int32(bitPattern: first.value)))
    guard firstWidth >= 1, firstWidth <= width else { return 0 }
    text[0] = wchar_t(bitPattern: first.value)
    var count = 1
    for scalar in scalars.dropFirst() where count < text.count {
      if routerlab_wcwidth(Int32(bitPattern: scalar.value)) == 0 {
        text[count] = wchar_t(bitPattern: scalar.value)
        count += 1
      }
    }
    return count
  }

  /// The second scalar of `cell` that takes a column of its own, when it takes exactly one.
  private func secondSpacingScalar(_ cell: String) -> Unicode.Scalar? {
    let spacing = cell.unicodeScalars.dropFirst().filter {
      routerlab_wcwidth(Int32(bitPattern: $0.value)) != 0
    }
    guard spacing.count == 1, let second = spacing.first,
      routerlab_wcwidth(Int32(bitPattern: second.value)) == 1
    else { return nil }
    return second
  }

  /// Draws a one-column character at (`x`, `y`).
  private func put(
    _ character: Unicode.Scalar, _ text: inout [wchar_t], y: Int, x: Int, attributes: attr_t,
    pair: Int32
  ) {
    text[0] = wchar_t(bitPattern: character.value)
    _ = text.withUnsafeBufferPointer { chars in
      routerlab_put_cell(window, Int32(y), Int32(x), chars.baseAddress, 1, attributes, pair)
    }
  }

  /// The ncurses attribute bits for `attributes`.
  private func attributeBits(_ attributes: TextAttributes) -> attr_t {
    var bits = routerlab_a_normal()
    if attributes.contains(.bold) { bits |= routerlab_a_bold() }
    if attributes.contains(.dim) { bits |= routerlab_a_dim() }
    if attributes.contains(.reverse) { bits |= routerlab_a_reverse() }
    if attributes.contains(.underline) { bits |= routerlab_a_underline() }
    return bits
  }

  /// The colour pair for the style's colours, defining it on first use.
  private func pairNumber(_ style: ResolvedStyle) -> Int32 {
    guard profile != .mono else { return 0 }
    let fg = colorNumber(style.fg, isForeground: true)
    let bg = colorNumber(style.bg, isForeground: false)
    let (number, isNew) = pairs.pair(fg: fg, bg: bg)
    if isNew {
      init_extended_pair(number, fg, bg)
    }
    return number
  }

  /// The ncurses colour number: -1 for the terminal's default when supported, otherwise white
  /// on black, which is what ncurses assumes without default-colour support.
  private func colorNumber(_ color: TerminalColor, isForeground: Bool) -> Int32 {
    switch color {
    case .index(let index) where Int32(index) < routerlab_colors():
      return Int32(index)
    case .index, .default:
      if hasDefaultColors { return -1 }
      return isForeground ? Int32(COLOR_WHITE) : Int32(COLOR_BLACK)
    }
  }

  /// Moves the cursor to `point` and shows it, or hides it when there is none or it is off
  /// screen.
  private func placeCursor(_ point: Point?, within area: Size) {
    let show: Bool
    if let point, Rect(size: area).contains(point) {
      wmove(window, Int32(point.y), Int32(point.x))
      show = true
    } else {
      show = false
    }
    if cursorShown != show {
      curs_set(show ? 1 : 0)
      cursorShown = show
    }
  }
}
