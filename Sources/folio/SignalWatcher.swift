#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Limits
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM, handled on a thread of their own.
///
/// `install()` blocks both signals in the main thread before any other thread exists, so every
/// thread inherits the mask and no signal handler ever runs; a dedicated thread takes them with
/// `sigwait`, where any call is safe. While `folio run` runs the cells it routes the signals to the
/// run's `Cancellation`: the first one asks the run to stop at its next safe point (the end of the
/// current batch), after which the complete report is written and folio exits 130 or 143. A second
/// signal — or a first one when nothing is routed — ends the process at once with that status
/// (`_exit`, nothing written; reports are written by `AtomicFile`, so none is ever left half-written).
enum SignalWatcher {
    /// The run's cancellation while cells run; nil when a signal should end the process at once.
    private static let route = Mutex<Cancellation?>(nil)

    /// Blocks SIGINT and SIGTERM and starts the thread that waits for them; call first thing in `main`.
    static func install() {
        var signals = watchedSignals()
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        Thread.detachNewThread { watch() }
    }

    /// Routes the next signal to `cancellation` (nil: back to ending the process at once).
    static func route(to cancellation: Cancellation?) {
        route.withLock { $0 = cancellation }
    }

    private static func watchedSignals() -> sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }

    /// Waits for signals forever; the first routed one cancels the run, any other ends the process.
    private static func watch() {
        var signals = watchedSignals()
        var number: Int32 = 0
        while sigwait(&signals, &number) == 0 {
            let reason: Cancellation.Reason = number == SIGTERM ? .terminate : .interrupt
            let cancellation = route.withLock { $0 }
            guard let cancellation, !cancellation.isCancelled else {
                say("\nfolio: interrupted\n")
                _exit(128 + number)
            }
            cancellation.cancel(reason)
            say(reason == .interrupt
                ? "\nfolio: interrupted — stopping at the end of the current batch to write the report (Ctrl-C again quits at once)\n"
                : "\nfolio: terminated — stopping at the end of the current batch to write the report\n")
        }
    }

    /// Writes straight to stderr (no buffering shared with the run's thread).
    private static func say(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
