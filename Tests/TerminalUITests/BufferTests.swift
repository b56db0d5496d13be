import Testing

@testable import TerminalUI

@Suite struct BufferTests {
  func sentinel(_ width: Int, _ height: Int = 1) -> Buffer {
    Buffer(size: Size(width: width, height: height), fill: "x")
  }

  @Test("plain text lands at the point, the rest untouched")
  func plain() {
    var b = sentinel(8, 2)
    #expect(b.put("abc", at: Point(x: 2, y: 1)) == 3)
    #expect(b.lines() == ["xxxxxxxx", "xxabcxxx"])
  }

  @Test("clips at the right edge and at maxWidth")
  func clips() {
    var b = sentinel(6, 2)
    #expect(b.put("abcdefgh", at: Point(x: 3, y: 0)) == 3)
    #expect(b.put("abcdefgh", at: Point(x: 0, y: 1), maxWidth: 2) == 2)
    #expect(b.lines() == ["xxxabc", "abxxxx"])
  }

  @Test("writes outside the buffer do nothing")
  func outside() {
    var b = sentinel(4, 1)
    #expect(b.put("ab", at: Point(x: 0, y: 1)) == 0)
    #expect(b.put("ab", at: Point(x: 0, y: -1)) == 0)
    #expect(b.put("ab", at: Point(x: 4, y: 0)) == 0)
    #expect(b.put("ab", at: Point(x: 0, y: 0), maxWidth: 0) == 0)
    #expect(b.lines() == ["xxxx"])
  }

  @Test("a negative x clips the start of the text")
  func negativeX() {
    var b = sentinel(5)
    #expect(b.put("abcdef", at: Point(x: -2, y: 0)) == 4)
    #expect(b.lines() == ["cdefx"])
    var w = sentinel(5)
    #expect(w.put("日本", at: Point(x: -1, y: 0)) == 3)
    #expect(w.lines() == [" 本xx"])
  }

  @Test("wide characters take a lead and a continuation cell")
  func wide() {
    var b = sentinel(8)
    #expect(b.put("日本", at: Point(x: 1, y: 0)) == 4)
    #expect(b.lines() == ["x日本xxx"])
    #expect(b[1, 0].text == "日" && !b[1, 0].isContinuation)
    #expect(b[2, 0].isContinuation)
    #expect(b[1, 0].width == 2 && b[2, 0].width == 0)
  }

  @Test("a wide character that does not fit becomes a space")
  func wideAtEdge() {
    var b = sentinel(4)
    #expect(b.put("a日本", at: Point(x: 0, y: 0)) == 4)
    #expect(b.lines() == ["a日 "])
    var m = sentinel(6)
    #expect(m.put("日本語", at: Point(x: 0, y: 0), maxWidth: 3) == 3)
    #expect(m.lines() == ["日 xxx"])
  }

  @Test("overwriting half of a wide character blanks the other half")
  func overwriteHalf() {
    var b = sentinel(6)
    b.put("日本語", at: Point(x: 0, y: 0))
    b.put("a", at: Point(x: 1, y: 0))  // right half of 日
    b.put("b", at: Point(x: 4, y: 0))  // left half of 語
    #expect(b.lines() == [" a本b "])
    var c = sentinel(6)
    c.put("日本語", at: Point(x: 0, y: 0))
    c.put("字", at: Point(x: 1, y: 0))  // straddles 日 and 本
    #expect(c.lines() == [" 字 語"])
  }

  @Test("combining marks join the character before them")
  func combining() {
    var b = sentinel(6)
    #expect(b.put("e\u{0301}x\u{0302}", at: Point(x: 0, y: 0)) == 2)
    #expect(b[0, 0].text == "e\u{0301}")
    #expect(b.lines() == ["e\u{0301}x\u{0302}xxxx"])
    var lone = sentinel(3)
    #expect(lone.put("\u{0301}a", at: Point(x: 0, y: 0)) == 1)
    #expect(lone.lines() == ["axx"])
  }

  @Test("emoji clusters stay in one cell pair")
  func emojiClusters() {
    var b = sentinel(10)
    #expect(b.put("👨‍👩‍👧🇺🇸!", at: Point(x: 0, y: 0)) == 5)
    #expect(b[0, 0].text == "👨‍👩‍👧" && b[1, 0].isContinuation)
    #expect(b[2, 0].text == "🇺🇸" && b[3, 0].isContinuation)
    #expect(b.lines() == ["👨‍👩‍👧🇺🇸!xxxxx"])
  }

  @Test("control characters and ESC are shown, never stored raw, in the muted role")
  func controls() {
    var b = sentinel(16)
    let written = b.put("a\u{1B}[31mb\tc\u{7F}\u{9B}", at: Point(x: 0, y: 0))
    #expect(written == 14)
    #expect(b.lines() == ["a^[[31mb^Ic^?\u{FFFD}xx"])
    #expect(b.styleLines() == ["tmmtttttmmtmmmtt"])
    let raw = (0..<16).flatMap { b[$0, 0].text.unicodeScalars }
    #expect(!raw.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
  }

  @Test("newlines in put are shown, bidi overrides replaced")
  func newlineAndBidi() {
    var b = sentinel(8)
    b.put("a\r\nb\u{202E}c", at: Point(x: 0, y: 0))
    #expect(b.lines() == ["a^M^Jb\u{FFFD}c"])
  }

  @Test("put keeps the given style; styleLines shows one role letter per column")
  func styles() {
    var b = Buffer(size: Size(width: 8, height: 2))
    b.put("ok", at: Point(x: 0, y: 0), style: Style(role: .success))
    b.put("日", at: Point(x: 3, y: 0), style: Style(role: .danger, bold: true))
    b.put("x", at: Point(x: 0, y: 1), style: Style(role: .sliderFill))
    #expect(b.styleLines() == ["ggtddttt", "fttttttt"])
    #expect(b[3, 0].style.bold)
  }

  @Test("putTruncated ends with an ellipsis only when cutting")
  func truncated() {
    var b = sentinel(10, 4)
    #expect(b.putTruncated("hello world", at: Point(x: 0, y: 0), width: 8) == 8)
    #expect(b.putTruncated("short", at: Point(x: 0, y: 1), width: 8) == 5)
    #expect(b.putTruncated("日本語です", at: Point(x: 0, y: 2), width: 6) == 5)
    #expect(b.putTruncated("hello world", at: Point(x: 7, y: 3), width: 8) == 3)
    #expect(b.lines() == ["hello w…xx", "shortxxxxx", "日本…xxxxx", "xxxxxxxhe…"])
  }

  @Test("truncate counts wide characters and handles tiny widths")
  func truncate() {
    #expect(Buffer.truncate("abcdef", width: 4) == "abc…")
    #expect(Buffer.truncate("abc", width: 3) == "abc")
    #expect(Buffer.truncate("abc", width: 1) == "…")
    #expect(Buffer.truncate("abc", width: 0) == "")
    #expect(Buffer.truncate("日本語", width: 4) == "日…")
    #expect(Buffer.truncate("日本語", width: 5) == "日本…")
  }

  @Test("fill and setStyle are clipped to the buffer")
  func fillAndStyle() {
    var b = sentinel(6, 3)
    b.fill(Rect(x: 4, y: 1, width: 5, height: 5), with: "#", style: Style(role: .border))
    b.setStyle(rect: Rect(x: -1, y: 0, width: 3, height: 1), style: Style(role: .accent))
    #expect(b.lines() == ["xxxxxx", "xxxx##", "xxxx##"])
    #expect(b.styleLines() == ["aatttt", "ttttbb", "ttttbb"])
  }

  @Test("filling with a wide character pads the odd column")
  func fillWide() {
    var b = sentinel(5, 1)
    b.fill(Rect(x: 0, y: 0, width: 5, height: 1), with: "語")
    #expect(b.lines() == ["語語 "])
  }

  @Test("cell(at:) is nil outside")
  func cellAt() {
    let b = sentinel(2, 2)
    #expect(b.cell(at: Point(x: 1, y: 1))?.text == "x")
    #expect(b.cell(at: Point(x: 2, y: 0)) == nil)
  }

  @Test("a control or wide fill character falls back to a space")
  func badFill() {
    #expect(Buffer(size: Size(width: 2, height: 1), fill: "\u{1B}").lines() == ["  "])
    #expect(Buffer(size: Size(width: 2, height: 1), fill: "日").lines() == ["  "])
  }
}
