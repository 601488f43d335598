/// Decides, during the first epoch, whether sharing each step with the `SplitWorker` pays off on
/// this machine right now. On a quiet 2-core machine sharing wins; when the host is busy the second
/// core can make every step slower than one core alone. The work is cut into the same chunks
/// either way, so the choice never changes any result.
///
/// After one warm-up step it times `2 × length` steps, alternating shared and alone, and keeps the
/// setting with the lower median step time: alternating steps see the same load on the host, and
/// the median ignores the odd step that a preemption or a page fault made slow, which would
/// otherwise decide the whole fit's speed when steps are short.
struct SharingTrial {
    let worker: SplitWorker
    /// Steps timed per setting.
    let length: Int
    private var stopwatch = Stopwatch()
    private var sharedSeconds: [Double] = []
    private var aloneSeconds: [Double] = []

    /// Nil when an epoch is too short to time both settings.
    init?(worker: SplitWorker, steps: Int) {
        length = min(15, (steps - 1) / 4)
        guard length >= 3 else { return nil }
        self.worker = worker
        sharedSeconds.reserveCapacity(length)
        aloneSeconds.reserveCapacity(length)
    }

    /// Call before step `step` (0-based) of the first epoch.
    mutating func beforeStep(_ step: Int) {
        guard step >= 1 else { return }
        worker.isSharing = step % 2 == 1
        stopwatch = Stopwatch()
    }

    /// Call after step `step`; true once the choice is made (the trial is then over).
    mutating func afterStep(_ step: Int) -> Bool {
        guard step >= 1 else { return false }
        if step % 2 == 1 { sharedSeconds.append(stopwatch.seconds) } else { aloneSeconds.append(stopwatch.seconds) }
        guard aloneSeconds.count == length else { return false }
        worker.isSharing = Self.prefersSharing(shared: sharedSeconds, alone: aloneSeconds)
        return true
    }

    /// True when the shared steps' median time is below the lone steps'.
    static func prefersSharing(shared: [Double], alone: [Double]) -> Bool {
        median(shared) < median(alone)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
