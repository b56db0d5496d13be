import Testing

@testable import TerminalUI

@Suite struct WrapTests {
  @Test("wraps at spaces within the width")
  func words() {
    #expect(
      Buffer.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
  }

  @Test("a word exactly the width fits; runs of spaces collapse")
  func exactAndSpaces() {
    #expect(Buffer.wrap("abcde   fgh\tij", width: 5) == ["abcde", "fgh", "ij"])
    #expect(Buffer.wrap("ab cd", width: 5) == ["ab cd"])
  }

  @Test("long words are broken between characters")
  func longWord() {
    #expect(
      Buffer.wrap("supercalifragilistic is long", width: 8) == [
        "supercal", "ifragili", "stic is", "long",
      ])
  }

  @Test("newlines start lines; empty paragraphs are kept; CRLF counts as one")
  func newlines() {
    #expect(Buffer.wrap("one\n\ntwo three\r\nfour", width: 9) == ["one", "", "two three", "four"])
    #expect(Buffer.wrap("", width: 5) == [""])
    #expect(Buffer.wrap("end\n", width: 5) == ["end", ""])
  }

  @Test("widths are display widths")
  func wide() {
    #expect(Buffer.wrap("日本語 テキスト です", width: 8) == ["日本語", "テキスト", "です"])
    #expect(Buffer.wrap("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
    #expect(Buffer.wrap("🙂 🙂 🙂", width: 5) == ["🙂 🙂", "🙂"])
  }

  @Test("a character wider than the width gets its own line; no width, no lines")
  func degenerate() {
    #expect(Buffer.wrap("日本", width: 1) == ["日", "本"])
    #expect(Buffer.wrap("abc", width: 0) == [])
  }

  @Test("wrapped lines written into a buffer")
  func intoBuffer() {
    var b = Buffer(size: Size(width: 7, height: 3), fill: "x")
    for (row, line) in Buffer.wrap("route to the cheap model", width: 7).prefix(3).enumerated() {
      b.put(line, at: Point(x: 0, y: row))
    }
    #expect(b.lines() == ["routexx", "to thex", "cheapxx"])
  }
}
