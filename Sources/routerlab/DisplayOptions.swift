import ArgumentParser
import TerminalUI

/// How the playground draws, shared by `play` and `demo`: theme, colours, mouse.
struct DisplayOptions: ParsableArguments {
  @Option(name: .long, help: "Theme: a name from themes/ (default, light, high-contrast, mono; high-contrast suits projectors) or a path to a .toml file.")
  var theme: String = "default"

  @Option(name: .long, help: "Colours: auto, 256, 16, 8 or mono (NO_COLOR also selects mono).")
  var color: String = "auto"

  @Flag(name: .long, help: "Do not capture the mouse (lets the terminal select text).")
  var noMouse = false

  func validate() throws {
    if !["auto", "256", "16", "8", "mono"].contains(color) {
      throw ValidationError("--color takes auto, 256, 16, 8 or mono")
    }
  }

  /// The colour profile asked for; nil for auto.
  var colorProfile: ColorProfile? { ColorProfile(argument: color) }
}
