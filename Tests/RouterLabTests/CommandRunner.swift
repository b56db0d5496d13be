import Foundation

/// Runs the built `routerlab` binary and captures what it prints, as a user's script would.
struct CommandRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
  }

  static let binary: URL = {
    let dir = Bundle.main.bundleURL
    let candidates = [dir.appendingPathComponent("routerlab"), dir.deletingLastPathComponent().appendingPathComponent("routerlab")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
      // Write from another thread so a large input cannot deadlock against a full output pipe.
      let writer = Thread {
        input.fileHandleForWriting.write(stdin)
        try? input.fileHandleForWriting.close()
      }
      writer.start()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                  stderr: String(decoding: errData, as: UTF8.self))
  }
}
