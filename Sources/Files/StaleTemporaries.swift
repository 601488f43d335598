import Foundation

/// The names of the hidden temporary files a write may leave for an instant — `.NAME.PID.RAND.tmp`
/// beside the target — and the removal of those whose process is gone (killed mid-write).
enum StaleTemporaries {
    /// A fresh temporary name for `name`, owned by this process.
    static func name(for name: String) -> String {
        ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// The process id in a temporary name for `name`, or nil when `candidate` is not one.
    static func processID(in candidate: String, for name: String) -> pid_t? {
        let prefix = ".\(name).", suffix = ".tmp"
        guard candidate.hasPrefix(prefix), candidate.hasSuffix(suffix),
              candidate.count > prefix.count + suffix.count else { return nil }
        let middle = candidate.dropFirst(prefix.count).dropLast(suffix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard middle.count == 2, UInt32(middle[1]) != nil, let pid = pid_t(middle[0]), pid > 0 else { return nil }
        return pid
    }

    /// Deletes `folder`'s temporaries for `name` whose process no longer runs. Best effort: a
    /// folder that cannot be listed is left alone.
    static func removeAbandoned(in folder: String, for name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            guard let pid = processID(in: entry, for: name), !isAlive(pid) else { continue }
            unlink(folder + "/" + entry)
        }
    }

    /// Whether a process with this id exists (one of another user's counts as alive).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
