#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Limits
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM, acted on by a thread of their own.
///
/// The signal handler only writes the signal's number into a pipe (`write` is async-signal-safe,
/// and whichever thread the kernel picks — OpenBLAS starts its own before `main` — may run it); a
/// dedicated thread reads the pipe and decides. While `folio run` runs the cells it routes the
/// signals to the run's `Cancellation`: the first one asks the run to stop at its next safe point
/// (the end of the current batch), after which the complete report is written and folio exits 130 or
/// 143. `folio preview` routes them to its own stop (end the preview, exit 130 or 143). A second
/// signal during a run — or a first one when nothing is routed — ends the process at once with
/// that status (`_exit`, nothing written; reports are written by `AtomicFile`, so none is ever left
/// half-written).
enum SignalWatcher {
    /// The pipe from the handler to the watching thread.
    fileprivate struct Channel: Sendable {
        var read: Int32
        var write: Int32
    }

    /// Created by `install()` before any handler can run; a pipe that cannot be made leaves -1,
    /// and signals then end the process at once (as they did before runs could be stopped).
    fileprivate static let channel: Channel = {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return Channel(read: -1, write: -1) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return Channel(read: ends[0], write: ends[1])
    }()

    /// Where a signal goes.
    enum Route: Sendable {
        /// A run's cancellation: the first signal stops it at its next safe point.
        case cancel(Cancellation)
        /// An action of its own, which ends the process (`folio preview`).
        case stop(@Sendable (Cancellation.Reason) -> Void)
    }

    /// Where signals go now; nil when a signal should end the process at once.
    private static let route = Mutex<Route?>(nil)

    /// Installs the handlers and starts the watching thread; call first thing in `main`.
    static func install() {
        guard channel.write >= 0 else { return }
        Thread.detachNewThread { watch() }
        // Also replaces the SIG_IGN a shell gives background jobs: folio always answers Ctrl-C.
        signal(SIGINT, onSignal)
        signal(SIGTERM, onSignal)
    }

    /// Routes the next signal to `cancellation` (nil: back to ending the process at once).
    static func route(to cancellation: Cancellation?) {
        route(cancellation.map(Route.cancel))
    }

    /// Routes the next signal as `newRoute` says (nil: back to ending the process at once).
    static func route(_ newRoute: Route?) {
        route.withLock { $0 = newRoute }
    }

    /// Reads signals from the pipe forever; the first routed one cancels the run, any other ends the process.
    private static func watch() {
        var byte: UInt8 = 0
        while true {
            let count = read(channel.read, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return }
            let number = Int32(byte)
            let reason: Cancellation.Reason = number == SIGTERM ? .terminate : .interrupt
            let current = route.withLock { $0 }
            if case .stop(let stop)? = current {
                stop(reason)
                continue
            }
            guard case .cancel(let cancellation)? = current, !cancellation.isCancelled else {
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

/// The signal handler: async-signal-safe calls only (`write` of one byte; errno kept as it was).
private func onSignal(_ number: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(SignalWatcher.channel.write, &byte, 1)
    errno = saved
}
