import Foundation
import RouterCore

extension ModelCache {
  /// The cache the commands use (see `ModelCache.standard`), salted with this executable's size
  /// and modification time so a rebuilt program trains afresh; nil when the executable cannot
  /// be found (then every start trains).
  static let forCommands: ModelCache? = {
    let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? NSNumber,
      let date = attributes[.modificationDate] as? Date
    else { return nil }
    return standard(salt: "\(path) \(size) \(date.timeIntervalSince1970)")
  }()
}
