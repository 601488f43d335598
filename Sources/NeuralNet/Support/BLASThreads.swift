#if canImport(Glibc)
import Glibc
#endif
import CBLAS

/// Chooses OpenBLAS' thread count by problem size: small products (the seed model's 200×784×10) run
/// faster and steadier on one thread; big ones (128×784×512) gain from two.
enum BLASThreads {
    /// Multiply-adds in a step's largest product from which a second thread pays off.
    static let parallelThreshold = 8_000_000

    /// Sets the thread count for products of up to `multiplyAdds`; returns it.
    @discardableResult
    static func configure(largestProduct multiplyAdds: Int) -> Int {
        let threads = multiplyAdds >= parallelThreshold ? Swift.min(2, cores) : 1
        if Int(openblas_get_num_threads()) != threads { openblas_set_num_threads(Int32(threads)) }
        return threads
    }

    /// Online processors.
    static var cores: Int { Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
