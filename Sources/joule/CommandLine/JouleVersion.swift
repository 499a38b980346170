/// The version `joule --version` prints.
enum JouleVersion {
  static let current = "0.2.0"
}
