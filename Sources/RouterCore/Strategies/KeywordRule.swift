/// One ordered keyword rule of a scenario: if any phrase matches, send the message to `route`.
public struct KeywordRule: Sendable, Equatable {
  /// Where the rule stands in the decision flow.
  public enum Stage: String, Sendable, Equatable, CaseIterable {
    /// Risk to someone's safety: checked first, never downgraded.
    case safety
    /// The message asks for a person or a process only a person can handle (legal, complaints).
    case escalation
    /// Everything else: which model is good enough.
    case routing
  }

  /// Short name shown in reasons (`self-harm`, `booking`).
  public var name: String
  public var stage: Stage
  public var route: String
  /// Phrases, matched on whole words of the normalised text. A word ending in `*` matches any
  /// word it begins (`suicid*`), and a lone `*` matches any one word (`want to * myself`).
  public var phrases: [String]
  /// Phrases that cancel a match they overlap: figurative speech (`dying to`), other senses.
  public var unless: [String]
  /// When true, a match preceded closely by a negation (`no chest pain`) does not count.
  public var negatable: Bool
  /// Line in the scenario file, for messages.
  public var line: Int

  public init(name: String, stage: Stage, route: String, phrases: [String], unless: [String] = [],
              negatable: Bool = false, line: Int = 0) {
    self.name = name
    self.stage = stage
    self.route = route
    self.phrases = phrases
    self.unless = unless
    self.negatable = negatable
    self.line = line
  }
}
