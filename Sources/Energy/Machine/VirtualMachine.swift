/// Whether this machine is a virtual machine, and whose, from the CPU's hypervisor flag and the
/// firmware's DMI strings (/sys/class/dmi/id/sys_vendor and product_name).
///
///     VirtualMachine.detect(cpuinfo: info, files: .system)   // VirtualMachine(provider: "Amazon EC2", ...)
///     VirtualMachine.detect(cpuinfo: bareMetal, files: f)    // nil
///
/// A VM's vCPUs are hardware threads of a host's package shared with other tenants, so the
/// estimate gives them their share of the host package's power, not a desktop's per-thread TDP.
public struct VirtualMachine: Equatable, Sendable {
  /// "Amazon EC2", "Google Compute Engine", "Microsoft Azure", "QEMU/KVM", "Firecracker",
  /// "Xen", "VMware", or "unknown hypervisor".
  public var provider: String
  /// What gave it away, for the model's description.
  public var evidence: String

  public init(provider: String, evidence: String) {
    self.provider = provider
    self.evidence = evidence
  }

  /// (what sys_vendor or product_name contains, provider), first match wins. Strings as the
  /// providers' firmware writes them (AWS and GCP document theirs; Azure's Hyper-V writes
  /// "Microsoft Corporation" / "Virtual Machine").
  static let signatures: [(String, String)] = [
    ("Amazon EC2", "Amazon EC2"), ("Google Compute Engine", "Google Compute Engine"), ("Google", "Google Compute Engine"),
    ("Microsoft Corporation", "Microsoft Azure"), ("Virtual Machine", "Microsoft Azure"),
    ("QEMU", "QEMU/KVM"), ("KVM", "QEMU/KVM"), ("Firecracker", "Firecracker"), ("Xen", "Xen"),
    ("VMware", "VMware"), ("innotek", "VirtualBox"), ("VirtualBox", "VirtualBox"),
  ]

  /// nil on bare metal. DMI strings name the provider; without them the hypervisor flag alone
  /// says "a VM" (Firecracker, for one, gives its guests no DMI tables at all).
  public static func detect(cpuinfo: CPUInfo, files: MachineFiles) -> VirtualMachine? {
    let vendor = files.read("/sys/class/dmi/id/sys_vendor")?.trimmingWhitespace() ?? ""
    let product = files.read("/sys/class/dmi/id/product_name")?.trimmingWhitespace() ?? ""
    for (needle, provider) in signatures where vendor.contains(needle) || product.contains(needle) {
      // Microsoft also makes Surface laptops: only its "Virtual Machine" product is Azure/Hyper-V.
      if provider == "Microsoft Azure" && !product.contains("Virtual Machine") { continue }
      return VirtualMachine(provider: provider, evidence: "DMI \(vendor.isEmpty ? "" : "vendor '\(vendor)' ")product '\(product)'")
    }
    guard cpuinfo.hypervisor else { return nil }
    if vendor.isEmpty && product.isEmpty {
      return VirtualMachine(provider: "Firecracker or another DMI-less hypervisor",
                            evidence: "cpuinfo hypervisor flag, no DMI tables")
    }
    return VirtualMachine(provider: "unknown hypervisor", evidence: "cpuinfo hypervisor flag")
  }
}
