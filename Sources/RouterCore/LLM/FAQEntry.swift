/// One entry of a scenario's FAQ (`[[faq]]`): the cascade's offline cheap tier answers from these.
public struct FAQEntry: Sendable, Equatable {
  public var question: String
  public var answer: String
  /// Other ways people ask the same thing; matched like the question.
  public var also: [String]
  /// Line of the entry in the scenario file.
  public var line: Int

  public init(question: String, answer: String, also: [String] = [], line: Int = 0) {
    self.question = question
    self.answer = answer
    self.also = also
    self.line = line
  }
}
