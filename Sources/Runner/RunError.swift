import Limits
import NeuralNet
import Notebook

/// A failure while a cell runs: what went wrong, where in the notebook, and what to try.
///
/// Unlike a `Diagnostic`, which means the notebook is invalid as text, a `RunError` means valid
/// text met a problem at run time (a missing file, data that does not fit the model, a diverging
/// loss). The run stops; the report is still written, showing the error in its cell.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// The same form as a text diagnostic: `FILE:LINE:COL: error: MESSAGE` and a hint line.
    public var description: String {
        Diagnostic(.error, at: location, message, hint: hint).description
    }
}

/// Runs `body`, turning any error that is not already a `RunError` into one at `location`; a stop
/// at a safe point (`Cancelled`, `FitStopped`) passes through for the runner to mark the cell interrupted.
func wrap<T>(at location: SourceLocation, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RunError {
        throw error
    } catch let stop as Cancelled {
        throw stop
    } catch let stop as FitStopped {
        throw stop
    } catch {
        throw RunError(at: location, String(describing: error))
    }
}
