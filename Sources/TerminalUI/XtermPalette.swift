/// The xterm 256-colour palette and nearest-colour lookups used to downsample themes.
public enum XtermPalette {
  /// Channel levels of the 6×6×6 colour cube (indexes 16–231).
  static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// xterm's default values for the 16 ANSI colours.
  static let ansi: [RGB] = [
    RGB(red: 0x00, green: 0x00, blue: 0x00), RGB(red: 0xcd, green: 0x00, blue: 0x00),
    RGB(red: 0x00, green: 0xcd, blue: 0x00), RGB(red: 0xcd, green: 0xcd, blue: 0x00),
    RGB(red: 0x00, green: 0x00, blue: 0xee), RGB(red: 0xcd, green: 0x00, blue: 0xcd),
    RGB(red: 0x00, green: 0xcd, blue: 0xcd), RGB(red: 0xe5, green: 0xe5, blue: 0xe5),
    RGB(red: 0x7f, green: 0x7f, blue: 0x7f), RGB(red: 0xff, green: 0x00, blue: 0x00),
    RGB(red: 0x00, green: 0xff, blue: 0x00), RGB(red: 0xff, green: 0xff, blue: 0x00),
    RGB(red: 0x5c, green: 0x5c, blue: 0xff), RGB(red: 0xff, green: 0x00, blue: 0xff),
    RGB(red: 0x00, green: 0xff, blue: 0xff), RGB(red: 0xff, green: 0xff, blue: 0xff),
  ]

  /// The colour of palette entry `index`.
  public static func rgb(_ index: UInt8) -> RGB {
    switch index {
    case 0...15:
      return ansi[Int(index)]
    case 16...231:
      let i = Int(index) - 16
      return RGB(red: cubeLevels[i / 36], green: cubeLevels[(i / 6) % 6], blue: cubeLevels[i % 6])
    default:
      let level = UInt8(8 + 10 * (Int(index) - 232))
      return RGB(red: level, green: level, blue: level)
    }
  }

  /// The nearest entry of the colour cube or grey ramp (16–255); the 16 ANSI colours are
  /// skipped because terminals redefine them.
  public static func nearest256(_ color: RGB) -> UInt8 {
    func cubeIndex(_ v: UInt8) -> Int {
      v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40
    }
    let r = cubeIndex(color.red)
    let g = cubeIndex(color.green)
    let b = cubeIndex(color.blue)
    let cube = UInt8(16 + 36 * r + 6 * g + b)
    let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
    let greyStep = min(23, max(0, (average - 3) / 10))
    let grey = UInt8(232 + greyStep)
    return color.distance(to: rgb(grey)) < color.distance(to: rgb(cube)) ? grey : cube
  }

  /// The closest of the 16 ANSI colours by hue and brightness.
  ///
  /// Plain RGB distance maps poorly onto so sparse a palette (greys come out cyan, greens
  /// yellow), so colours are classified instead: low-saturation colours become black, bright
  /// black, white or bright white by luminance; others switch on each channel that is well above
  /// their smallest one (red, green, blue → the ANSI colour bits) and are bright when their
  /// strongest channel is at least 0xf0.
  public static func nearest16(_ color: RGB) -> UInt8 {
    if let grey = greyLevel(color) {
      return grey < 48 ? 0 : grey < 150 ? 8 : grey < 235 ? 7 : 15
    }
    let strongest = max(color.red, color.green, color.blue)
    return hueBits(color) + (strongest >= 0xf0 ? 8 : 0)
  }

  /// The closest of the 8 basic ANSI colours by hue (see `nearest16`); greys become black or
  /// white.
  public static func nearest8(_ color: RGB) -> UInt8 {
    if let grey = greyLevel(color) {
      return grey < 100 ? 0 : 7
    }
    return hueBits(color)
  }

  /// The luminance (0–255) of a colour too unsaturated to have a hue; nil for other colours.
  private static func greyLevel(_ color: RGB) -> Int? {
    let r = Int(color.red)
    let g = Int(color.green)
    let b = Int(color.blue)
    let strongest = max(r, g, b)
    let chroma = strongest - min(r, g, b)
    guard chroma < 48 || chroma * 4 < strongest else { return nil }
    return (r * 299 + g * 587 + b * 114) / 1000
  }

  /// ANSI colour bits (1 red, 2 green, 4 blue) of the channels at least 60% of the way from the
  /// weakest channel to the strongest.
  private static func hueBits(_ color: RGB) -> UInt8 {
    let channels = [Int(color.red), Int(color.green), Int(color.blue)]
    let weakest = channels.min() ?? 0
    let chroma = (channels.max() ?? 0) - weakest
    var bits: UInt8 = 0
    for (bit, value) in zip([UInt8(1), 2, 4], channels) where (value - weakest) * 10 >= chroma * 6 {
      bits |= bit
    }
    return bits
  }
}
