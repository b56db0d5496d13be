/// A semantic colour role: what a piece of text means, which a `Theme` turns into colours.
///
/// Raw values are the keys of a theme file's `[colors]` table.
public enum Role: String, CaseIterable, Hashable, Sendable {
  /// Ordinary text.
  case text
  /// Secondary text: hints, units, disabled items.
  case muted
  /// Panel borders and separators.
  case border
  /// Panel titles and headings.
  case title
  /// Emphasis: the focused control, key names in the help bar.
  case accent
  /// The selected row or item.
  case selection
  /// Good outcomes; the cheapest route.
  case success
  /// Caution.
  case warning
  /// Errors and risky outcomes; the human route.
  case danger
  /// Neutral information; the middle routes.
  case info
  /// The filled part of a slider or bar.
  case sliderFill = "slider_fill"
  /// The empty part of a slider or bar.
  case sliderTrack = "slider_track"
  /// Arrows and connectors of the decision-flow trace.
  case traceEdge = "trace_edge"

  /// One letter per role, used by `Buffer.styleLines()` for style snapshots.
  public var letter: Character {
    switch self {
    case .text: "t"
    case .muted: "m"
    case .border: "b"
    case .title: "h"
    case .accent: "a"
    case .selection: "s"
    case .success: "g"
    case .warning: "w"
    case .danger: "d"
    case .info: "i"
    case .sliderFill: "f"
    case .sliderTrack: "k"
    case .traceEdge: "e"
    }
  }
}
