import Foundation
import Playground
import TerminalUI
import Testing

@Suite struct KeymapTests {
  @Test("the README's key table is generated from the keymap and is current")
  func readmeIsCurrent() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = root.appendingPathComponent("README.md")
    let readme = try String(contentsOf: file, encoding: .utf8)
    let begin = "<!-- keys: generated from Sources/Playground/Keymap.swift by KeymapTests -->\n"
    let end = "<!-- /keys -->"
    guard let a = readme.range(of: begin), let b = readme.range(of: end, range: a.upperBound..<readme.endIndex) else {
      Issue.record("README.md has no generated key table")
      return
    }
    let current = String(readme[a.upperBound..<b.lowerBound])
    if current != Keymap.markdown, ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try readme.replacingCharacters(in: a.upperBound..<b.lowerBound, with: Keymap.markdown)
        .write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(current == Keymap.markdown, "run the tests with RECORD_SNAPSHOTS=1 to regenerate the README's key table")
  }

  @Test("no key is bound twice in the same context")
  func noConflicts() {
    var seen: Set<String> = []
    for b in Keymap.bindings {
      for k in b.keys {
        let id = "\(b.context.rawValue):\(k)"
        #expect(!seen.contains(id), "\(id) bound twice")
        seen.insert(id)
      }
    }
  }
}
