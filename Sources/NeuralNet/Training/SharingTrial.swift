/// Decides, during the first epoch, whether sharing each step with the `SplitWorker` pays off on
/// this machine right now: it times `length` steps with sharing, then `length` without, and keeps
/// the faster. On a quiet 2-core machine sharing wins; when the host is busy the second core can
/// make every step slower than one core alone. The work is cut into the same chunks either way,
/// so the choice never changes any result.
struct SharingTrial {
    let worker: SplitWorker
    /// Steps timed per setting (after one warm-up step).
    let length: Int
    private var stopwatch = Stopwatch()
    private var sharedSeconds = 0.0

    /// Nil when an epoch is too short to time both settings.
    init?(worker: SplitWorker, steps: Int) {
        length = min(10, (steps - 1) / 4)
        guard length >= 3 else { return nil }
        self.worker = worker
    }

    /// Call before step `step` (0-based) of the first epoch.
    mutating func beforeStep(_ step: Int) {
        if step == 1 || step == 1 + length { stopwatch = Stopwatch() }
        if step == 1 + length { worker.isSharing = false }
    }

    /// Call after step `step`; true once the choice is made (the trial is then over).
    mutating func afterStep(_ step: Int) -> Bool {
        if step == length { sharedSeconds = stopwatch.seconds }
        guard step == 2 * length else { return false }
        worker.isSharing = sharedSeconds < stopwatch.seconds
        return true
    }
}
