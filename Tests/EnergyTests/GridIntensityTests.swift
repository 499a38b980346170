import Energy
import Testing

@Test func countriesAreFoundByCodeInAnyCaseAndByName() throws {
  let nl = try GridIntensity.country("nld")
  #expect(nl.isoCode == "NLD" && nl.countryName == "Netherlands")
  // The figure CodeCarbon 3.3.2 used for the fixture: 2.5266e-6 kg over 9.4411e-6 kWh.
  #expect(abs(nl.gramsPerKWh - 2.5266363990611347e-06 / 9.441063885110845e-06 * 1000) < 0.01)
  #expect(try GridIntensity.country("France").isoCode == "FRA")
  #expect(GridIntensity.all.count > 200)
  #expect(GridIntensity.all.allSatisfy { $0.isoCode.count == 3 && $0.gramsPerKWh >= 0 && $0.year >= 2000 })
}

@Test func unknownCodesNameTheNearestOnes() {
  do {
    _ = try GridIntensity.country("NLX")
    Issue.record("NLX should be unknown")
  } catch let e as CarbonError {
    #expect(e.description.hasPrefix("unknown country code \"NLX\"; nearest: NLD (Netherlands)"))
  } catch {
    Issue.record("unexpected \(error)")
  }
  #expect(GridIntensity.nearest(to: "Germny").first?.isoCode == "DEU")
}

@Test func theCountryComesFromTheCallThenJouleCountryThenNothing() throws {
  #expect(try GridIntensity.resolve(country: "SWE", environment: ["JOULE_COUNTRY": "POL"])?.isoCode == "SWE")
  #expect(try GridIntensity.resolve(country: nil, environment: ["JOULE_COUNTRY": "POL"])?.isoCode == "POL")
  #expect(try GridIntensity.resolve(country: nil, environment: [:]) == nil)
  #expect(throws: CarbonError.self) { try GridIntensity.resolve(country: nil, environment: ["JOULE_COUNTRY": "XX"]) }
}

@Test func anExplicitIntensityWinsThenTheCountryThenTheWorldAverage() throws {
  let fra = try GridIntensity.country("FRA")
  #expect(try Carbon.intensity(explicit: 100, country: fra) == 100)
  #expect(try Carbon.intensity(explicit: nil, country: fra) == fra.gramsPerKWh)
  #expect(try Carbon.intensity(explicit: nil, country: nil) == 475)
  #expect(throws: CarbonError.invalidIntensity(-1)) { try Carbon.intensity(explicit: -1, country: nil) }
}
