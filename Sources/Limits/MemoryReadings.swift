#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One reading of every limit on this process's memory and of what it already uses, in bytes;
/// nil where the system does not say (no /proc, no cgroup, an unlimited rlimit).
struct MemoryReadings: Equatable {
    /// `MemAvailable` from /proc/meminfo.
    var memAvailable: Int?
    /// The soft `RLIMIT_AS`; nil when unlimited.
    var addressSpaceLimit: Int?
    /// The soft `RLIMIT_DATA`; nil when unlimited.
    var dataLimit: Int?
    /// The tightest `memory.max` / `memory.limit_in_bytes` of the process's cgroup; nil when unlimited.
    var cgroupLimit: Int?
    /// VmSize from /proc/self/status: the address space mapped now.
    var addressSpaceUsed: Int?
    /// VmData from /proc/self/status: private writable mappings now.
    var dataUsed: Int?
    /// VmRSS from /proc/self/status: resident memory now.
    var residentUsed: Int?
    /// The cgroup's `memory.current` (v2) or `memory.usage_in_bytes` (v1).
    var cgroupUsed: Int?

    /// What the system says right now.
    static func current() -> MemoryReadings {
        let status = ProcFile.fields("/proc/self/status")
        let cgroup = CgroupMemory.current()
        return MemoryReadings(memAvailable: ProcFile.fields("/proc/meminfo")["MemAvailable"],
                              addressSpaceLimit: softLimit(Int32(RLIMIT_AS.rawValue)), dataLimit: softLimit(Int32(RLIMIT_DATA.rawValue)),
                              cgroupLimit: cgroup.limit, addressSpaceUsed: status["VmSize"],
                              dataUsed: status["VmData"], residentUsed: status["VmRSS"], cgroupUsed: cgroup.used)
    }

    /// The soft limit of `resource` in bytes; nil when unlimited or unreadable.
    private static func softLimit(_ resource: Int32) -> Int? {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return limit.rlim_cur > UInt(Int.max) ? nil : Int(limit.rlim_cur)
    }
}

/// Reads "Name:   123 kB" files (/proc/meminfo, /proc/self/status) into bytes by name.
enum ProcFile {
    /// The fields of the file at `path`; empty when it cannot be read.
    static func fields(_ path: String) -> [String: Int] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        return parse(text)
    }

    /// The "kB" fields of `text`, in bytes (Int.max when they overflow).
    static func parse(_ text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let words = line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2, words[1] == "kB", let kilobytes = Int(words[0]) else { continue }
            let (bytes, overflow) = kilobytes.multipliedReportingOverflow(by: 1024)
            result[String(line[..<colon])] = overflow ? Int.max : bytes
        }
        return result
    }
}
