/// The columns of a ledger: CodeCarbon 3.x's emissions.csv, in its order, then joule's own.
///
///     LedgerColumns.codeCarbon.count     // 38
///     LedgerColumns.all.last             // "energy_high_j"
public enum LedgerColumns {
  /// CodeCarbon's `EmissionsData` fields in declaration order, which is the order its
  /// emissions.csv header has (codecarbon 3.3.2, output_methods/emissions_data.py).
  public static let codeCarbon = [
    "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate",
    "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
    "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region",
    "os", "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model",
    "longitude", "latitude", "ram_total_size", "tracking_mode", "cpu_utilization_percent",
    "gpu_utilization_percent", "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue",
  ]

  /// What joule adds: which meter, whether the figure is an estimate and by which model, and
  /// the grid intensity (g CO2e/kWh) the emissions used; then what the joules cover (package or
  /// wall) and, for an estimate, its 80% interval in joules (empty when measured).
  public static let joule = ["energy_source", "estimated", "energy_model", "carbon_intensity",
                             "energy_scope", "energy_low_j", "energy_high_j"]

  /// joule's columns as 0.2 named them: a ledger started then keeps its header and its rows
  /// fill the old name from the new column.
  public static let former = ["estimate_model": "energy_model"]

  public static let all = codeCarbon + joule
}
