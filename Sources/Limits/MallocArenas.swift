#if canImport(Glibc)
import CMalloc
#endif
import Synchronization

/// Caps glibc's malloc arenas (once, before the engine starts threads): each thread would otherwise
/// get its own, a 64 MB address-space reservation that a `ulimit -v` run cannot spare.
public enum MallocArenas {
    /// Arenas at most: the main one and one for the helper threads.
    static let maximum: Int32 = 2

    /// True once a helper thread has run (and so the second arena exists).
    static var helperArenaExists: Bool { helperRan.load(ordering: .relaxed) }
    private static let helperRan = Atomic<Bool>(false)

    /// Applies the cap; later calls do nothing.
    public static func limit() { _ = applied }

    /// Records that a helper thread has run, so its arena is no longer reserved for.
    public static func noteHelperRan() { helperRan.store(true, ordering: .relaxed) }

    private static let applied: Bool = {
        #if canImport(Glibc)
        return mallopt(M_ARENA_MAX, maximum) == 1
        #else
        return false
        #endif
    }()
}
