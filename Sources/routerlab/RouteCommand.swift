import ArgumentParser
import Dispatch
import Foundation
import RouterCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `routerlab route`: one decision as JSON, or a JSON Lines stream of them.
struct RouteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "route",
    abstract: "Route a message and print {\"route\", \"reason\"} as JSON.",
    discussion: """
      With --jsonl, reads JSON Lines on standard input (objects with a "text" field; other fields \
      are ignored) and writes one JSON object per input line, in order. A line that cannot be \
      read gets {"line": N, "error": "..."} in its place and routing goes on.
      """
  )

  @OptionGroup var scenarioOptions: ScenarioOptions
  @OptionGroup var llmOptions: LLMOptions

  @Argument(help: "The message to route (omit with --jsonl).")
  var text: String?

  @Option(name: .long, help: "Strategy to use: rules, heuristic, classifier, hybrid, llm, cascade.")
  var strategy: String = Router.defaultStrategy

  @Flag(name: .long, help: "Print every strategy's verdict as well.")
  var all = false

  @Flag(name: .long, help: "Read JSON Lines from standard input, write one decision per line.")
  var jsonl = false

  @Option(name: .long, help: "Append every decision to this JSON Lines file (created with mode 0600).")
  var log: String?

  @Flag(name: .long, help: "In the log, write a SHA-256 of the text instead of the text.")
  var redact = false

  func validate() throws {
    if jsonl && text != nil { throw ValidationError("give a message or --jsonl, not both") }
    if !jsonl && text == nil { throw ValidationError("give a message to route, or --jsonl to read JSON Lines from standard input") }
    if redact && log == nil { throw ValidationError("--redact applies to --log; add --log PATH") }
  }

  func run() throws {
    let scenario = try scenarioOptions.load()
    let extra = llmOptions.strategies(for: scenario, named: llmOptions.neededNames(strategy: strategy, scenario: scenario))
    let router = Router(scenario: scenario, extra: extra, cache: .forCommands)
    guard let chosen = router.strategy(named: strategy) else {
      throw ValidationError("unknown strategy '\(strategy)' (strategies: \(router.strategyNames.joined(separator: ", ")))")
    }
    let logFile = try log.map { try DecisionLogFile(path: $0) }
    let decide = Decider(router: router, strategy: chosen, all: all, log: logFile, redact: redact,
                         hooks: try llmOptions.hooks(router: router))
    var out = FileOutput(fd: 1)
    if let text {
      out.writeLine(decide(text))
      out.flush()
      return
    }
    // The lines of each read are routed together, on every core when decisions do not depend
    // on one another, then written in order and flushed, so a caller feeding one line at a
    // time gets each answer straight away.
    var errors = 0
    var lineNumber = 0
    var batch: [NumberedLine] = []
    // Independent decisions only: no log (written in order), no budget (spent in order), and no
    // model calls (their breakers and rate limits see calls in order).
    let parallel = logFile == nil && decide.hooks?.gate == nil && extra.isEmpty
    func drain() {
      for answer in Self.answers(batch, decide: decide, parallel: parallel) {
        if answer.isError { errors += 1 }
        out.writeLine(answer.json)
      }
      batch.removeAll(keepingCapacity: true)
    }
    let readAll = LineReader(fd: 0, maxLineBytes: LineReader.defaultMaxLine).forEachLine { line in
      lineNumber += 1
      batch.append(NumberedLine(line: line, number: lineNumber))
      if batch.count >= Self.batchLimit { drain() }
    } endOfRead: {
      drain()
      out.flush()
    }
    out.flush()
    if errors > 0 {
      printError("routerlab route: \(errors) of \(lineNumber) lines could not be routed (see their \"error\" fields)")
    }
    if !readAll { throw ExitCode(1) }
  }
}

extension RouteCommand {
  /// One input line's answer: a decision, or `{"line": N, "error": …}`.
  struct Answer {
    var json: String
    var isError: Bool
  }

  struct NumberedLine {
    var line: LineReader.Line
    var number: Int
    var byteCount: Int {
      if case .bytes(let b) = line { return b.count }
      return 0
    }
  }

  /// Most lines routed before their answers are written (a read of 64 KiB holds fewer).
  static let batchLimit = 4096
  /// Fewer lines than this are routed on the calling thread: splitting them costs more than it saves.
  static let parallelMinimum = 32

  /// The answers to `batch`, in order. With `parallel`, the lines are split into one contiguous
  /// run per core and routed at once (the router is immutable, and each answer depends on its
  /// line only, so the output is the same as routing them one by one).
  static func answers(_ batch: [NumberedLine], decide: Decider, parallel: Bool,
                      cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Answer] {
    let workers = min(cores, 8, batch.count / parallelMinimum)
    guard parallel, workers > 1 else {
      return batch.map { answer($0.line, lineNumber: $0.number, decide: decide) }
    }
    var results = [Answer](repeating: Answer(json: "", isError: false), count: batch.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each worker writes its own run of indices only.
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        let range = (batch.count * w / workers)..<(batch.count * (w + 1) / workers)
        for i in range { slots[i] = answer(batch[i].line, lineNumber: batch[i].number, decide: decide) }
      }
    }
    return results
  }

  static func answer(_ line: LineReader.Line, lineNumber: Int, decide: Decider) -> Answer {
    let bytes: ArraySlice<UInt8>
    switch line {
    case .tooLong:
      return Answer(json: "{\"line\":\(lineNumber),\"error\":\"line longer than \(LineReader.defaultMaxLine) bytes; skipped\"}",
                    isError: true)
    case .bytes(let b): bytes = b
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      return Answer(json: "{\"line\":\(lineNumber),\"error\":\"empty line\"}", isError: true)
    }
    do {
      let value = try JSONValue.parse(bytes)
      guard case .object = value else {
        return Answer(json: "{\"line\":\(lineNumber),\"error\":\"expected a JSON object with a \\\"text\\\" field\"}", isError: true)
      }
      guard let text = value["text"]?.stringValue else {
        return Answer(json: "{\"line\":\(lineNumber),\"error\":\"no string field \\\"text\\\"\"}", isError: true)
      }
      return Answer(json: decide(text), isError: false)
    } catch {
      return Answer(json: "{\"line\":\(lineNumber),\"error\":\(JSONText.quote("not JSON: \(error)"))}", isError: true)
    }
  }
}

/// Routes one text and formats the JSON answer, logging the decision when asked.
struct Decider: Sendable {
  let router: Router
  let strategy: any RoutingStrategy
  let all: Bool
  let log: DecisionLogFile?
  let redact: Bool
  /// Waiting for model answers, the budget gate and shadow mode; nil routes offline only.
  var hooks: ProductionHooks? = nil

  func callAsFunction(_ text: String) -> String {
    let query = Query(text)
    var verdicts: [Verdict]
    var chosen: Verdict
    if all || log != nil {
      verdicts = router.strategies.map { resolve(query, $0) }
      chosen = verdicts.first { $0.strategy == strategy.name } ?? resolve(query, strategy)
    } else {
      chosen = resolve(query, strategy)
      verdicts = [chosen]
    }
    if let hooks {
      chosen = hooks.settle(chosen)
      if let i = verdicts.firstIndex(where: { $0.strategy == chosen.strategy }) { verdicts[i] = chosen }
    }
    if let log {
      var record = DecisionRecord(scenario: router.scenario.name, text: text, verdicts: verdicts,
                                  finalStrategy: strategy.name, redact: redact)
      record.shadow = hooks?.shadowVerdict(query)
      log.append(record)
    }
    var json = "{\"route\":\(chosen.route.map(JSONText.quote) ?? "null"),\"reason\":\(JSONText.quote(chosen.reason))"
    if all {
      json += ",\"strategy\":\(JSONText.quote(chosen.strategy)),\"verdicts\":[" + verdicts.map(\.json).joined(separator: ",") + "]"
    }
    return json + "}"
  }
}

extension Decider {
  /// A method, not a closure: a closure capturing `self` copied the whole decider (router,
  /// hooks) for every message.
  private func resolve(_ query: Query, _ s: any RoutingStrategy) -> Verdict {
    if let hooks { return hooks.resolve(query, s) }
    return router.route(query, with: s)
  }
}

/// Reads lines from a file descriptor in large chunks with bounded memory.
struct LineReader {
  let fd: Int32
  let maxLineBytes: Int
  static let defaultMaxLine = 4 << 20

  /// A line without its newline, or the mark of one that was too long and dropped.
  enum Line {
    case bytes(ArraySlice<UInt8>)
    case tooLong
  }

  /// Calls `body` with each line and `endOfRead` after the lines of each read (and after the
  /// last line). A line longer than `maxLineBytes` comes as `.tooLong`, once, and its bytes are
  /// dropped, so memory stays bounded. Returns false when reading failed (the error is
  /// printed), true at the end of input.
  @discardableResult
  func forEachLine(_ body: (Line) -> Void, endOfRead: () -> Void = {}) -> Bool {
    var failed = false
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var pending: [UInt8] = []
    var dropping = false
    while true {
      let n = chunk.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return read(fd, base, raw.count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK {
          // A non-blocking input: wait until there is something to read.
          var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
          _ = poll(&descriptor, 1, -1)
          continue
        }
        printError("routerlab: reading standard input failed: \(String(cString: strerror(errno)))")
        failed = true
        break
      }
      if n == 0 { break }
      var start = 0
      for i in 0..<n where chunk[i] == 0x0A {
        if dropping {
          dropping = false
        } else if pending.isEmpty {
          body(.bytes(chunk[start..<i]))
        } else {
          pending.append(contentsOf: chunk[start..<i])
          body(.bytes(pending[...]))
          pending.removeAll(keepingCapacity: true)
        }
        start = i + 1
      }
      if start < n && !dropping {
        pending.append(contentsOf: chunk[start..<n])
        if pending.count > maxLineBytes {
          body(.tooLong)
          pending.removeAll()
          dropping = true
        }
      }
      endOfRead()
    }
    if !pending.isEmpty && !dropping { body(.bytes(pending[...])) }
    endOfRead()
    return !failed
  }
}
