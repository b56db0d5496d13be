import TerminalUI

/// Where each panel goes for a terminal size; shared by `view` (drawing) and `update` (mouse).
public struct PlaygroundLayout: Equatable, Sendable {
  public static let minimum = Size(width: 80, height: 24)
  /// The label before the slider track.
  static let sliderLabel = " simple "

  public var title: Rect
  public var query: Rect
  public var decisions: Rect
  public var trace: Rect
  public var cost: Rect
  public var status: Rect
  /// The slider's track: one row inside the cost panel.
  public var sliderTrack: Rect

  /// Rows the decision panel needs for `strategies` rows, with its border and header.
  public static func decisionHeight(strategies: Int) -> Int { strategies + 3 }

  public init(size: Size, strategies: Int) {
    let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
    let rows = full.rows(.length(1), .length(3), .length(Self.decisionHeight(strategies: strategies)), .fill, .length(1))
    title = rows[0]
    query = rows[1]
    decisions = rows[2]
    let bottom = rows[3]
    let traceWidth = bottom.width >= 140 ? bottom.width - 56 : bottom.width * 55 / 100
    let cols = bottom.columns(.length(traceWidth), .fill)
    trace = cols[0]
    cost = cols[1]
    status = rows[4]
    // Track: on the cost panel's first inner row, after the label "simple " and before " 70%".
    let labelWidth = Self.sliderLabel.count
    let pctWidth = 5
    sliderTrack = Rect(x: cost.x + 1 + labelWidth, y: cost.y + 1, width: max(4, cost.width - 2 - labelWidth - pctWidth), height: 1)
  }

  /// Slider value (0...100) for a column on or beside the track, clamped to the ends.
  public func sliderValue(atColumn x: Int) -> Int {
    let span = max(1, sliderTrack.width - 1)
    let offset = min(max(0, x - sliderTrack.x), span)
    return Int((Double(offset) * 100 / Double(span)).rounded())
  }

  /// Column of the thumb for a slider value.
  public func sliderColumn(for value: Int) -> Int {
    let span = max(1, sliderTrack.width - 1)
    return sliderTrack.x + Int((Double(value) * Double(span) / 100).rounded())
  }
}
