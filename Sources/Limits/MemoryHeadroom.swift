/// How many bytes the process can still allocate, and which limit leaves that little: the smallest
/// of each limit minus what the process already uses against it, minus what the libraries will
/// still map (`LibraryReserve`).
struct MemoryHeadroom: Equatable {
    var bytes: Int
    var limit: MemoryLimit

    /// The tightest headroom in `readings`; nil when no limit is known at all. A limit whose usage
    /// is unknown counts as fully free; a usage above its limit leaves 0.
    static func smallest(_ readings: MemoryReadings,
                         reserve: LibraryReserve) -> MemoryHeadroom? {
        let candidates: [(MemoryLimit, Int?, Int?, Int)] = [
            (.available, readings.memAvailable, 0, reserve.resident),
            (.addressSpace, readings.addressSpaceLimit, readings.addressSpaceUsed, reserve.addressSpace),
            (.dataSegment, readings.dataLimit, readings.dataUsed, reserve.data),
            (.cgroup, readings.cgroupLimit, readings.cgroupUsed ?? readings.residentUsed, reserve.resident),
        ]
        var best: MemoryHeadroom?
        for (limit, total, used, reserved) in candidates {
            guard let total else { continue }
            let left = max(0, total - min(total, used ?? 0) - min(total, reserved))
            if best.map({ left < $0.bytes }) ?? true { best = MemoryHeadroom(bytes: left, limit: limit) }
        }
        return best
    }
}
