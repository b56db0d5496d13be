/// The workshop demo: types a script of questions at a readable pace, holding on each decision.
public struct DemoState: Equatable, Sendable {
  public var script: [String]
  /// Question being typed or shown.
  public var index = 0
  /// Characters of the current question typed so far.
  public var typed = 0
  public var paused = false
  /// When the next character is typed or the next question starts (monotonic nanoseconds).
  public var nextAt: UInt64 = 0

  /// Delay between typed characters.
  public static let typingNanos: UInt64 = 45_000_000
  /// How long a finished question stays on screen before the next starts.
  public static let holdNanos: UInt64 = 4_000_000_000

  public init(script: [String]) {
    self.script = script
  }

  public var current: [Character] { script.isEmpty ? [] : Array(script[index % script.count]) }
  public var isHolding: Bool { typed >= current.count }
}
