import Notebook

/// What happened to one cell: its status, how long it took, and what it showed.
public struct CellResult: Sendable {
    /// How a cell's run ended.
    public enum Status: String, Sendable, Codable {
        case ok
        case error
        /// An earlier cell failed (or the run was interrupted), so this one never ran.
        case notRun = "not_run"
        /// Stopped at a safe point by the run's `Cancellation`; `outputs` show what it finished.
        case interrupted
    }

    public var cell: Cell
    public var status: Status
    public var seconds: Double
    public var outputs: [Output]
    /// Set when `status` is `.error`.
    public var error: RunError?
    /// Set when `status` is `.interrupted`: by what, and how far the cell got.
    public var interruption: Interruption?
    /// Why a `notRun` cell was skipped when it is not simply "an earlier cell stopped the run"
    /// (`--allow-errors`: which failed cell it depends on).
    public var note: String?

    /// Whether the outputs came from the cell cache instead of running the cell (`seconds` is then
    /// how long the cell took when it ran, the time the cache saved).
    public var cached: Bool

    public init(cell: Cell, status: Status, seconds: Double = 0, outputs: [Output] = [], error: RunError? = nil,
                interruption: Interruption? = nil, note: String? = nil, cached: Bool = false) {
        self.cell = cell
        self.status = status
        self.seconds = seconds
        self.outputs = outputs
        self.error = error
        self.interruption = interruption
        self.note = note
        self.cached = cached
    }
}
