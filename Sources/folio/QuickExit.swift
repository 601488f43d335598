#if canImport(Glibc)
import Glibc
#endif

/// Ends the process without the shared libraries' teardown: once the exit handlers registered after
/// `install()` have run, stdio is flushed and the process `_exit`s with the same status.
///
/// OpenBLAS's teardown joins its pool threads, and under a tight address-space limit (`ulimit -v`)
/// a pool thread that could not map its buffer at start-up retries forever — so a run that had
/// already refused the model with a clear message would never end. Nothing else in Folio relies on
/// library destructors: reports and model files are complete (and closed) before the exit.
enum QuickExit {
    /// Registers the handler; call first thing in `main`.
    static func install() {
        on_exit({ status, _ in
            fflush(nil)
            _exit(status)
        }, nil)
    }
}
