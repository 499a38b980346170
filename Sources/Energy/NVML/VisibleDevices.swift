/// Which GPU indices CUDA_VISIBLE_DEVICES leaves visible, following CUDA's own rule.
///
///     VisibleDevices.parse(nil, count: 4)        // ([0, 1, 2, 3], nil): unset means all
///     VisibleDevices.parse("2,0", count: 4)      // ([2, 0], nil)
///     VisibleDevices.parse("1,x,3", count: 4)    // ([1], note): CUDA stops at the first invalid entry
///     VisibleDevices.parse("", count: 4)         // ([], nil): empty hides every GPU
public enum VisibleDevices {
  public static func parse(_ value: String?, count: Int) -> (indices: [Int], note: String?) {
    guard let value else { return (Array(0..<count), nil) }
    var indices: [Int] = []
    for raw in value.split(separator: ",", omittingEmptySubsequences: false) {
      let entry = String(raw).trimmingWhitespace()
      if entry.isEmpty && indices.isEmpty && value.trimmingWhitespace().isEmpty { break }
      guard let i = Int(entry), i >= 0, i < count, !indices.contains(i) else {
        // UUIDs (GPU-...) and MIG names are valid CUDA syntax but need NVML calls joule does not make.
        let note = "CUDA_VISIBLE_DEVICES entry '\(entry)' is not a GPU index below \(count); as CUDA does, the devices from it on are hidden"
        return (indices, note)
      }
      indices.append(i)
    }
    return (indices, nil)
  }
}
