/// Finds rule phrases in a query's words quickly, using an index on each phrase's first word.
struct PhraseMatcher: Sendable {
  /// One word of a compiled phrase.
  enum Token: Sendable, Equatable {
    case word(String)
    case prefix(String)
    case any
  }

  struct Phrase: Sendable {
    var tokens: [Token]
    var rule: Int
    var isException: Bool
    var source: String
  }

  /// A phrase found in the query: which rule, which words.
  struct Match: Sendable, Equatable {
    var rule: Int
    var phrase: Int
    var start: Int
    var length: Int
    var isException: Bool
  }

  private(set) var phrases: [Phrase] = []
  // Phrases by a 64-bit hash of their first word, or of its first `stemLength` characters for a
  // wildcard (`suicid*`). Hashing the bytes once is cheaper than hashing a String key, and a
  // collision costs only a failed `check`, which compares the words themselves.
  private var byWord: [UInt64: [Int]] = [:]
  private var byStem: [UInt64: [Int]] = [:]
  static let stemLength = 3

  /// Compiles every rule's phrases; returns the phrases that cannot be compiled, for messages.
  init(rules: [KeywordRule]) {
    for (r, rule) in rules.enumerated() {
      for p in rule.phrases { add(p, rule: r, isException: false) }
      for p in rule.unless { add(p, rule: r, isException: true) }
    }
  }

  /// Splits a phrase into tokens; nil when it has no word to anchor on.
  static func compile(_ phrase: String) -> [Token]? {
    var tokens: [Token] = []
    for raw in phrase.split(separator: " ") {
      if raw == "*" {
        tokens.append(.any)
      } else if raw.hasSuffix("*") {
        let words = Query(String(raw.dropLast())).words
        guard words.count == 1, let w = words.first else { return nil }
        tokens.append(.prefix(w))
      } else {
        for w in Query(String(raw)).words { tokens.append(.word(w)) }
      }
    }
    guard let first = tokens.first else { return nil }
    switch first {
    case .any: return nil
    case .prefix(let p) where p.count < stemLength: return nil
    default: return tokens
    }
  }

  private mutating func add(_ source: String, rule: Int, isException: Bool) {
    guard let tokens = Self.compile(source) else { return }
    let index = phrases.count
    phrases.append(Phrase(tokens: tokens, rule: rule, isException: isException, source: source))
    switch tokens[0] {
    case .word(let w): byWord[Self.key(w.utf8), default: []].append(index)
    case .prefix(let p): byStem[Self.stemKey(p), default: []].append(index)
    case .any: break
    }
  }

  /// Every phrase occurrence in `words`, in order of position.
  func matches(in words: [String]) -> [Match] {
    var found: [Match] = []
    for i in words.indices {
      let w = words[i]
      if let list = byWord[Self.key(w.utf8)] {
        for p in list { check(p, at: i, in: words, into: &found) }
      }
      if w.utf8.count >= Self.stemLength, let list = byStem[Self.stemKey(w)] {
        for p in list { check(p, at: i, in: words, into: &found) }
      }
    }
    return found
  }

  /// FNV-1a of `bytes`.
  static func key<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
  }

  /// The key of `word`'s first `stemLength` characters. When its first four bytes are ASCII those
  /// characters are its first three bytes (a fourth ASCII byte cannot join the third character);
  /// otherwise the characters are counted.
  static func stemKey(_ word: String) -> UInt64 {
    let utf8 = word.utf8
    if utf8.prefix(stemLength + 1).allSatisfy({ $0 < 0x80 }) { return key(utf8.prefix(stemLength)) }
    return key(word.prefix(stemLength).utf8)
  }

  private func check(_ p: Int, at start: Int, in words: [String], into found: inout [Match]) {
    let tokens = phrases[p].tokens
    guard start + tokens.count <= words.count else { return }
    for (k, token) in tokens.enumerated() {
      let w = words[start + k]
      switch token {
      case .word(let t): if w != t { return }
      case .prefix(let t): if !w.hasPrefix(t) { return }
      case .any: continue
      }
    }
    found.append(Match(rule: phrases[p].rule, phrase: p, start: start, length: tokens.count,
                       isException: phrases[p].isException))
  }

  /// Phrases of `rules` that compile to nothing (empty, or a wildcard too short to index).
  static func invalidPhrases(of rule: KeywordRule) -> [String] {
    (rule.phrases + rule.unless).filter { compile($0) == nil }
  }
}
