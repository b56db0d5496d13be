import Foundation
import Playground
import TerminalUI
import Testing

@Suite struct KeymapTests {
  @Test("docs/keybindings.md is generated from the keymap and is current")
  func docsAreCurrent() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = root.appendingPathComponent("docs/keybindings.md")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Keymap.markdown.write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == Keymap.markdown, "run with RECORD_SNAPSHOTS=1 to regenerate docs/keybindings.md")
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
