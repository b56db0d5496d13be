import Foundation
import TestSupport

extension CommandRunner {
  /// Input files for the command-line tests.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}
