import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Time since this process started, for the start-to-first-frame benchmark.
enum StartupClock {
  /// Milliseconds since the kernel started this process (Linux: /proc/self/stat field 22 against
  /// CLOCK_BOOTTIME); nil where that is not available.
  static func millisecondsSinceProcessStart() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name: state is field 3, starttime is field 22.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let startTicks = Double(fields[19]) else { return nil }
    let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    var now = timespec()
    clock_gettime(CLOCK_BOOTTIME, &now)
    let nowSeconds = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    return (nowSeconds - startTicks / ticksPerSecond) * 1000
  }

  /// The file ROUTERLAB_STARTUP_REPORT names, if any.
  private static var reportPath: String? {
    ProcessInfo.processInfo.environment["ROUTERLAB_STARTUP_REPORT"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Milliseconds since start, as the report writes them.
  private static var nowText: String {
    millisecondsSinceProcessStart().map { String(format: "%.1f", $0) } ?? "unknown"
  }

  /// When ROUTERLAB_STARTUP_REPORT names a file, writes the time to the first frame and the
  /// resident memory there (used by scripts/bench-playground.sh).
  static func reportFirstFrame(allStrategies: Bool) {
    guard let path = reportPath else { return }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let ms = nowText
    var text = "first_frame_ms=\(ms)\nmax_rss_mb=\(String(format: "%.1f", Double(usage.ru_maxrss) / 1024))\n"
    if allStrategies { text += "all_strategies_ms=\(ms)\n" }
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Adds the time at which every strategy was on screen, when the router trained after the
  /// first frame.
  static func reportTrained() {
    guard let path = reportPath, let before = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    try? (before + "all_strategies_ms=\(nowText)\n").write(toFile: path, atomically: true, encoding: .utf8)
  }
}
