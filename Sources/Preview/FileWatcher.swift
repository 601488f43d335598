import Foundation
import Runner
import Synchronization

/// Polls the watched files on a thread of its own (every `interval`, 200 ms by default) and calls
/// `onChange` once a change has settled: after a change, it waits `settle` (100 ms) and looks again,
/// so an editor's write-then-rename, or a folder being copied, gives one call rather than several.
///
/// Polling rather than inotify: editors save by writing a new file and renaming it over the old
/// one, which a stat of size, modification time and inode sees just as well, with no descriptor
/// per folder to keep in step with the watch list.
final class FileWatcher: Sendable {
    private struct State {
        var files: [WatchedFile]
        var baseline: FileStamps
    }

    private let state: Mutex<State>
    private let stopped = Atomic<Bool>(false)
    private let interval: Duration
    private let settle: Duration
    private let onChange: @Sendable () -> Void

    init(files: [WatchedFile], interval: Duration = .milliseconds(200), settle: Duration = .milliseconds(100),
         onChange: @escaping @Sendable () -> Void) {
        state = Mutex(State(files: files, baseline: FileStamps.take(files)))
        self.interval = interval
        self.settle = settle
        self.onChange = onChange
    }

    /// Starts polling on a new thread.
    func start() {
        let thread = Thread { [self] in poll() }
        thread.name = "folio-preview-watch"
        thread.start()
    }

    /// Stops polling (within one interval).
    func stop() { stopped.store(true, ordering: .relaxed) }

    /// Replaces the watch list (what the notebook reads may change with each save).
    func watch(_ files: [WatchedFile]) {
        let fresh = FileStamps.take(files)
        state.withLock { state in
            // Files watched before keep their stamps: a change made meanwhile still counts.
            state.baseline = FileStamps(stamps: state.baseline.stamps.merging(fresh.stamps) { old, _ in old })
            state.files = files
        }
    }

    private func poll() {
        while !stopped.load(ordering: .relaxed) {
            Self.sleep(interval)
            let (files, baseline) = state.withLock { ($0.files, $0.baseline) }
            var current = FileStamps.take(files)
            guard current.differ(from: baseline) else {
                state.withLock { $0.baseline = current.merged(into: $0.baseline) }
                continue
            }
            // Let the change settle: look again until two looks agree (at most ~1 s).
            for _ in 0..<10 {
                Self.sleep(settle)
                let again = FileStamps.take(files)
                if again == current { break }
                current = again
            }
            state.withLock { $0.baseline = current.merged(into: $0.baseline) }
            if !stopped.load(ordering: .relaxed) { onChange() }
        }
    }

    private static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
    }
}
