import ArgumentParser
import Foundation
import Playground
import RouterCore
import TerminalUI

/// `routerlab demo`: the playground typing a script of questions by itself, for workshops.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Workshop mode: type the scenario's sample questions (or a script) at a readable pace.",
    discussion: "Space pauses and resumes, ←/→ step between questions, Ctrl+C quits. Every other key works as in the playground."
  )

  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(name: .long, help: "A script: one question per line (default: the scenario's sample questions).")
  var script: String?

  @OptionGroup var display: DisplayOptions

  func run() throws {
    let scenario = try scenarioOptions.load()
    var lines = scenario.samples.map(\.text)
    if let script {
      guard let data = FileManager.default.contents(atPath: script) else {
        throw CommandError("\(script): cannot read the script (does it exist?)")
      }
      lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        .filter { !$0.allSatisfy(\.isWhitespace) }
      guard !lines.isEmpty else { throw CommandError("\(script): the script has no questions (one per line)") }
    }
    guard !lines.isEmpty else { throw CommandError("the scenario has no sample questions; give --script FILE") }
    try PlaygroundRunner(
      build: RouterBuild(scenario), themeName: display.theme, color: display.colorProfile, mouse: !display.noMouse,
      logPath: nil, redact: false, scenarioNames: [scenarioOptions.scenario], startText: "", demoScript: lines
    ).run()
  }
}
