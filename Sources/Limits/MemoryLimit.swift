/// Which of the limits on this process's memory leaves the least room — the one a refusal names.
public enum MemoryLimit: String, Equatable, Sendable, CaseIterable {
    /// `MemAvailable` in /proc/meminfo: what the machine can give without swapping.
    case available
    /// `RLIMIT_AS` (`ulimit -v`), against the process's whole address space (VmSize).
    case addressSpace
    /// `RLIMIT_DATA` (`ulimit -d`), against its private writable mappings (VmData).
    case dataSegment
    /// The cgroup's `memory.max` (v2) or `memory.limit_in_bytes` (v1), against its `memory.current`.
    case cgroup

    /// The limit as a message names it, e.g. "the address-space limit (ulimit -v)".
    public var phrase: String {
        switch self {
        case .available: return "the machine's available memory (MemAvailable)"
        case .addressSpace: return "the address-space limit (ulimit -v)"
        case .dataSegment: return "the data-segment limit (ulimit -d)"
        case .cgroup: return "the cgroup's memory limit (memory.max)"
        }
    }
}
