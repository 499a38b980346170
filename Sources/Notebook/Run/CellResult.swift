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
  /// Joules spent during the cell, when a meter was given.
  public var joules: Double?

  public init(cell: Cell, status: Status, outputs: [CellOutput] = [], seconds: Double = 0, joules: Double? = nil) {
    self.cell = cell
    self.status = status
    self.outputs = outputs
    self.seconds = seconds
    self.joules = joules
  }
}
