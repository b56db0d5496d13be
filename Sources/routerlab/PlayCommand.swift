import ArgumentParser
import Playground
import RouterCore
import TerminalUI

/// `routerlab play` (the default): the terminal playground, or one frame as text with --dump.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Open the terminal playground (the default command).",
    discussion: """
      Type a question and watch every strategy route it. F1 lists every key. With --dump WxH, \
      renders one frame as plain text to standard output instead (for scripts, docs and bug \
      reports; no terminal needed).
      """
  )

  @OptionGroup var scenarioOptions: ScenarioOptions

  @OptionGroup var display: DisplayOptions

  @Option(name: .long, help: "Render one frame of this size (for example 100x30) as text and exit.")
  var dump: String?

  @Option(name: .long, help: "Question to start with (with --dump, the question rendered).")
  var text: String = ""

  @Option(name: .long, help: "Append every submitted decision to this JSON Lines file (mode 0600).")
  var log: String?

  @Flag(name: .long, help: "In the log, write a SHA-256 of the text instead of the text.")
  var redact = false

  func validate() throws {
    if let dump, DumpSize.parse(dump) == nil {
      throw ValidationError("--dump takes WIDTHxHEIGHT, for example 100x30 (each 1...1000)")
    }
  }

  func run() throws {
    let scenario = try scenarioOptions.load()
    if let dump, let size = DumpSize.parse(dump) {
      let router = Router(scenario: scenario, cache: .forCommands)
      var state = Session.initialState(
        router: router, size: size, themeName: display.theme, themeNames: [display.theme], scenarioNames: ScenarioLoader.builtIn, text: text)
      var models = ModelStrategies(scenario: router.scenario)
      models.textChanged(text, &state)
      var out = FileOutput(fd: 1)
      for line in view(state, size: size).buffer.lines() { out.writeLine(line) }
      out.flush()
      return
    }
    var names = ScenarioLoader.builtIn
    if !names.contains(scenarioOptions.scenario) { names.append(scenarioOptions.scenario) }
    try PlaygroundRunner(
      build: RouterBuild(scenario), themeName: display.theme, color: display.colorProfile, mouse: !display.noMouse, logPath: log,
      redact: redact, scenarioNames: names, startText: text, demoScript: nil
    ).run()
  }
}

/// `WxH` sizes for --dump.
enum DumpSize {
  static func parse(_ text: String) -> Size? {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else {
      return nil
    }
    return Size(width: w, height: h)
  }
}
