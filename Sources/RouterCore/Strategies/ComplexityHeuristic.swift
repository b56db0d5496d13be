/// Strategy 2: the classic complexity heuristic, in its usual form (seed 003).
///
/// Points: one per 20 words (at most 3), one per question mark past the first, 2 for code, 2 for
/// the first "complex" keyword, 1 for the first "moderate" keyword; keywords are plain substrings
/// of the lower-cased text. Tier 3 at 5 points or more, tier 2 at 2 or more, else tier 1. It knows
/// nothing of meaning: a short drug-interaction question scores 0, "simple", which is the point
/// of showing it next to the others.
public struct ComplexityHeuristic: RoutingStrategy {
  public let name = "heuristic"
  public let title = "Complexity heuristic"
  public let settings: HeuristicSettings
  private let complex: [[UInt8]]
  private let moderate: [[UInt8]]
  /// Code markers, matched case-sensitively on the original text, as in the usual form.
  private static let codeMarkers: [[UInt8]] = ["```", "def ", "class ", "function ", "SELECT "].map { Array($0.utf8) }
  /// Tier thresholds: points needed for tier 2 and tier 3.
  public static let tier2 = 2
  public static let tier3 = 5

  public init(settings: HeuristicSettings) {
    self.settings = settings
    complex = settings.complexKeywords.map { Array($0.lowercased().utf8) }
    moderate = settings.moderateKeywords.map { Array($0.lowercased().utf8) }
  }

  /// The score and its parts, for the trace and for tests.
  public struct Breakdown: Sendable, Equatable {
    public var words: Int
    public var lengthPoints: Int
    public var questionPoints: Int
    public var codePoints: Int
    public var complexKeyword: String?
    public var moderateKeyword: String?
    public var total: Int
    public var tier: Int
  }

  public func breakdown(_ text: String) -> Breakdown {
    var lower = Array(text.utf8)
    var words = 0
    var inWord = false
    var questions = 0
    for i in lower.indices {
      let c = lower[i]
      if c >= 65 && c <= 90 { lower[i] = c + 32 }
      let space = c == 32 || (c >= 9 && c <= 13)
      if space { inWord = false } else if !inWord { inWord = true; words += 1 }
      if c == 63 { questions += 1 }
    }
    let original = Array(text.utf8)
    let hasCode = Self.codeMarkers.contains { Self.find($0, in: original) }
    let complexHit = zip(settings.complexKeywords, complex).first { Self.find($0.1, in: lower) }?.0
    let moderateHit = zip(settings.moderateKeywords, moderate).first { Self.find($0.1, in: lower) }?.0
    let lengthPoints = min(words / 20, 3)
    let questionPoints = questions > 1 ? questions - 1 : 0
    let codePoints = hasCode ? 2 : 0
    let total = lengthPoints + questionPoints + codePoints + (complexHit != nil ? 2 : 0) + (moderateHit != nil ? 1 : 0)
    let tier = total >= Self.tier3 ? 3 : (total >= Self.tier2 ? 2 : 1)
    return Breakdown(words: words, lengthPoints: lengthPoints, questionPoints: questionPoints, codePoints: codePoints,
                     complexKeyword: complexHit, moderateKeyword: moderateHit, total: total, tier: tier)
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    let n = needle.count
    guard n > 0, haystack.count >= n, let first = needle.first else { return false }
    var i = 0
    let last = haystack.count - n
    while i <= last {
      if haystack[i] == first {
        var k = 1
        while k < n && haystack[i + k] == needle[k] { k += 1 }
        if k == n { return true }
      }
      i += 1
    }
    return false
  }

  public func route(_ query: Query) -> Verdict {
    let b = breakdown(query.text)
    let routes = settings.tierRoutes
    let route = routes[min(b.tier, routes.count) - 1]
    var parts: [String] = []
    if b.lengthPoints > 0 { parts.append("+\(b.lengthPoints) length") }
    if b.questionPoints > 0 { parts.append("+\(b.questionPoints) questions") }
    if b.codePoints > 0 { parts.append("+2 code") }
    if let k = b.complexKeyword { parts.append("+2 \"\(k)\"") }
    if let k = b.moderateKeyword { parts.append("+1 \"\(k)\"") }
    let why = parts.isEmpty ? "no complexity signal" : parts.joined(separator: ", ")
    return Verdict(
      strategy: name, route: route, score: Double(b.total), scoreKind: .points,
      reason: "\(b.total) pts (\(why)) → tier \(b.tier)",
      evidence: [
        Evidence("words", "\(b.words)"), Evidence("points", "\(b.total)"),
        Evidence("tiers", "≥\(Self.tier2) tier 2, ≥\(Self.tier3) tier 3"),
      ])
  }
}
