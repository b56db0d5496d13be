#!/usr/bin/env bash
# Release-build benchmark of the embedding strategy (EmbeddingBenchmark.run): table load time,
# resident memory, µs per message, and dev accuracy. It builds a throw-away package under
# .build-emb-bench/ (git-ignored) holding RouterCore and a three-line main, so it runs even while
# other targets of the tree are mid-edit.
# Usage: scripts/bench-embedding.sh [scenario] [rounds]
#        scripts/bench-embedding.sh --hybrid-cv [scenario]   (hybrid flow at several embedding weights,
#                                                            5-fold CV on the training split)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.build-emb-bench"
mkdir -p "$dir/Sources/bench"
ln -sfn "$root/Sources/RouterCore" "$dir/Sources/RouterCore"
ln -sfn "$root/Sources/ConfigFile" "$dir/Sources/ConfigFile"
cat > "$dir/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
  name: "embbench",
  platforms: [.macOS(.v14)],
  targets: [
    .target(name: "ConfigFile"),
    .target(name: "RouterCore", dependencies: ["ConfigFile"],
            resources: [.copy("Resources/Scenarios"), .copy("Resources/Embeddings")]),
    .executableTarget(name: "bench", dependencies: ["RouterCore"]),
  ],
  swiftLanguageModes: [.v6]
)
SWIFT
cat > "$dir/Sources/bench/main.swift" <<'SWIFT'
import RouterCore

var args = Array(CommandLine.arguments.dropFirst())
let hybridCV = args.first == "--hybrid-cv"
if hybridCV { args.removeFirst() }
let scenario = try ScenarioLoader.load(args.first ?? "clinic")
if hybridCV {
  // How the hybrid flow does with the embedding mixed in at several weights: 5-fold
  // cross-validation on the training split (dev is not used to choose).
  let weights = [0.0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.5]
  let rows = Evaluation.crossValidate(scenario, folds: 5) { s in
    let rules = KeywordRules(scenario: s)
    let classifier = LearnedClassifier(scenario: s)
    let encoder = try? StaticEmbeddingEncoder.bundled()
    return weights.map { w -> any RoutingStrategy in
      var settings = EmbeddingSettings()
      settings.hybridWeight = w
      let e = EmbeddingStrategy(scenario: s, encoder: encoder, settings: settings)
      return Named(name: "hybrid w=\(w)", base: HybridFlow(scenario: s, rules: rules, classifier: classifier, embedding: e))
    }
  }
  let human = scenario.routes.first(where: \.isHuman)?.name ?? ""
  print("5-fold CV on the \(scenario.name) training split: accuracy, \(human) recall, quality preserved, $/message")
  for r in rows where r.name.hasPrefix("hybrid w=") || r.name == "embedding" || r.name == "classifier" {
    let pct = { (x: Double?) in x.map { String(Int(($0 * 1000).rounded())).paddedTenths } ?? "-" }
    print("  \(r.name)\t\(pct(r.accuracy))\t\(pct(r.recall(human)))\t\(pct(r.qualityPreserved))\t\((r.costPerMessage * 10_000).rounded() / 10_000)")
  }
} else {
  print(EmbeddingBenchmark.run(scenario: scenario, rounds: args.count > 1 ? Int(args[1]) ?? 20 : 20))
}

/// A strategy under another name, so several hybrid variants can share one evaluation.
struct Named: RoutingStrategy {
  let name: String
  let base: any RoutingStrategy
  var title: String { name }
  func route(_ query: Query) -> Verdict { base.route(query) }
}

extension String {
  /// "823" -> "82.3%".
  var paddedTenths: String { count < 2 ? "0.\(self)%" : "\(dropLast()).\(suffix(1))%" }
}
SWIFT
cd "$dir"
swift build -c release --product bench >&2
exec "$dir/.build/release/bench" "$@"
