/// Word wrapping by display width.
extension Buffer {
  /// Splits `text` into lines at most `width` columns wide, breaking at spaces.
  ///
  /// Newlines start a new line (an empty paragraph gives an empty line); runs of spaces and tabs
  /// between words collapse to one space; a word wider than `width` is broken between
  /// characters. A single character wider than `width` gets a line of its own. Returns no lines
  /// when `width` is not positive.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    let normalized = text.replacingNewlines()
    for paragraph in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        let wordWidth = DisplayWidth.of(word)
        if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        if wordWidth <= width {
          line = String(word)
          lineWidth = wordWidth
          continue
        }
        for character in word {
          let w = DisplayWidth.of(character)
          if lineWidth > 0, lineWidth + w > width {
            lines.append(line)
            line = ""
            lineWidth = 0
          }
          line.append(character)
          lineWidth += w
        }
      }
      lines.append(line)
    }
    return lines
  }
}

extension String {
  /// The text with `\r\n` and lone `\r` turned into `\n`.
  fileprivate func replacingNewlines() -> String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for character in self {
      if character == "\r\n" || character == "\r" {
        out.append("\n")
      } else {
        out.append(character)
      }
    }
    return out
  }
}
