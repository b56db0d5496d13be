import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let width: Int
    let label: String
    var testDescription: String { label }
  }

  static let cases: [Case] = [
    Case(text: "hello", width: 5, label: "ASCII"),
    Case(text: "日本語", width: 6, label: "CJK ideographs"),
    Case(text: "한국어", width: 6, label: "Hangul syllables"),
    Case(text: "\u{1100}\u{1161}\u{11A8}", width: 2, label: "decomposed Hangul syllable"),
    Case(text: "ｱｲｳ", width: 3, label: "halfwidth katakana"),
    Case(text: "ＡＢ", width: 4, label: "fullwidth Latin"),
    Case(text: "\u{3000}", width: 2, label: "ideographic space"),
    Case(text: "🙂", width: 2, label: "emoji"),
    Case(text: "🚀✅⌚", width: 6, label: "emoji presentation in several blocks"),
    Case(text: "\u{00E9}", width: 1, label: "é composed"),
    Case(text: "e\u{0301}", width: 1, label: "é decomposed"),
    Case(text: "a\u{0301}\u{0302}\u{0303}", width: 1, label: "stacked combining marks"),
    Case(text: "👨‍👩‍👧", width: 2, label: "ZWJ family"),
    Case(text: "👍🏽", width: 2, label: "skin tone modifier"),
    Case(text: "🇺🇸", width: 2, label: "flag"),
    Case(text: "🇺🇸🇯🇵", width: 4, label: "two flags"),
    Case(text: "❤\u{FE0F}", width: 2, label: "text symbol with emoji selector"),
    Case(text: "❤", width: 1, label: "text symbol alone"),
    Case(text: "1\u{FE0F}\u{20E3}", width: 2, label: "keycap"),
    Case(text: "a\u{200B}b", width: 2, label: "zero-width space"),
    Case(text: "a\u{FE0E}", width: 1, label: "variation selector"),
    Case(text: "\t", width: 2, label: "tab shown as ^I"),
    Case(text: "\u{1B}[0m", width: 5, label: "escape shown as ^["),
    Case(text: "\r\n", width: 4, label: "CRLF shown as ^M^J"),
    Case(text: "\u{7F}", width: 2, label: "DEL shown as ^?"),
    Case(text: "\u{85}", width: 1, label: "C1 control shown as U+FFFD"),
    Case(text: "", width: 0, label: "empty"),
  ]

  @Test(arguments: cases)
  func width(_ c: Case) {
    #expect(DisplayWidth.of(c.text) == c.width)
    #expect(c.text.displayWidth == c.width)
  }

  @Test("lone scalars: combining 0, wide 2, narrow 1")
  func scalars() {
    #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x4E00)!) == 2)
    #expect(DisplayWidth.of(Unicode.Scalar(0x1F600)!) == 2)
    #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)
    #expect(DisplayWidth.of(Unicode.Scalar(0x00E9)!) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(0x2500)!) == 1)  // box drawing stays narrow
  }

  @Test("tables are sorted and do not overlap")
  func tablesSorted() {
    for table in [DisplayWidthTable.wide, DisplayWidthTable.zero] {
      for (a, b) in zip(table, table.dropFirst()) {
        #expect(a.upperBound < b.lowerBound, "\(a) before \(b)")
      }
    }
  }

  @Test("every emoji-presentation scalar is two columns wide")
  func emojiPresentationIsWide() {
    var narrow: [String] = []
    for value in UInt32(0x2000)...0x1FAFF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.isEmojiPresentation else {
        continue
      }
      if (0x1F1E6...0x1F1FF).contains(value) || (0x1F3FB...0x1F3FF).contains(value) { continue }
      if DisplayWidth.of(scalar) != 2 { narrow.append(String(value, radix: 16)) }
    }
    #expect(narrow.isEmpty, "narrow emoji: \(narrow)")
  }

  @Test("every nonspacing and enclosing mark is zero-width")
  func marksAreZeroWidth() {
    var wide: [String] = []
    for value in UInt32(0x300)...0x1FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark:
        if DisplayWidth.of(scalar) != 0 { wide.append(String(value, radix: 16)) }
      default:
        break
      }
    }
    #expect(wide.isEmpty, "marks with width: \(wide)")
  }
}
