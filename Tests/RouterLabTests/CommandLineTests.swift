import Foundation
import TestSupport
import RouterCore
import Testing

@Suite(.serialized) struct CommandLineTests {
  func json(_ line: String) throws -> JSONValue { try JSONValue.parse(line) }

  @Test("route prints {route, reason} for the hybrid flow")
  func route() throws {
    let r = try CommandRunner.run(["route", "I feel unsafe and want to hurt myself"])
    #expect(r.status == 0)
    let v = try json(r.lines[0])
    #expect(v["route"] == .string("human"))
    #expect(v["reason"]?.stringValue?.contains("self-harm") == true)
  }

  @Test("route --all prints every strategy's verdict, --strategy picks another")
  func all() throws {
    let r = try CommandRunner.run(["route", "--all", "Can I take ibuprofen with warfarin?"])
    guard case .array(let verdicts)? = try json(r.lines[0])["verdicts"] else {
      Issue.record("no verdicts in \(r.stdout)")
      return
    }
    #expect(verdicts.compactMap { $0["strategy"]?.stringValue } == ["rules", "heuristic", "classifier", "embedding", "hybrid"])
    let h = try CommandRunner.run(["route", "--strategy", "heuristic", "Can I take ibuprofen with warfarin?"])
    #expect(try json(h.lines[0])["route"] == .string("fast"))
  }

  @Test("route --jsonl answers every line in order, hostile ones with a clear error")
  func jsonlHostile() throws {
    var input = Data()
    input.append(Data("{\"text\": \"What time do you open?\", \"id\": 7}\n".utf8))
    input.append(Data("this is not json\n".utf8))
    input.append(Data("{\"id\": 3}\n".utf8))
    input.append(Data("\n".utf8))
    input.append(Data("{\"text\": \"".utf8) + Data([0xFF, 0xFE]) + Data("help\"}\n".utf8))
    input.append(Data("{\"text\": \"\\u001b[2J\\u0007 I want to kill myself\"}\n".utf8))
    input.append(Data("{\"text\": \"".utf8) + Data(String(repeating: "a", count: 1 << 20).utf8) + Data("\"}\n".utf8))
    input.append(Data("[1, 2]\n".utf8))
    input.append(Data("{\"text\": \"last line without newline\"}".utf8))
    let r = try CommandRunner.run(["route", "--jsonl"], stdin: input)
    #expect(r.status == 0)
    let lines = r.lines
    #expect(lines.count == 9)
    #expect(try json(lines[0])["route"] == .string("fast"))
    #expect(try json(lines[1])["error"]?.stringValue?.hasPrefix("not JSON") == true)
    #expect(try json(lines[1])["line"] == .number(2))
    #expect(try json(lines[2])["error"] == .string("no string field \"text\""))
    #expect(try json(lines[3])["error"] == .string("empty line"))
    #expect(try json(lines[4])["route"] != nil)
    #expect(try json(lines[5])["route"] == .string("human"))
    #expect(try json(lines[6])["route"] != nil)
    #expect(try json(lines[7])["error"] != nil)
    #expect(try json(lines[8])["route"] != nil)
    #expect(r.stderr.contains("4 of 9 lines could not be routed"))
  }

  @Test("route --jsonl on every core answers exactly as one line at a time, in order",
        .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "one core: nothing runs in parallel"))
  func jsonlParallel() throws {
    // Enough lines for each read to be split across cores, with errors among them.
    let texts = ["What time do you open?", "Can I take ibuprofen with warfarin?", "I want to kill myself",
                 "necesito cambiar mi cita", "my chest hurts and my left arm is numb", "thanks!"]
    var input = Data()
    for i in 0..<3000 {
      if i % 97 == 13 {
        input.append(Data("not json \(i)\n".utf8))
      } else {
        input.append(Data("{\"id\": \(i), \"text\": \(JSONText.quote(texts[i % texts.count] + " #\(i)"))}\n".utf8))
      }
    }
    let spread = try CommandRunner.run(["route", "--jsonl"], stdin: input)
    // A decision log makes the command route one line at a time (the log is in input order).
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("routerlab-seq-\(UUID().uuidString).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: log) }
    let single = try CommandRunner.run(["route", "--jsonl", "--log", log], stdin: input)
    #expect(spread.status == 0 && single.status == 0)
    #expect(spread.lines.count == 3000)
    #expect(spread.lines == single.lines)
    #expect(try json(spread.lines[13])["line"] == .number(14))
    #expect(try json(spread.lines[2])["route"] == .string("human"))
  }

  @Test("route --jsonl answers each line as it arrives, before the next is written")
  func jsonlStreams() throws {
    let process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = ["route", "--jsonl"]
    var env = ProcessInfo.processInfo.environment
    env["ROUTERLAB_NO_CACHE"] = "1"
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    let questions = ["What time do you open?", "Can I take ibuprofen with warfarin?", "I want to end my life"]
    var answers: [JSONValue] = []
    for q in questions {
      input.fileHandleForWriting.write(Data("{\"text\": \"\(q)\"}\n".utf8))
      // The answer must come while standard input is still open: wait for one line, 60 s at most.
      guard let line = Self.readLine(output.fileHandleForReading.fileDescriptor, timeoutSeconds: 60) else {
        Issue.record("no answer to \"\(q)\" while the input stayed open")
        return
      }
      answers.append(try json(line))
    }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(answers.map { $0["route"] } == [.string("fast"), .string("expert"), .string("human")])
  }

  /// One line from `fd`, or nil if none arrives in time.
  static func readLine(_ fd: Int32, timeoutSeconds: Int) -> String? {
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
    while Date() < deadline {
      var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&p, 1, 100) > 0 else { continue }
      var byte: UInt8 = 0
      guard read(fd, &byte, 1) == 1 else { return nil }
      if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    return nil
  }

  @Test("the trained model is cached: a second start reads it, and answers the same")
  func modelCache() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("routerlab-cli-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["ROUTERLAB_CACHE_DIR": dir.path]
    let question = "my chest feels tight and my left arm is numb"
    let first = try CommandRunner.run(["route", "--all", question], environment: env)
    // The classifier's weights and the embedding strategy's.
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".weights") }.sorted()
    #expect(files.count == 2)
    let attributes = try FileManager.default.attributesOfItem(atPath: dir.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    let second = try CommandRunner.run(["route", "--all", question], environment: env)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".weights") }.sorted() == files)
    // Same verdicts with trained and read-back weights (latencies aside).
    func routes(_ r: CommandRunner.Result) throws -> [String] {
      guard case .array(let verdicts)? = try json(r.lines[0])["verdicts"] else { return [] }
      return verdicts.map { "\($0["strategy"]?.stringValue ?? "") \($0["route"]?.stringValue ?? "") \($0["reason"]?.stringValue ?? "")" }
    }
    #expect(try routes(first) == routes(second))
    #expect(try routes(first).count == 5)
  }

  @Test("--log writes one JSON line per decision, mode 0600, with a hash under --redact")
  func log() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("routerlab-log-\(UUID().uuidString).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let input = Data("{\"text\": \"secret one\"}\n{\"text\": \"chest pain now\"}\n".utf8)
    let r = try CommandRunner.run(["route", "--jsonl", "--log", path, "--redact"], stdin: input)
    #expect(r.status == 0)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    let first = try json(String(lines[0]))
    #expect(first["text"] == nil)
    #expect(first["text_sha256"] == .string(SHA256.hex("secret one".utf8)))
    guard case .array(let verdicts)? = first["verdicts"] else {
      Issue.record("no verdicts")
      return
    }
    #expect(verdicts.count == 5)
    #expect(verdicts.allSatisfy { $0["reason"] == nil })
    #expect(try json(String(lines[1]))["route"] == .string("human"))
    #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self).contains("secret"))
  }

  @Test("cost prints the seed's figures exactly")
  func cost() throws {
    let r = try CommandRunner.run(["cost", "--queries", "1000", "--mix", "fast=70,expert=30"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("without routing (all expert)        $15.00     $5,475.00"))
    #expect(r.stdout.contains("with routing                         $5.20     $1,898.00"))
    #expect(r.stdout.contains("saving                               $9.80     $3,577.00  (65.3%)"))
    let bad = try CommandRunner.run(["cost", "--mix", "fast=70"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("the mix adds up to 70%, not 100%"))
  }

  @Test("eval scores every strategy on a labelled file, with reference rows")
  func eval() throws {
    let file = CommandRunner.fixtures.appendingPathComponent("labelled.jsonl").path
    let r = try CommandRunner.run(["eval", file, "--json"])
    #expect(r.status == 0)
    guard case .array(let rows)? = try json(r.lines[0])["strategies"] else {
      Issue.record("no strategies in \(r.stdout)")
      return
    }
    #expect(rows.compactMap { $0["strategy"]?.stringValue }
      == ["rules", "heuristic", "classifier", "embedding", "llm", "cascade", "hybrid", "oracle", "always-expert"])
    #expect(rows.first { $0["strategy"] == .string("oracle") }?["accuracy"] == .number(1))
    let text = try CommandRunner.run(["eval", file])
    #expect(text.stdout.contains("human rec"))
  }

  @Test("bad input files are reported with file and line, never a crash")
  func badFiles() throws {
    let badLine = CommandRunner.fixtures.appendingPathComponent("bad-line.jsonl").path
    let r = try CommandRunner.run(["eval", badLine])
    #expect(r.status != 0)
    #expect(r.stderr.contains("bad-line.jsonl:2: not valid JSON"))
    let badScenario = CommandRunner.fixtures.appendingPathComponent("bad-scenario.toml").path
    let s = try CommandRunner.run(["route", "--scenario", badScenario, "hello"])
    #expect(s.status != 0)
    #expect(s.stderr.contains("bad-scenario.toml:9: 'routes[2].cost' must be a number, not a string"))
    let missing = try CommandRunner.run(["eval", "/nonexistent/file.jsonl"])
    #expect(missing.stderr.contains("/nonexistent/file.jsonl: cannot read the file"))
    let strategy = try CommandRunner.run(["route", "--strategy", "magic", "hi"])
    #expect(strategy.stderr.contains("unknown strategy 'magic'"))
  }
}
