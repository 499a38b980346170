import Foundation

/// SciPy's figures for the samples in `Fixtures/scipy.json`, written by `scripts/stats-fixtures`.
struct SciPyFixture {
  let json: [String: Any]

  static let shared: SciPyFixture = {
    let url = Bundle.module.url(forResource: "scipy", withExtension: "json", subdirectory: "Fixtures")!
    let data = try! Data(contentsOf: url)
    return SciPyFixture(json: try! JSONSerialization.jsonObject(with: data) as! [String: Any])
  }()

  var samples: [String: [Double]] {
    (json["samples"] as! [String: [Any]]).mapValues { $0.map { ($0 as! NSNumber).doubleValue } }
  }

  subscript(key: String) -> Any { json[key]! }

  /// Agreement as the issue asks for: within 1e-6 relative, or 1e-9 absolute near zero.
  static func agrees(_ ours: Double, _ theirs: Double) -> Bool {
    if ours == theirs { return true }
    return abs(ours - theirs) <= max(1e-9, 1e-6 * abs(theirs))
  }
}

func number(_ any: Any?) -> Double { (any as! NSNumber).doubleValue }
