/// What the libraries beneath the engine map on their own, outside the budget's checks, which a
/// limit must leave room for: OpenBLAS's buffers not mapped yet (`OpenBLASBuffers`), glibc's malloc
/// arena for the first helper thread (a 64 MB reservation, briefly 128 MB while glibc aligns it),
/// the helper's stack, and a fixed reserve for lazily loaded code and small allocations.
struct LibraryReserve: Equatable {
    /// Bytes of address space (`RLIMIT_AS`).
    var addressSpace: Int
    /// Bytes of private writable mappings (`RLIMIT_DATA`).
    var data: Int
    /// Bytes of resident memory (`MemAvailable`, a cgroup).
    var resident: Int

    /// A new thread's malloc arena while glibc aligns it.
    static let arena = 128 << 20
    /// A thread's stack (glibc's default, 8 MB).
    static let stack = 8 << 20
    /// Lazily loaded libraries, dispatch's threads, small allocations.
    static let fixed = 32 << 20

    /// For work on the calling thread alone.
    static var calling: LibraryReserve { forThreads(helper: false) }
    /// For work shared with a new helper thread.
    static var withHelper: LibraryReserve { forThreads(helper: true) }
    /// None: the arithmetic alone (tests).
    static let none = LibraryReserve(addressSpace: 0, data: 0, resident: 0)

    /// The reserve for the calling thread, and a helper thread beside it when `helper`.
    static func forThreads(helper: Bool) -> LibraryReserve {
        let buffers = OpenBLASBuffers.missing(callers: helper ? 2 : 1) * OpenBLASBuffers.size
        let thread = helper ? stack + (MallocArenas.helperArenaExists ? 0 : arena) : 0
        return LibraryReserve(addressSpace: fixed + buffers + thread, data: fixed + buffers, resident: fixed)
    }

    /// Both reserves together.
    static func + (lhs: LibraryReserve, rhs: LibraryReserve) -> LibraryReserve {
        LibraryReserve(addressSpace: lhs.addressSpace + rhs.addressSpace, data: lhs.data + rhs.data,
                       resident: lhs.resident + rhs.resident)
    }
}
