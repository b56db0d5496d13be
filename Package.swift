// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "routerlab",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "routerlab", targets: ["routerlab"]),
    .library(name: "RouterCore", targets: ["RouterCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // A small TOML-subset reader that keeps the line of every value, for file:line errors.
    .target(name: "ConfigFile"),
    // Pure routing: scenarios, strategies, decision flow, cost model, evaluation. No terminal.
    .target(
      name: "RouterCore",
      dependencies: ["ConfigFile"],
      resources: [.copy("Resources/Scenarios"), .copy("Resources/Embeddings")],
      // Training the classifier at start-up is arithmetic the unoptimised debug build runs ~20×
      // slower; optimising this one target keeps `swift run routerlab` and the tests starting fast.
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
    ),
    // Terminal-neutral UI primitives: cells, buffer, width, layout, events, themes.
    .target(name: "TerminalUI", dependencies: ["ConfigFile"]),
    // The playground app: State, Msg, update, view. Pure.
    .target(name: "Playground", dependencies: ["RouterCore", "TerminalUI"]),
    // The C shim over ncursesw.
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    // The only code that talks to the terminal.
    .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
    // The only networking code: an OpenAI-compatible chat client over URLSession.
    .target(name: "LLMHTTP", dependencies: ["RouterCore"]),
    // Helpers for tests: a loopback HTTP server that speaks the OpenAI chat API, with faults.
    .target(name: "TestSupport", dependencies: ["RouterCore"]),
    .executableTarget(
      name: "routerlab",
      dependencies: [
        "RouterCore", "TerminalUI", "Playground", "NcursesBackend",
        "LLMHTTP",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "RouterCoreTests", dependencies: ["RouterCore", "ConfigFile"], exclude: ["Fixtures"]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "ConfigFile"]),
    .testTarget(
      name: "PlaygroundTests",
      dependencies: ["Playground", "RouterCore", "TerminalUI"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "RouterLabTests", dependencies: ["RouterCore", "Playground", "TerminalUI", "TestSupport", "routerlab"], exclude: ["Fixtures"]
    ),
    .testTarget(name: "LLMTests", dependencies: ["RouterCore", "LLMHTTP", "TestSupport", "routerlab"]),
  ],
  swiftLanguageModes: [.v6]
)
