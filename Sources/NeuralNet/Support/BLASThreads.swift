#if canImport(Glibc)
import Glibc
#endif
import CBLAS
import Foundation

/// Keeps OpenBLAS on one thread: Folio shares work between cores itself (`SplitWorker`), splitting
/// only products big enough to gain from it (`Dense.splitThreshold`, each convolution's half
/// batches), so problem size still decides how many cores a pass uses.
///
/// Measured on the benchmark cases: OpenBLAS' own second thread is slower and erratic on the seed
/// model's small products, and even on the 128×784×512 products of a 512-unit MLP it lost to two
/// one-thread halves by a fifth per epoch — its threads keep spinning after each product, on the
/// core the optimizer update and the next layer's half need.
enum BLASThreads {
    /// Sets OpenBLAS to one thread (once; later calls only check).
    static func useOne() {
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }

    /// Processors this process may run on: those in its affinity mask (`taskset`, a container's
    /// cpuset) when Linux reports it, else all online processors.
    static var cores: Int {
        let online = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else {
            return online
        }
        let allowed = line.dropFirst("Cpus_allowed:".count).reduce(0) { count, digit in
            count + (digit.hexDigitValue ?? 0).nonzeroBitCount
        }
        return allowed > 0 ? Swift.min(allowed, online) : online
    }
}
