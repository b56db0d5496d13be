import ArgumentParser

/// The `routerlab` command: the playground by default, and scriptable subcommands.
@main
struct RouterLab: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "routerlab",
    abstract: "See, teach and tune how LLM requests get routed.",
    discussion: """
      With no subcommand, opens the terminal playground. Every routing decision the playground \
      shows can be checked from a script with `route`, `eval` and `cost`.
      """,
    version: "0.1.0",
    subcommands: [
      PlayCommand.self, DemoCommand.self, RouteCommand.self, EvalCommand.self, CostCommand.self, LogCommand.self,
      BenchCommand.self,
    ],
    defaultSubcommand: PlayCommand.self
  )
}
