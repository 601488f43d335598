import Foundation

/// The memory limit and usage of this process's cgroup, v2 (`memory.max`, `memory.current`) or v1
/// (`memory.limit_in_bytes`, `memory.usage_in_bytes`), from the paths /proc/self/cgroup names.
enum CgroupMemory {
    /// The tightest limit found (nil: none, or "max") and the usage beside it.
    static func current() -> (limit: Int?, used: Int?) {
        var best: (limit: Int?, used: Int?) = (nil, nil)
        for folder in folders() {
            let v2 = read(folder + "/memory.max")
            let limit = v2 ?? read(folder + "/memory.limit_in_bytes")
            guard let limit, limit < (1 << 60) else { continue }   // v1 says "no limit" with a huge number
            if best.limit.map({ limit < $0 }) ?? true {
                best = (limit, read(folder + (v2 != nil ? "/memory.current" : "/memory.usage_in_bytes")))
            }
        }
        return best
    }

    /// Candidate cgroup folders: the root of the mounts and the process's own cgroup path.
    private static func folders() -> [String] {
        var result = ["/sys/fs/cgroup", "/sys/fs/cgroup/memory"]
        guard let text = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return result }
        for line in text.split(separator: "\n") {
            // "0::/user.slice/..." (v2) or "4:memory:/docker/..." (v1)
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count > 1 else { continue }
            let controllers = parts[1].split(separator: ",")
            if parts[1].isEmpty { result.append("/sys/fs/cgroup" + parts[2]) }
            if controllers.contains("memory") { result.append("/sys/fs/cgroup/memory" + parts[2]) }
        }
        return result
    }

    /// A file holding one number; nil when absent or "max".
    private static func read(_ path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
