import Foundation

/// A private tmux server running the built `routerlab`, driven like a person at a terminal.
///
/// Each session uses its own socket (`tmux -L`), so tests never touch a user's tmux.
final class TmuxSession {
  let socket = "routerlab-test-\(UUID().uuidString.prefix(8))"
  let name = "app"

  static var isAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
  }

  init(width: Int, height: Int, command: String) throws {
    // `; sleep 30` keeps the pane readable after the program exits, to check what it left behind.
    // The server this starts outlives the call, so it must not inherit a pipe we read to its end.
    try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
              "env TERM=tmux-256color LANG=C.UTF-8 ROUTERLAB_NO_CACHE=1 \(command); sleep 30"], capture: false)
  }

  deinit {
    _ = try? tmux(["kill-server"])
  }

  @discardableResult
  func tmux(_ args: [String], capture: Bool = true) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["tmux", "-L", socket] + args
    p.standardInput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard capture else {
      try Self.spawnDetached(["tmux", "-L", socket] + args)
      return ""
    }
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Runs a command that leaves a daemon behind (tmux's server) and waits for the command
  /// itself. The shell closes every descriptor above 2 before running it: a daemon holding one
  /// of Foundation's process-watching descriptors would make `waitUntilExit` wait forever.
  static func spawnDetached(_ args: [String]) throws {
    let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    let script = "for fd in /proc/$$/fd/*; do n=${fd##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\"; done; exec \(quoted)"
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["-c", script]
    p.standardInput = FileHandle.nullDevice
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
  }

  /// The visible screen as text.
  func screen() throws -> String { try tmux(["capture-pane", "-t", name, "-p"]) }

  /// Waits until the screen satisfies `condition`, polling; returns the last screen either way.
  @discardableResult
  func waitFor(timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return last
  }

  func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
  func keys(_ names: String...) throws { try tmux(["send-keys", "-t", name] + names) }

  /// Writes an SGR mouse report into the pane, as a terminal would (x, y 0-based).
  func mouse(button: Int, x: Int, y: Int, release: Bool = false) throws {
    try type("\u{1B}[<\(button);\(x + 1);\(y + 1)\(release ? "m" : "M")")
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Mouse and screen modes the program has asked tmux for: standard, button, any, sgr, alternate.
  func modes() throws -> String {
    try tmux(["display", "-t", name, "-p",
              "#{mouse_standard_flag} #{mouse_button_flag} #{mouse_any_flag} #{mouse_sgr_flag} #{alternate_on}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
