import Tune
import Foundation

/// Where a study store lives: an SQLite file, or a PostgreSQL database shared by many workers.
///
///     StoreLocation("studies.sqlite")                              // .sqlite(path: "studies.sqlite")
///     StoreLocation("postgresql://joule:pw@db.lab:5432/studies")  // .postgres(url: ...)
///     StoreLocation("postgresql://joule:pw@db.lab/studies").display
///                                                      // "postgresql://joule:***@db.lab/studies"
///
/// `postgres://` is accepted too, as libpq and Optuna accept it. Anything else is a file path.
public enum StoreLocation: Equatable, Sendable {
  case sqlite(path: String)
  case postgres(url: String)

  public init(_ text: String) {
    let lower = text.lowercased()
    if lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") {
      self = .postgres(url: text)
    } else {
      self = .sqlite(path: text)
    }
  }

  public var isShared: Bool { if case .postgres = self { return true } else { return false } }

  /// The location as it may be printed: a URL's password replaced by `***`.
  public var display: String {
    switch self {
    case .sqlite(let path): return path
    case .postgres(let url): return StoreLocation.masked(url)
    }
  }

  /// `scheme://user:secret@host/db` → `scheme://user:***@host/db`; also masks a `password=`
  /// query parameter, the other place libpq reads one from.
  public static func masked(_ url: String) -> String {
    var out = url
    if let scheme = out.range(of: "://") {
      let rest = out[scheme.upperBound...]
      let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
      if let at = rest[..<authorityEnd].lastIndex(of: "@"),
         let colon = rest[..<at].firstIndex(of: ":") {
        out.replaceSubrange(out.index(after: colon)..<at, with: "***")
      }
    }
    if let r = out.range(of: "password=", options: .caseInsensitive) {
      let end = out[r.upperBound...].firstIndex(of: "&") ?? out.endIndex
      out.replaceSubrange(r.upperBound..<end, with: "***")
    }
    return out
  }
}
