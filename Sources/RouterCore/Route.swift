/// One destination a scenario can send a message to: a model tier or a person.
public struct Route: Sendable, Equatable, Hashable {
  /// Short name used on the command line and in data files (`fast`, `expert`, `human`).
  public var name: String
  /// One line on what this route is for, shown in help and in the LLM-router prompt.
  public var meaning: String
  /// Cost of answering one message on this route, in US dollars.
  public var costPerMessage: Double
  /// 0 for the cheapest/least capable route, increasing with capability; a person ranks highest.
  public var rank: Int
  /// True when a member of staff answers rather than a model.
  public var isHuman: Bool
  /// Typical time to an answer on this route, in milliseconds (used for pattern estimates).
  public var typicalLatencyMs: Double
  /// Token prices, when the scenario prices this route per token (for display and cost).
  public var tokenPricing: TokenPricing?

  public init(
    name: String, meaning: String, costPerMessage: Double, rank: Int, isHuman: Bool = false,
    typicalLatencyMs: Double = 0, tokenPricing: TokenPricing? = nil
  ) {
    self.name = name
    self.meaning = meaning
    self.costPerMessage = costPerMessage
    self.rank = rank
    self.isHuman = isHuman
    self.typicalLatencyMs = typicalLatencyMs
    self.tokenPricing = tokenPricing
  }
}

/// Per-token prices, as providers publish them, and the token counts of a typical message.
public struct TokenPricing: Sendable, Equatable, Hashable {
  /// US dollars per one million input tokens.
  public var inputPerMillion: Double
  /// US dollars per one million output tokens.
  public var outputPerMillion: Double
  /// Input tokens in a typical request (prompt plus message).
  public var inputTokens: Double
  /// Output tokens in a typical answer.
  public var outputTokens: Double

  public init(inputPerMillion: Double, outputPerMillion: Double, inputTokens: Double, outputTokens: Double) {
    self.inputPerMillion = inputPerMillion
    self.outputPerMillion = outputPerMillion
    self.inputTokens = inputTokens
    self.outputTokens = outputTokens
  }

  /// Dollars for one typical message.
  public var costPerMessage: Double {
    (inputPerMillion * inputTokens + outputPerMillion * outputTokens) / 1_000_000
  }
}
