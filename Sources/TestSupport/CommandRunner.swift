import Foundation

/// Runs the built `routerlab` binary as a user's script would, with the environment it is given
/// (LLM endpoint variables of the caller are removed, so tests never reach a real model by accident).
public enum CommandRunner {
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
  }

  /// The `routerlab` built next to the test bundle.
  public static let binary: URL = {
    let dir = Bundle.main.bundleURL
    let candidates = [dir.appendingPathComponent("routerlab"), dir.deletingLastPathComponent().appendingPathComponent("routerlab")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for key in env.keys where key.hasPrefix("ROUTERLAB_LLM") { env[key] = nil }
    // Tests train afresh and leave no weights in the user's cache, unless a test asks for a cache.
    if environment["ROUTERLAB_CACHE_DIR"] == nil { env["ROUTERLAB_NO_CACHE"] = "1" }
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
      let writer = Thread {
        input.fileHandleForWriting.write(stdin)
        try? input.fileHandleForWriting.close()
      }
      writer.start()
    }
    let errReader = LockedData()
    let errThread = Thread { errReader.set(err.fileHandleForReading.readDataToEndOfFile()) }
    errThread.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errReader.done { usleep(1000) }
    return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                  stderr: String(decoding: errReader.data, as: UTF8.self))
  }

  /// Standard error read on another thread, so neither pipe can fill up and block the child.
  private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Data?
    func set(_ d: Data) { lock.lock(); value = d; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return value != nil }
    var data: Data { lock.lock(); defer { lock.unlock() }; return value ?? Data() }
  }
}
