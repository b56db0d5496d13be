import Testing

@testable import TerminalUI

@Suite struct ColorTests {
  func rgb(_ hex: String) -> RGB {
    guard let value = RGB(hex: hex) else {
      Issue.record("bad hex \(hex)")
      return RGB(red: 0, green: 0, blue: 0)
    }
    return value
  }

  @Test("hex parsing accepts #rrggbb in either case only")
  func hex() {
    #expect(RGB(hex: "#FF8700") == RGB(red: 255, green: 135, blue: 0))
    #expect(RGB(hex: "#ff8700")?.hex == "#ff8700")
    for bad in ["ff8700", "#ff870", "#ff87000", "#gg8700", "#ff 870", "", "#+f8700", "#ｆｆ8700"] {
      #expect(RGB(hex: bad) == nil, "\(bad)")
    }
    #expect(ColorValue("default") == .terminalDefault)
    #expect(ColorValue("Default") == nil)
  }

  @Test("hex to xterm-256: cube and grey ramp")
  func to256() {
    #expect(XtermPalette.nearest256(rgb("#ff8700")) == 208)
    #expect(XtermPalette.nearest256(rgb("#ff0000")) == 196)
    #expect(XtermPalette.nearest256(rgb("#000000")) == 16)
    #expect(XtermPalette.nearest256(rgb("#ffffff")) == 231)
    #expect(XtermPalette.nearest256(rgb("#808080")) == 244)
    #expect(XtermPalette.nearest256(rgb("#1c1c1c")) == 234)
    #expect(XtermPalette.nearest256(rgb("#005f87")) == 24)
    #expect(XtermPalette.nearest256(rgb("#fe8801")) == 208)
  }

  @Test("every cube and grey entry maps back to itself")
  func roundTrip256() {
    for index in UInt8(16)...255 {
      #expect(XtermPalette.nearest256(XtermPalette.rgb(index)) == index, "\(index)")
    }
  }

  @Test("the 16 ANSI colours map to themselves in 16, and the first 8 in 8")
  func roundTripAnsi() {
    for index in UInt8(0)..<16 {
      #expect(XtermPalette.nearest16(XtermPalette.rgb(index)) == index, "\(index)")
    }
    for index in UInt8(0)..<8 {
      #expect(XtermPalette.nearest8(XtermPalette.rgb(index)) == index, "\(index)")
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let hex: String
    let ansi16: UInt8
    let ansi8: UInt8
    var testDescription: String { hex }
  }

  static let cases: [Case] = [
    Case(hex: "#ff8700", ansi16: 9, ansi8: 1),  // orange: red family
    Case(hex: "#ffaf00", ansi16: 11, ansi8: 3),  // amber: yellow
    Case(hex: "#87d75f", ansi16: 2, ansi8: 2),  // soft green stays green
    Case(hex: "#5fafff", ansi16: 12, ansi8: 4),  // light blue
    Case(hex: "#d787ff", ansi16: 13, ansi8: 5),  // violet
    Case(hex: "#8a8a8a", ansi16: 8, ansi8: 7),  // grey never turns cyan
    Case(hex: "#4e4e4e", ansi16: 8, ansi8: 0),
    Case(hex: "#d0d0d0", ansi16: 7, ansi8: 7),
    Case(hex: "#1c1c1c", ansi16: 0, ansi8: 0),
    Case(hex: "#005f87", ansi16: 6, ansi8: 6),
    Case(hex: "#d70000", ansi16: 1, ansi8: 1),
  ]

  @Test("hex to 16 and 8 colours by hue and brightness", arguments: cases)
  func downsample(_ c: Case) {
    let color = ThemeColor(fg: .rgb(rgb(c.hex)))
    #expect(color.foreground(on: .ansi16) == .index(c.ansi16))
    #expect(color.foreground(on: .ansi8) == .index(c.ansi8))
  }

  @Test("explicit ansi256 and ansi16 overrides win; ansi8 follows ansi16")
  func overrides() {
    let color = ThemeColor(fg: .rgb(rgb("#ff8700")), ansi256: 214, ansi16: 11)
    #expect(color.foreground(on: .ansi256) == .index(214))
    #expect(color.foreground(on: .ansi16) == .index(11))
    #expect(color.foreground(on: .ansi8) == .index(3))
    let low = ThemeColor(fg: .rgb(rgb("#8a8a8a")), ansi16: 8)
    #expect(low.foreground(on: .ansi8) == .index(7))
    let basic = ThemeColor(fg: .rgb(rgb("#8a8a8a")), ansi16: 4)
    #expect(basic.foreground(on: .ansi8) == .index(4))
    let only256 = ThemeColor(fg: .rgb(rgb("#ffffff")), ansi256: 196)
    #expect(only256.foreground(on: .ansi16) == .index(9))  // chained from the 256 override
  }

  @Test("default colours stay default on every profile; mono has no colours")
  func defaults() {
    let color = ThemeColor(fg: .terminalDefault, bg: .rgb(rgb("#005f87")))
    for profile in ColorProfile.allCases {
      #expect(color.foreground(on: profile) == .default)
    }
    #expect(color.background(on: .ansi256) == .index(24))
    #expect(color.background(on: .mono) == .default)
  }
}

@Suite struct ResolvedThemeTests {
  @Test("mono keeps meaning with attributes and default colours")
  func mono() {
    let resolved = Theme.fallback.resolve(.mono)
    for role in Role.allCases {
      #expect(resolved[role].fg == .default)
      #expect(resolved[role].bg == .default)
    }
    #expect(resolved[.danger].attributes == [.bold, .underline])
    #expect(resolved[.selection].attributes == .reverse)
    #expect(resolved[.sliderFill].attributes == .reverse)
    #expect(resolved[.muted].attributes == .dim)
    #expect(resolved[.accent].attributes == .bold)
    #expect(resolved[.success].attributes == .bold)
    #expect(resolved[.warning].attributes == .underline)
    #expect(resolved[.text].attributes == [])
  }

  @Test("the route roles stay distinguishable in mono")
  func routesDistinct() {
    let resolved = Theme.fallback.resolve(.mono)
    let routes = [resolved[.success], resolved[.info], resolved[.danger]]
    #expect(Set(routes).count == 3)
  }

  @Test("mono ignores theme attributes so an all-bold theme keeps roles apart")
  func monoIgnoresThemeAttributes() {
    let bold = ThemeColor(fg: .terminalDefault, attributes: .bold)
    let theme = Theme(name: "bold", dark: true, colors: [.info: bold, .success: bold])
    let resolved = theme.resolve(.mono)
    #expect(resolved[.info].attributes == [])
    #expect(resolved[.success].attributes == .bold)
    #expect(theme.resolve(.ansi256)[.info].attributes == .bold)
  }

  @Test("a style's attributes add to the role's")
  func styleAttributes() {
    let resolved = Theme.fallback.resolve(.ansi256)
    let style = resolved.resolve(Style(role: .title, underline: true))
    #expect(style.fg == .index(221))
    #expect(style.attributes == [.bold, .underline])
    #expect(resolved.resolve(Style(role: .selection)).bg == .index(24))
  }

  @Test("resolving keeps name, profile and darkness; missing roles are default")
  func metadata() {
    let theme = Theme(
      name: "partial", dark: false, colors: [.text: ThemeColor(fg: .terminalDefault)])
    let resolved = theme.resolve(.ansi16)
    #expect(resolved.name == "partial" && resolved.profile == .ansi16 && !resolved.dark)
    #expect(resolved[.danger] == ResolvedStyle(fg: .default, bg: .default))
  }
}

@Suite struct ColorProfileTests {
  @Test("detection from COLORS, has_colors and NO_COLOR")
  func detect() {
    #expect(ColorProfile.detect(colors: 256, hasColors: true, noColor: nil) == .ansi256)
    #expect(ColorProfile.detect(colors: 88, hasColors: true, noColor: nil) == .ansi16)
    #expect(ColorProfile.detect(colors: 16, hasColors: true, noColor: nil) == .ansi16)
    #expect(ColorProfile.detect(colors: 8, hasColors: true, noColor: nil) == .ansi8)
    #expect(ColorProfile.detect(colors: 256, hasColors: false, noColor: nil) == .mono)
    #expect(ColorProfile.detect(colors: 256, hasColors: true, noColor: "1") == .mono)
    #expect(ColorProfile.detect(colors: 256, hasColors: true, noColor: "") == .ansi256)
    #expect(ColorProfile.detect(colors: 2, hasColors: true, noColor: nil) == .mono)
  }

  @Test("command-line values and capping to what the terminal has")
  func arguments() {
    #expect(ColorProfile(argument: "256") == .ansi256)
    #expect(ColorProfile(argument: "16") == .ansi16)
    #expect(ColorProfile(argument: "8") == .ansi8)
    #expect(ColorProfile(argument: "MONO") == .mono)
    #expect(ColorProfile(argument: "truecolor") == nil)
    #expect(ColorProfile.ansi256.capped(at: .ansi8) == .ansi8)
    #expect(ColorProfile.ansi8.capped(at: .ansi256) == .ansi8)
    #expect(ColorProfile.mono.capped(at: .ansi256) == .mono)
  }
}

@Suite struct ColorPairAllocatorTests {
  @Test("pairs are handed out once per combination; default on default is pair 0")
  func reuse() {
    var pairs = ColorPairAllocator(capacity: 64)
    #expect(pairs.pair(fg: -1, bg: -1) == (0, false))
    #expect(pairs.pair(fg: 208, bg: -1) == (1, true))
    #expect(pairs.pair(fg: 7, bg: 4) == (2, true))
    #expect(pairs.pair(fg: 208, bg: -1) == (1, false))
  }

  @Test("when full it starts over; without pairs everything uses pair 0")
  func full() {
    var pairs = ColorPairAllocator(capacity: 3)
    #expect(pairs.pair(fg: 1, bg: -1).number == 1)
    #expect(pairs.pair(fg: 2, bg: -1).number == 2)
    #expect(pairs.pair(fg: 3, bg: -1) == (1, true))
    #expect(pairs.pair(fg: 1, bg: -1) == (2, true))
    var none = ColorPairAllocator(capacity: 0)
    #expect(none.pair(fg: 1, bg: 2) == (0, false))
    pairs.reset()
    #expect(pairs.pair(fg: 9, bg: 9) == (1, true))
  }
}
