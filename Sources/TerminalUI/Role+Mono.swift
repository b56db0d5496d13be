/// How each role keeps its meaning without colour.
extension Role {
  /// Attributes used on monochrome terminals (NO_COLOR, `--color mono`, no colour support),
  /// instead of any the theme sets.
  ///
  /// Chosen so the route colours stay apart (success bold, info plain, danger bold+underline),
  /// selection and slider fill stand out in reverse video, and secondary text is dim; never
  /// grey-on-black.
  public var monoAttributes: TextAttributes {
    switch self {
    case .text, .info, .border: []
    case .muted, .sliderTrack, .traceEdge: .dim
    case .title, .accent, .success: .bold
    case .selection, .sliderFill: .reverse
    case .warning: .underline
    case .danger: [.bold, .underline]
    }
  }
}
