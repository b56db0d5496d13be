/// Shadow mode (seed 003): a second policy scores a sampled share of traffic without affecting
/// the route. Sampling is deterministic, by a hash of the message's normalised text, so the same
/// message is always in or out and a rerun samples the same messages.
public enum ShadowSampler {
  /// True when `query` falls in the sampled `share` (0...1).
  public static func isSampled(_ query: Query, share: Double) -> Bool {
    guard share > 0 else { return false }
    if share >= 1 { return true }
    return bucket(query.normalized) < share
  }

  /// FNV-1a over the text, mapped to [0, 1).
  public static func bucket(_ text: String) -> Double {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01B3
    }
    // Mix the high bits down so short texts spread evenly.
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return Double(h >> 11) / Double(UInt64(1) << 53)
  }
}

/// A shadow verdict next to the verdict that was acted on.
public struct ShadowComparison: Sendable, Equatable {
  public var text: String
  public var primary: Verdict
  public var shadow: Verdict
  /// The label, when the message came from a labelled set.
  public var expected: String?

  public init(text: String, primary: Verdict, shadow: Verdict, expected: String? = nil) {
    self.text = text
    self.primary = primary
    self.shadow = shadow
    self.expected = expected
  }

  /// Both decided, on different routes.
  public var disagrees: Bool {
    guard let a = primary.route, let b = shadow.route else { return false }
    return a != b
  }
}
