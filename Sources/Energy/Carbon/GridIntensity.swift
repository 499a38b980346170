/// The carbon intensity of one country's electricity grid, from the committed table
/// (GridIntensityTable.swift: Our World in Data / Ember figures, as CodeCarbon ships them).
///
///     let nl = try GridIntensity.country("NLD")
///     nl.gramsPerKWh                                    // 267.622 (2023)
///     Carbon.grams(joules: 3.6e6, intensity: nl.gramsPerKWh)
///     try GridIntensity.resolve(country: nil, environment: ["JOULE_COUNTRY": "FRA"])  // France
///
/// Codes are ISO 3166-1 alpha-3, any case; a country's English name is accepted too.
public struct GridIntensity: Equatable, Sendable {
  public let isoCode: String
  public let countryName: String
  /// g CO2e per kWh generated.
  public let gramsPerKWh: Double
  /// The year the figure describes.
  public let year: Int

  public init(isoCode: String, countryName: String, gramsPerKWh: Double, year: Int) {
    self.isoCode = isoCode
    self.countryName = countryName
    self.gramsPerKWh = gramsPerKWh
    self.year = year
  }

  /// Every country in the table, sorted by code.
  public static let all: [GridIntensity] = rows.map {
    GridIntensity(isoCode: $0.0, countryName: $0.1, gramsPerKWh: $0.2, year: $0.3)
  }

  private static let byCode: [String: GridIntensity] = Dictionary(uniqueKeysWithValues: all.map { ($0.isoCode, $0) })

  /// The country with this ISO 3166-1 alpha-3 code (or English name), or an error naming the nearest codes.
  public static func country(_ text: String) throws -> GridIntensity {
    let key = text.trimmingWhitespace()
    if let hit = byCode[key.uppercased()] { return hit }
    if let hit = all.first(where: { $0.countryName.lowercased() == key.lowercased() }) { return hit }
    throw CarbonError.unknownCountry(key, nearest: nearest(to: key), origin: nil)
  }

  /// The country `country` names, else `JOULE_COUNTRY`'s, else nil (the world average applies).
  public static func resolve(country: String?, environment: [String: String]) throws -> GridIntensity? {
    if let country { return try self.country(country) }
    if let fromEnvironment = environment["JOULE_COUNTRY"], !fromEnvironment.isEmpty {
      do {
        return try self.country(fromEnvironment)
      } catch CarbonError.unknownCountry(let code, let nearest, _) {
        throw CarbonError.unknownCountry(code, nearest: nearest, origin: "JOULE_COUNTRY")
      }
    }
    return nil
  }

  /// Up to five table entries closest to `text`: by edit distance on the code, and on the
  /// name's prefix when more than three letters were given.
  public static func nearest(to text: String, limit: Int = 5) -> [GridIntensity] {
    let code = Array(text.uppercased())
    let name = text.lowercased()
    func score(_ g: GridIntensity) -> Int {
      var s = editDistance(code, Array(g.isoCode))
      if name.count > 3 {
        let prefix = String(g.countryName.lowercased().prefix(name.count))
        s = min(s, editDistance(Array(name), Array(prefix)))
      }
      return s
    }
    return all.map { ($0, score($0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.isoCode < $1.0.isoCode }
      .prefix(limit).map(\.0)
  }

  /// Levenshtein distance.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, ca) in a.enumerated() {
      var current = [i + 1]
      for (j, cb) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
