import Foundation

/// Refuses an allocation that cannot fit, before it is attempted: sizes are summed with
/// overflow-checked arithmetic and compared with the smallest headroom any limit leaves — free
/// memory, `ulimit -v`, `ulimit -d`, the cgroup's limit — minus what the process already uses and
/// what the libraries will still map (`MemoryHeadroom`, `LibraryReserve`).
public enum MemoryBudget {
    /// What the process can still allocate now and which limit binds; nil when no limit is known.
    static func headroom(reserve: @autoclosure () -> LibraryReserve = .calling) -> MemoryHeadroom? {
        MallocArenas.limit()
        let readings = MemoryReadings.current()
        // Counting OpenBLAS's buffers reads /proc/self/maps: only when a limit on address space or
        // private data makes them matter.
        let libraries = readings.addressSpaceLimit == nil && readings.dataLimit == nil
            ? LibraryReserve(addressSpace: 0, data: 0, resident: LibraryReserve.fixed) : reserve()
        return MemoryHeadroom.smallest(readings, reserve: libraries)
    }

    /// True when a helper thread (stack, malloc arena, OpenBLAS buffer) fits beside the calling
    /// thread's reserve.
    public static func affordsHelperThread() -> Bool {
        refusal(bytes: 1, room: headroom(reserve: .withHelper)) == nil
    }

    /// Throws `modelTooLarge` unless `floats` 4-byte values (nil: the count overflowed) fit in memory;
    /// for the engine's weights, workspaces and tensors. `what` names them ("model's weights").
    public static func require(_ what: String, floats: Int?) throws {
        let bytes = Checked.product(floats, MemoryLayout<Float>.size)
        if let refusal = refusal(bytes: bytes) {
            throw MemoryBudgetError.modelTooLarge(what: what, neededBytes: bytes, availableBytes: refusal.bytes,
                                               limit: refusal.limit)
        }
    }

    /// Throws `dataTooLarge` unless `bytes` (nil: the size overflowed) fit in memory; for data being
    /// loaded, decoded or decompressed. `what` names it ("the decompressed train-images-idx3-ubyte.gz").
    public static func require(_ what: String, bytes: Int?) throws {
        if let refusal = refusal(bytes: bytes) {
            throw MemoryBudgetError.dataTooLarge(what: what, neededBytes: bytes, availableBytes: refusal.bytes,
                                              limit: refusal.limit)
        }
    }

    /// The headroom that `bytes` exceeds, or nil when they fit (or no limit is known).
    static func refusal(bytes: Int?) -> MemoryHeadroom? {
        refusal(bytes: bytes, room: headroom())
    }

    /// The headroom `room` when `bytes` exceed it (or overflowed), else nil.
    static func refusal(bytes: Int?, room: MemoryHeadroom?) -> MemoryHeadroom? {
        let room = room ?? MemoryHeadroom(bytes: Int.max, limit: .available)
        guard let bytes, bytes <= room.bytes else { return room }
        return nil
    }
}
