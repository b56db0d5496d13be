/// Hands out terminal colour-pair numbers for (foreground, background) combinations, so a
/// backend defines each combination once and reuses its number.
///
/// Colours are palette numbers with -1 for the terminal default. Pair 0 is reserved for
/// (default, default). When every pair is taken the allocator starts over from 1, which
/// redefines pairs still on screen; a frame uses a few dozen combinations at most, far below
/// the 64 pairs even an 8-colour terminal offers.
public struct ColorPairAllocator: Sendable {
  private struct Combination: Hashable, Sendable {
    var fg: Int32
    var bg: Int32
  }

  /// Pairs the terminal offers, pair 0 included.
  public let capacity: Int
  private var assigned: [Combination: Int32] = [:]
  private var next: Int32 = 1

  /// An allocator for a terminal with `capacity` colour pairs.
  public init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// The pair for `fg` on `bg`, and whether it is new (the caller must define it before use).
  public mutating func pair(fg: Int32, bg: Int32) -> (number: Int32, isNew: Bool) {
    if fg == -1 && bg == -1 { return (0, false) }
    let combination = Combination(fg: fg, bg: bg)
    if let number = assigned[combination] { return (number, false) }
    guard capacity > 1 else { return (0, false) }
    if Int(next) >= capacity {
      assigned.removeAll(keepingCapacity: true)
      next = 1
    }
    let number = next
    next += 1
    assigned[combination] = number
    return (number, true)
  }

  /// Forgets every assignment (after the terminal was restarted).
  public mutating func reset() {
    assigned.removeAll()
    next = 1
  }
}
