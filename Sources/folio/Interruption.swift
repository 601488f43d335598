import Foundation

/// Ctrl-C (SIGINT) and SIGTERM end a run at once with the shell's status for them, 130 and 143,
/// after a line on stderr. Reports and models are written by `AtomicFile` (an unnamed temporary file
/// and a rename), so an interrupted run leaves the previous file in place, never half of a new one.
enum Interruption {
    static func exitOnSignals() {
        signal(SIGINT, onSignal)
        signal(SIGTERM, onSignal)
    }
}

/// Runs on the signal: only async-signal-safe calls (write, _exit).
private func onSignal(_ number: Int32) {
    let message: StaticString = "\nfolio: interrupted\n"
    _ = message.withUTF8Buffer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    _exit(128 + number)
}
