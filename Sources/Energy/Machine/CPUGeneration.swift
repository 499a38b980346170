/// A CPU's generation from its vendor, family and model numbers (or, for SPECpower's names,
/// its marketing name), with the segment whose fitted power shape it gets and a representative
/// part for when CodeCarbon's TDP table does not know the name.
///
///     CPUGeneration.classify(vendor: "AuthenticAMD", family: 25, model: 17, name: "AMD EPYC")   // .zen4
///     CPUGeneration.zen4.segment                    // .server2017
///     CPUGeneration.zen4.representative             // ("AMD EPYC 9654", 360 W, 192 threads)
///
/// VMs often report only "AMD EPYC" or "Intel Xeon Processor"; the family and model numbers
/// still say which generation the host is. Numbers from AMD's and Intel's family/model lists
/// (Linux arch/x86/include/asm/intel-family.h; AMD's Processor Programming References).
public enum CPUGeneration: String, CaseIterable, Sendable {
  case zen1, zen2, zen3, zen4, zen5
  case nehalem, sandyBridge = "sandy-bridge", ivyBridge = "ivy-bridge", haswell, broadwell
  case skylakeSP = "skylake-sp", cascadeLake = "cascade-lake", iceLakeSP = "ice-lake-sp"
  case sapphireRapids = "sapphire-rapids", emeraldRapids = "emerald-rapids", graniteRapids = "granite-rapids"
  case intelClient = "intel-client", amdClient = "amd-client"

  /// The groups scripts/fit-power-model fits separately on SPECpower's load curves.
  public enum Segment: String, CaseIterable, Sendable {
    /// Xeon Scalable (Skylake-SP on) and EPYC: servers of 2017 on.
    case server2017
    /// Xeon E5/E7 v1–v4 (Sandy Bridge-EP to Broadwell-EP).
    case server2012
    /// Nehalem/Westmere Xeons and Opterons.
    case server2009
    /// Desktop, workstation and entry-server parts: Core, Ryzen, Threadripper, Xeon E3/E/D.
    case client
    /// Core 2 era Xeons: kept for the fit, never chosen by family/model.
    case legacy
  }

  public var segment: Segment {
    switch self {
    case .zen1, .zen2, .zen3, .zen4, .zen5, .skylakeSP, .cascadeLake, .iceLakeSP, .sapphireRapids, .emeraldRapids,
         .graniteRapids: return .server2017
    case .sandyBridge, .ivyBridge, .haswell, .broadwell: return .server2012
    case .nehalem: return .server2009
    case .intelClient, .amdClient: return .client
    }
  }

  /// A typical part of the generation, from CodeCarbon's TDP table and the vendors' thread
  /// counts: the host a VM of this generation most likely runs on (the cloud providers' large
  /// instances of these generations use parts of this size).
  public var representative: (name: String, tdpWatts: Double, threads: Int) {
    switch self {
    case .zen1: return ("AMD EPYC 7601", 180, 64)
    case .zen2: return ("AMD EPYC 7742", 225, 128)
    case .zen3: return ("AMD EPYC 7763", 280, 128)
    case .zen4: return ("AMD EPYC 9654", 360, 192)
    case .zen5: return ("AMD EPYC 9755", 500, 256)
    case .nehalem: return ("Intel Xeon X5670", 95, 12)
    case .sandyBridge: return ("Intel Xeon E5-2670", 115, 16)
    case .ivyBridge: return ("Intel Xeon E5-2680 v2", 115, 20)
    case .haswell: return ("Intel Xeon E5-2666 v3", 135, 20)
    case .broadwell: return ("Intel Xeon E5-2686 v4", 145, 36)
    case .skylakeSP: return ("Intel Xeon Platinum 8175M", 240, 48)
    case .cascadeLake: return ("Intel Xeon Platinum 8259CL", 210, 48)
    case .iceLakeSP: return ("Intel Xeon Platinum 8375C", 300, 64)
    case .sapphireRapids: return ("Intel Xeon Platinum 8488C", 350, 96)
    case .emeraldRapids: return ("Intel Xeon Platinum 8592+", 350, 128)
    case .graniteRapids: return ("Intel Xeon 6980P", 500, 256)
    case .intelClient: return ("Intel Core i7-8700", 65, 12)
    case .amdClient: return ("AMD Ryzen 7 5800X", 105, 16)
    }
  }

  /// The generation from cpuinfo's numbers; `name` breaks ties between server and client
  /// parts that share a family/model range. nil when nothing is known.
  public static func classify(vendor: String, family: Int?, model: Int?, name: String) -> CPUGeneration? {
    let lower = name.lowercased()
    let server = lower.contains("epyc") || lower.contains("xeon")
    guard let family, let model else { return nil }
    if vendor == "AuthenticAMD" || vendor == "HygonGenuine" {
      switch family {
      case 0x17:
        // Zen and Zen+ are models 0x00–0x2F; Zen 2 is 0x30 on (Rome 0x31, Matisse 0x71, Renoir 0x60).
        if model < 0x30 { return server ? .zen1 : .amdClient }
        return server ? .zen2 : .amdClient
      case 0x19:
        // Zen 3: Milan 0x00–0x0F, Vermeer 0x20–0x2F, Cezanne/Rembrandt 0x40–0x5F.
        // Zen 4: Genoa/Bergamo 0x10–0x1F and 0xA0–0xAF, Raphael/Phoenix 0x60–0x7F.
        let zen4 = (0x10...0x1F).contains(model) || (0x60...0x7F).contains(model) || (0xA0...0xAF).contains(model)
        if server { return zen4 ? .zen4 : .zen3 }
        return .amdClient
      case 0x1A: return server ? .zen5 : .amdClient
      default: return server ? nil : .amdClient
      }
    }
    guard vendor == "GenuineIntel", family == 6 else { return nil }
    switch model {
    case 26, 30, 31, 46, 37, 44, 47: return server ? .nehalem : .intelClient
    case 45, 42: return server ? .sandyBridge : .intelClient
    case 62, 58: return server ? .ivyBridge : .intelClient
    case 63, 60, 69, 70: return server ? .haswell : .intelClient
    case 79, 86, 61, 71: return server ? .broadwell : .intelClient
    case 85:
      // Skylake-SP and Cascade Lake share model 85 (the stepping tells them apart; cpuinfo's
      // name usually does too: "Platinum 82xx" is Cascade Lake).
      if lower.range(of: #"(platinum|gold|silver|bronze) ?\d2"#, options: .regularExpression) != nil { return .cascadeLake }
      return .skylakeSP
    case 106, 108: return .iceLakeSP
    case 143: return .sapphireRapids
    case 207: return .emeraldRapids
    case 173, 174: return .graniteRapids
    case 78, 94, 142, 158, 165, 166, 125, 126, 140, 141, 151, 154, 183, 186, 191, 170, 172, 197, 198:
      return server ? .skylakeSP : .intelClient
    default: return nil
    }
  }
}
