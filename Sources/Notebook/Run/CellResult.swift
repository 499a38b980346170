/// What running one cell gave: its outputs, how it ended, and what it cost.
///
///     result.status == .failed("quickstart.jnb:9:1: error: undefined variable 'm'")
public struct CellResult: Equatable {
  public enum Status: Equatable {
    case ok
    /// The cell stopped with this (already formatted) error.
    case failed(String)
    /// An earlier cell failed, so this one did not run.
    case notRun
  }

  public var cell: Cell
  public var status: Status
  public var outputs: [CellOutput]
  public var seconds: Double
  /// What the cell cost, when a meter was given.
  public var energy: CellEnergy?
  /// The cell's joules (`energy?.energyJ`).
  public var joules: Double? { energy?.energyJ }

  public init(cell: Cell, status: Status, outputs: [CellOutput] = [], seconds: Double = 0, energy: CellEnergy? = nil) {
    self.cell = cell
    self.status = status
    self.outputs = outputs
    self.seconds = seconds
    self.energy = energy
  }
}
