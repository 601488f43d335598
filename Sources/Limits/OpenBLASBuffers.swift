import Foundation
import Synchronization

/// Counts the buffers OpenBLAS has mapped: one of `size` bytes for each thread that computes a
/// product at the same time as others, kept for the rest of the run, and one for each of its own
/// pool threads, taken at start-up. A thread that needs one more while the address space is full
/// makes OpenBLAS retry the mapping forever, so the budget reserves the buffers not mapped yet.
enum OpenBLASBuffers {
    /// OpenBLAS's per-thread buffer (`BUFFER_SIZE`, 32 << 22 in the x86-64 builds).
    static let size = 128 << 20

    /// Buffers missing for `callers` engine threads computing products at once.
    static func missing(callers: Int) -> Int {
        max(0, atStart + callers - mapped())
    }

    /// Buffers already mapped when the engine first looked (its pool threads').
    private static let atStart: Int = mapped()

    /// Buffers mapped now, from /proc/self/maps; 0 where it cannot be read.
    static func mapped() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return 0 }
        return count(inMaps: text)
    }

    /// Buffers in `maps`: anonymous read-write mappings of a multiple of the buffer's size (up to 64 KB
    /// more each: malloc's header).
    static func count(inMaps maps: String) -> Int {
        var found = 0
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 5, fields[1] == "rw-p",
                  let dash = fields[0].firstIndex(of: "-"),
                  let start = UInt(fields[0][..<dash], radix: 16),
                  let end = UInt(fields[0][fields[0].index(after: dash)...], radix: 16), end > start else { continue }
            // Neighbouring buffers (same flags, same NUMA policy) merge into one mapping.
            let length = Int(end - start), buffers = length / size
            if buffers > 0, length - buffers * size <= buffers * (64 << 10) { found += buffers }
        }
        return found
    }
}
