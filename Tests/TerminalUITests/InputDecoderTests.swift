import Testing

@testable import TerminalUI

@Suite struct InputDecoderTests {
  func scalars(_ text: String) -> [InputToken] {
    text.unicodeScalars.map(InputToken.scalar)
  }

  @Test("printable characters, Enter, Tab, Backspace 127 and 8")
  func basics() {
    let events = InputDecoder.decode(scalars("aÅ日\r\n\t\u{7F}\u{08}"))
    #expect(
      events == [
        .key(.char("a")), .key(.char("Å")), .key(.char("日")), .key(Key(.enter)), .key(Key(.enter)),
        .key(Key(.tab)), .key(Key(.backspace)), .key(Key(.backspace)),
      ])
  }

  @Test("control letters become ctrl+letter")
  func control() {
    #expect(
      InputDecoder.decode(scalars("\u{03}\u{01}\u{1A}\u{00}\u{1F}")) == [
        .key(.ctrl("c")), .key(.ctrl("a")), .key(.ctrl("z")), .key(.ctrl(" ")), .key(.ctrl("_")),
      ])
  }

  @Test("ESC then a key is Alt; a lone ESC at the end of a burst is Escape")
  func alt() {
    #expect(InputDecoder.decode(scalars("\u{1B}x")) == [.key(Key(.char("x"), .alt))])
    #expect(InputDecoder.decode(scalars("\u{1B}\u{7F}")) == [.key(Key(.backspace, .alt))])
    #expect(InputDecoder.decode(scalars("\u{1B}\u{03}")) == [.key(Key(.char("c"), [.ctrl, .alt]))])
    #expect(InputDecoder.decode(scalars("\u{1B}")) == [.key(Key(.escape))])
    #expect(
      InputDecoder.decode(scalars("\u{1B}\u{1B}")) == [.key(Key(.escape)), .key(Key(.escape))])
    #expect(InputDecoder.decode([.scalar("\u{1B}"), .keyName("KEY_UP")]) == [.key(Key(.up, .alt))])
  }

  @Test("ESC before a resize or mouse report is the Escape key")
  func escapeBeforeOther() {
    let size = Size(width: 80, height: 24)
    #expect(
      InputDecoder.decode([.scalar("\u{1B}"), .resize(size)]) == [
        .key(Key(.escape)), .resize(size),
      ])
    #expect(
      InputDecoder.decode([.scalar("\u{1B}"), .mouseReportStart] + scalars("0;1;1M")) == [
        .key(Key(.escape)), .mouse(MouseEvent(.press, x: 0, y: 0)),
      ])
  }

  @Test("key names, including modified keys identified by name")
  func keyNames() {
    let names = [
      "KEY_UP", "kRIT5", "kLFT5", "kDC5", "kUP", "kHOM3", "kEND6", "KEY_F(5)", "KEY_F(13)",
      "KEY_BTAB", "KEY_BACKSPACE", "KEY_SLEFT", "KEY_NPAGE", "KEY_ENTER", "KEY_MOUSE", "kRIT9",
      "kXYZ5",
    ]
    #expect(
      InputDecoder.decode(names.map(InputToken.keyName)) == [
        .key(Key(.up)), .key(Key(.right, .ctrl)), .key(Key(.left, .ctrl)),
        .key(Key(.delete, .ctrl)),
        .key(Key(.up, .shift)), .key(Key(.home, .alt)), .key(Key(.end, [.ctrl, .shift])),
        .key(Key(.f(5))), .key(Key(.f(13))), .key(Key(.backTab)), .key(Key(.backspace)),
        .key(Key(.left, .shift)), .key(Key(.pageDown)), .key(Key(.enter)),
      ])
  }

  @Test("xterm modifier parameters")
  func modifiers() {
    #expect(Modifiers(xtermParameter: 2) == .shift)
    #expect(Modifiers(xtermParameter: 3) == .alt)
    #expect(Modifiers(xtermParameter: 5) == .ctrl)
    #expect(Modifiers(xtermParameter: 8) == [.shift, .alt, .ctrl])
    #expect(Modifiers(xtermParameter: 1) == [])
  }

  @Test("SGR mouse: press, drag, release, wheel, with 1-based coordinates made 0-based")
  func mouse() {
    let tokens: [InputToken] =
      [.mouseReportStart] + scalars("0;11;15M") + [.mouseReportStart] + scalars("32;21;15M")
      + [.mouseReportStart] + scalars("0;21;15m") + [.mouseReportStart] + scalars("64;240;5M")
      + [.mouseReportStart] + scalars("65;1;1M")
    #expect(
      InputDecoder.decode(tokens) == [
        .mouse(MouseEvent(.press, button: .left, x: 10, y: 14)),
        .mouse(MouseEvent(.drag, button: .left, x: 20, y: 14)),
        .mouse(MouseEvent(.release, button: .left, x: 20, y: 14)),
        .mouse(MouseEvent(.wheelUp, button: .none, x: 239, y: 4)),
        .mouse(MouseEvent(.wheelDown, button: .none, x: 0, y: 0)),
      ])
  }

  @Test("SGR mouse: buttons, modifiers and hover")
  func mouseDetails() {
    #expect(SGRMouseReport.decode("2;5;6M") == MouseEvent(.press, button: .right, x: 4, y: 5))
    #expect(SGRMouseReport.decode("1;5;6m") == MouseEvent(.release, button: .middle, x: 4, y: 5))
    #expect(SGRMouseReport.decode("35;5;6M") == MouseEvent(.move, button: .none, x: 4, y: 5))
    #expect(
      SGRMouseReport.decode("28;1;2M")
        == MouseEvent(.press, button: .left, x: 0, y: 1, modifiers: [.shift, .alt, .ctrl]))
    #expect(SGRMouseReport.decode("66;1;1M") == nil)  // horizontal wheel
    #expect(SGRMouseReport.decode("128;1;1M") == nil)  // extra buttons
    #expect(SGRMouseReport.decode("0;0;1M") == nil)
    #expect(SGRMouseReport.decode("0;1M") == nil)
    #expect(SGRMouseReport.decode("0;1;1") == nil)
  }

  @Test("a broken mouse report is dropped and the next token read afresh")
  func brokenMouse() {
    let tokens: [InputToken] = [.mouseReportStart] + scalars("0;1x")
    #expect(InputDecoder.decode(tokens) == [.key(.char("x"))])
    var decoder = InputDecoder()
    _ = decoder.feed(.mouseReportStart)
    _ = decoder.feed(.scalar("1"))
    #expect(decoder.isMidSequence)
    #expect(decoder.finish() == [])
    #expect(!decoder.isMidSequence)
    let long: [InputToken] =
      [.mouseReportStart] + scalars(String(repeating: "1", count: 40) + "M") + scalars("k")
    #expect(InputDecoder.decode(long) == [.key(.char("k"))])
  }

  @Test("bracketed paste arrives as one event with newlines normalised and no ESC")
  func paste() {
    let tokens: [InputToken] =
      [.pasteStart] + scalars("line one\r\nline\ttwo\rthree\u{1B}[31m") + [
        .keyName("KEY_ENTER"), .keyName("KEY_UP"), .pasteEnd,
      ]
      + scalars("q")
    #expect(
      InputDecoder.decode(tokens) == [
        .paste("line one\nline\ttwo\nthree[31m\n"), .key(.char("q")),
      ])
  }

  @Test("an unfinished paste is delivered when the burst ends; an empty one is not")
  func unfinishedPaste() {
    var decoder = InputDecoder()
    #expect(decoder.feed(.pasteStart) == [])
    #expect(decoder.isPasting && decoder.isMidSequence)
    _ = decoder.feed(.scalar("h"))
    #expect(
      decoder.feed(.resize(Size(width: 10, height: 5))) == [.resize(Size(width: 10, height: 5))])
    _ = decoder.feed(.scalar("i"))
    #expect(decoder.finish() == [.paste("hi")])
    #expect(InputDecoder.decode([.pasteStart, .pasteEnd, .pasteEnd]) == [])
  }

  @Test("drags, hover moves and resizes are coalesced; presses and keys are not")
  func coalesce() {
    let drag = { (x: Int) in Event.mouse(MouseEvent(.drag, x: x, y: 1)) }
    let events: [Event] = [
      .mouse(MouseEvent(.press, x: 1, y: 1)), drag(2), drag(3), drag(4),
      .mouse(MouseEvent(.drag, button: .right, x: 5, y: 1)), .key(.char("a")), drag(6), drag(7),
      .mouse(MouseEvent(.release, x: 7, y: 1)), .resize(Size(width: 1, height: 1)),
      .resize(Size(width: 2, height: 2)), .key(.char("b")), .key(.char("b")),
    ]
    #expect(
      InputDecoder.coalesce(events) == [
        .mouse(MouseEvent(.press, x: 1, y: 1)), drag(4),
        .mouse(MouseEvent(.drag, button: .right, x: 5, y: 1)), .key(.char("a")), drag(7),
        .mouse(MouseEvent(.release, x: 7, y: 1)), .resize(Size(width: 2, height: 2)),
        .key(.char("b")), .key(.char("b")),
      ])
  }

  @Test("C1 controls are dropped")
  func c1() {
    #expect(
      InputDecoder.decode([.scalar(Unicode.Scalar(0x9B)!), .scalar("a")]) == [.key(.char("a"))])
  }

  @Test("keys describe themselves for help text")
  func descriptions() {
    #expect(Key.ctrl("c").description == "ctrl+c")
    #expect(Key(.backTab).description == "shift+tab")
    #expect(Key(.enter, .alt).description == "alt+enter")
    #expect(Key(.f(5)).description == "f5")
    #expect(Key(.char(" ")).description == "space")
    #expect(Key(.right, [.ctrl, .shift]).description == "ctrl+shift+right")
  }
}
