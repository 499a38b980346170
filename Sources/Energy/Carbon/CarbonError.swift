/// What can go wrong looking up a grid's carbon intensity; the description is the user's message.
///
///     CarbonError.unknownCountry("NLX", nearest: [...], origin: nil).description
///     // unknown country code "NLX"; nearest: NLD (Netherlands), ...
public enum CarbonError: Error, CustomStringConvertible, Equatable {
  /// `origin` names where the code came from when not from the call itself ("JOULE_COUNTRY").
  case unknownCountry(String, nearest: [GridIntensity], origin: String?)
  case invalidIntensity(Double)

  public var description: String {
    switch self {
    case let .unknownCountry(code, nearest, origin):
      let list = nearest.map { "\($0.isoCode) (\($0.countryName))" }.joined(separator: ", ")
      let from = origin.map { " (from \($0))" } ?? ""
      return "unknown country code \"\(code)\"\(from); nearest: \(list) (ISO 3166-1 alpha-3; \(GridIntensity.all.count) countries known)"
    case .invalidIntensity(let g):
      return "intensity must be a non-negative number of g/kWh, got \(g)"
    }
  }
}
