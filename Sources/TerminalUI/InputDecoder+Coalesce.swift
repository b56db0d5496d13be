/// Dropping input that a newer event makes redundant.
extension InputDecoder {
  /// Keeps only the last of each run of consecutive drags (same button), of consecutive hover
  /// moves, and of consecutive resizes, so one render serves a whole burst.
  public static func coalesce(_ events: [Event]) -> [Event] {
    var out: [Event] = []
    out.reserveCapacity(events.count)
    for event in events {
      if let previous = out.last, supersedes(event, previous) {
        out[out.count - 1] = event
      } else {
        out.append(event)
      }
    }
    return out
  }

  private static func supersedes(_ event: Event, _ previous: Event) -> Bool {
    switch (previous, event) {
    case (.resize, .resize):
      return true
    case (.mouse(let a), .mouse(let b)):
      return a.kind == b.kind && a.button == b.button && a.modifiers == b.modifiers
        && (a.kind == .drag || a.kind == .move)
    default:
      return false
    }
  }
}
