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
