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

  /// When ROUTERLAB_STARTUP_REPORT names a file, writes the time to the first frame and the
  /// resident memory there (used by scripts/bench-playground.sh).
  static func reportFirstFrame(allStrategies: Bool) {
    guard let path = ProcessInfo.processInfo.environment["ROUTERLAB_STARTUP_REPORT"], !path.isEmpty else { return }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let ms = millisecondsSinceProcessStart().map { String(format: "%.1f", $0) } ?? "unknown"
    var text = "first_frame_ms=\(ms)\nmax_rss_mb=\(String(format: "%.1f", Double(usage.ru_maxrss) / 1024))\n"
    if allStrategies { text += "all_strategies_ms=\(ms)\n" }
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Adds the time at which every strategy was on screen, when the router trained after the
  /// first frame.
  static func reportTrained() {
    guard let path = ProcessInfo.processInfo.environment["ROUTERLAB_STARTUP_REPORT"], !path.isEmpty,
      let before = try? String(contentsOfFile: path, encoding: .utf8)
    else { return }
    let ms = millisecondsSinceProcessStart().map { String(format: "%.1f", $0) } ?? "unknown"
    try? (before + "all_strategies_ms=\(ms)\n").write(toFile: path, atomically: true, encoding: .utf8)
  }
}
