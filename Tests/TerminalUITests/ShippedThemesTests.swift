import ConfigFile
import Foundation
import Testing

@testable import TerminalUI

@Suite struct ShippedThemesTests {
  let catalog = ThemeCatalog(directory: ThemeCatalog.packageThemesDirectory)

  @Test("the package ships the four themes")
  func names() {
    #expect(catalog.names() == ["default", "high-contrast", "light", "mono"])
  }

  @Test(
    "every shipped theme parses and defines every role",
    arguments: [
      "default", "high-contrast", "light", "mono",
    ])
  func parses(_ name: String) throws {
    let theme = try catalog.load(name)
    #expect(theme.name == name)
    #expect(Set(theme.colors.keys) == Set(Role.allCases))
    for profile in ColorProfile.allCases {
      _ = theme.resolve(profile)
    }
  }

  @Test("every colour line of a shipped theme says what it colours")
  func commented() throws {
    for name in catalog.names() {
      let text = try String(contentsOfFile: catalog.path(of: name), encoding: .utf8)
      for line in text.split(separator: "\n") where !line.hasPrefix("#") && line.contains("=") {
        #expect(line.contains("#") && line.split(separator: "#").count >= 2, "\(name): \(line)")
        #expect(line.range(of: " # ") != nil, "\(name): \(line)")
      }
    }
  }

  @Test("route colours are distinct on every profile of every theme")
  func routeColoursDistinct() throws {
    for name in catalog.names() {
      let theme = try catalog.load(name)
      for profile in ColorProfile.allCases {
        let resolved = theme.resolve(profile)
        let routes = [resolved[.success], resolved[.info], resolved[.danger]]
        #expect(Set(routes).count == 3, "\(name) on \(profile)")
      }
    }
  }

  @Test("the built-in fallback has the colours of default.toml")
  func fallbackMatchesDefault() throws {
    let file = try catalog.load("default")
    #expect(file.colors == Theme.fallback.colors)
    #expect(file.dark == Theme.fallback.dark)
  }

  @Test("high contrast is bold everywhere it matters and paints its own background")
  func highContrast() throws {
    let theme = try catalog.load("high-contrast")
    for role in [Role.text, .title, .accent, .success, .danger, .info] {
      #expect(theme[role].attributes.contains(.bold), "\(role)")
    }
    for role in Role.allCases where role != .selection {
      #expect(theme[role].bg == .rgb(RGB(red: 0, green: 0, blue: 0)), "\(role)")
    }
  }
}

@Suite struct ThemeCatalogTests {
  @Test("ROUTERLAB_THEMES wins, even when missing, so typos are reported")
  func environment() {
    let found = ThemeCatalog.locateDirectory(
      environment: ["ROUTERLAB_THEMES": "/nowhere/themes"], currentDirectory: "/tmp",
      packageDirectory: "/also/nowhere")
    #expect(found == "/nowhere/themes")
  }

  @Test("./themes comes before the package's own folder")
  func currentDirectory() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("routerlab-catalog-\(UUID().uuidString)")
    let themes = root.appendingPathComponent("themes")
    try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let found = ThemeCatalog.locateDirectory(
      environment: [:], currentDirectory: root.path, packageDirectory: "/also/nowhere")
    #expect(found == themes.path)
    let fallback = ThemeCatalog.locateDirectory(
      environment: ["ROUTERLAB_THEMES": ""], currentDirectory: "/nonexistent",
      packageDirectory: ThemeCatalog.packageThemesDirectory)
    #expect(fallback == ThemeCatalog.packageThemesDirectory)
    #expect(
      ThemeCatalog.locateDirectory(
        environment: [:], currentDirectory: "/nonexistent", packageDirectory: "/nonexistent")
        == nil)
  }

  @Test("the package themes folder is found from the source path")
  func packageFolder() {
    #expect(ThemeCatalog.packageThemesDirectory.hasSuffix("/themes"))
    #expect(
      FileManager.default.fileExists(
        atPath: ThemeCatalog.packageThemesDirectory + "/default.toml"))
  }

  @Test("an unknown theme name lists the available ones; a path loads directly")
  func loadByNameOrPath() throws {
    let catalog = ThemeCatalog(directory: ThemeCatalog.packageThemesDirectory)
    let path = catalog.path(of: "nope")
    #expect(
      throws: ConfigError(
        file: path, line: 0,
        message: "no theme named 'nope' (available: default, high-contrast, light, mono)")
    ) {
      try catalog.load("nope")
    }
    let light = try catalog.load(catalog.path(of: "light"))
    #expect(light.name == "light" && !light.dark)
  }
}
