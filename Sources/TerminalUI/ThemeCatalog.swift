import ConfigFile
import Foundation

/// The themes in a themes directory, and where that directory is.
public struct ThemeCatalog: Sendable {
  /// The directory holding `*.toml` theme files.
  public let directory: String

  /// A catalog of the themes in `directory`.
  public init(directory: String) {
    self.directory = directory
  }

  /// The catalog of the themes directory found by `locateDirectory`, or nil when none exists.
  public static func locate() -> ThemeCatalog? {
    locateDirectory().map(ThemeCatalog.init(directory:))
  }

  /// The `themes` folder of this package's source tree, derived from this file's path, so that
  /// `swift run` finds the themes from any working directory of any clone.
  public static let packageThemesDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // ThemeCatalog.swift, TerminalUI, Sources
    return url.appendingPathComponent("themes").path
  }()

  /// Where themes live: `$ROUTERLAB_THEMES` when set (even if missing, so a typo is reported
  /// rather than silently ignored), else `./themes`, else the package's own `themes` folder;
  /// nil when neither folder exists.
  public static func locateDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    packageDirectory: String = packageThemesDirectory
  ) -> String? {
    if let configured = environment["ROUTERLAB_THEMES"], !configured.isEmpty {
      return configured
    }
    let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent("themes").path
    for candidate in [local, packageDirectory] where isDirectory(candidate) {
      return candidate
    }
    return nil
  }

  /// Names of the themes (file names without `.toml`), sorted; empty when the directory is
  /// missing or unreadable.
  public func names() -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return files.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(5)) }
      .sorted()
  }

  /// Path of the theme file called `name` (`dark` → `<directory>/dark.toml`).
  public func path(of name: String) -> String {
    URL(fileURLWithPath: directory).appendingPathComponent(name + ".toml").path
  }

  /// Loads the theme called `name`, or a theme file given by path (containing `/` or ending in
  /// `.toml`); errors name the file and line, and list the available themes when not found.
  public func load(_ name: String) throws(ConfigError) -> Theme {
    let isPath = name.contains("/") || name.hasSuffix(".toml")
    let file = isPath ? name : path(of: name)
    if !isPath, !FileManager.default.fileExists(atPath: file) {
      let available = names()
      let list =
        available.isEmpty ? "none found in \(directory)" : available.joined(separator: ", ")
      throw ConfigError(
        file: file, line: 0, message: "no theme named '\(name)' (available: \(list))")
    }
    return try ThemeFile.load(path: file)
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
