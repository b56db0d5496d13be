#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cascade's offline cheap tier: finds the scenario FAQ entry closest to a message by TF-IDF
/// cosine over content words. Its score is the answer's confidence: words the FAQ never uses
/// (a drug name, a symptom) pull it down, so a clinical question does not pass for a parking one.
public struct FAQRetriever: Sendable {
  public let entries: [FAQEntry]
  /// One vector per way of asking (question and each `also`), with the entry it belongs to.
  private let variants: [(entry: Int, vector: [String: Double], norm: Double)]
  private let idf: [String: Double]
  private let unknownIDF: Double

  /// A match: the entry, its score in 0...1, and the content words it shares with the message.
  public struct Match: Sendable, Equatable {
    public var entry: FAQEntry
    public var score: Double
    public var shared: [String]
  }

  /// Words that carry no topic.
  static let stopwords: Set<String> = [
    "a", "an", "the", "i", "i'm", "im", "me", "my", "you", "your", "we", "our", "us", "it", "its", "it's", "is", "are",
    "am", "was", "were", "be", "been", "do", "does", "did", "can", "could", "would", "should", "will", "to", "of", "in",
    "on", "at", "for", "with", "and", "or", "but", "this", "that", "there", "what", "when", "where", "how", "who",
    "which", "please", "hi", "hello", "hey", "thanks", "thank", "just", "any", "about", "get", "have", "has", "had",
    "if", "so", "up", "out", "from", "by", "as", "some", "also", "still", "need", "want", "like", "know", "tell",
    "there's", "is", "any", "yes", "ok", "okay", "much", "many", "go", "u", "ur", "pls", "plz", "they", "them", "he",
    "she", "his", "her", "him", "yours", "mine", "s", "d", "ll", "re", "ve", "get", "got", "way",
  ]

  public init(entries: [FAQEntry]) {
    self.entries = entries
    var docs: [(Int, [String: Double])] = []
    for (i, e) in entries.enumerated() {
      for text in [e.question] + e.also {
        var tf: [String: Double] = [:]
        for w in Self.terms(text) { tf[w, default: 0] += 1 }
        if !tf.isEmpty { docs.append((i, tf)) }
      }
    }
    var df: [String: Double] = [:]
    for (_, tf) in docs { for w in tf.keys { df[w, default: 0] += 1 } }
    let n = Double(max(docs.count, 1))
    idf = df.mapValues { Self.log((n + 1) / ($0 + 0.5)) }
    unknownIDF = Self.log((n + 1) / 0.5)
    let idfTable = idf
    variants = docs.map { i, tf in
      let v = tf.reduce(into: [String: Double]()) { $0[$1.key] = $1.value * (idfTable[$1.key] ?? 0) }
      return (i, v, v.values.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }
  }

  /// The best entry for `query` and the runner-up, or nil when the FAQ is empty or nothing is shared.
  public func best(_ query: Query) -> (top: Match, runnerUp: Match?)? {
    var tf: [String: Double] = [:]
    for w in Self.terms(words: query.words) { tf[w, default: 0] += 1 }
    guard !tf.isEmpty else { return nil }
    var q: [String: Double] = [:]
    for (w, c) in tf { q[w] = c * (idf[w] ?? unknownIDF) }
    let qNorm = q.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    var perEntry: [Int: (Double, [String])] = [:]
    for v in variants where v.norm > 0 {
      var dot = 0.0
      var shared: [String] = []
      for (w, x) in q {
        if let y = v.vector[w] {
          dot += x * y
          shared.append(w)
        }
      }
      let score = dot / (qNorm * v.norm)
      if score > (perEntry[v.entry]?.0 ?? -1) { perEntry[v.entry] = (score, shared.sorted()) }
    }
    let ranked = perEntry.sorted { $0.value.0 > $1.value.0 || ($0.value.0 == $1.value.0 && $0.key < $1.key) }
    guard let first = ranked.first, first.value.0 > 0 else { return nil }
    let top = Match(entry: entries[first.key], score: min(1, first.value.0), shared: first.value.1)
    let runner = ranked.dropFirst().first.map { Match(entry: entries[$0.key], score: min(1, $0.value.0), shared: $0.value.1) }
    return (top, runner)
  }

  static func terms(_ text: String) -> [String] { terms(words: Query(text).words) }

  /// Content words, lightly stemmed (plural, -ing, -ed), so "refills" meets "refill".
  static func terms(words: [String]) -> [String] {
    words.compactMap { raw in
      var w = raw
      if w.hasSuffix("'s") { w.removeLast(2) }
      if w.count < 2 || stopwords.contains(w) || w.allSatisfy(\.isNumber) { return nil }
      return stem(w)
    }
  }

  static func stem(_ word: String) -> String {
    var w = word
    if w.count > 4 && w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
    if w.count > 5 && w.hasSuffix("ing") { w.removeLast(3); return w }
    if w.count > 4 && w.hasSuffix("ed") { w.removeLast(2); return w }
    if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") { w.removeLast() }
    return w
  }

  static func log(_ x: Double) -> Double {
    guard x > 0 else { return 0 }
    #if canImport(Glibc)
      return Glibc.log(x)
    #else
      return Darwin.log(x)
    #endif
  }
}
