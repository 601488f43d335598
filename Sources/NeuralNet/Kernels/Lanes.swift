#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Four-wide `Float` vector loads and stores for the kernels' inner loops over channels and columns.
///
/// Only concrete `SIMD4<Float>` code compiles to vector instructions here: generic `SIMD4<S>`,
/// even specialized, and wider types are lowered lane by lane. So each hot kernel has a `Float`
/// path written with these, and a plain generic loop that the `Double` gradient checks run
/// (tests compare the two paths).
enum Lanes {
    typealias Vector = SIMD4<Float>
    static let width = 4

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    /// The correctly rounded square root of each lane (as `Float.squareRoot()` gives it), in one
    /// instruction: the standard library takes the lanes one at a time, which made the square root
    /// most of an Adam step's cost.
    @inline(__always)
    static func squareRoot(_ value: Vector) -> Vector {
        #if arch(x86_64)
        _mm_sqrt_ps(value)
        #else
        value.squareRoot()
        #endif
    }

    /// `pointer` as `Float` when `S` is `Float`.
    @inline(__always)
    static func float<S>(_ pointer: UnsafePointer<S>) -> UnsafePointer<Float>? {
        S.self == Float.self ? UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self) : nil
    }

    @inline(__always)
    static func float<S>(_ pointer: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<Float>? {
        S.self == Float.self ? UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self) : nil
    }

    /// `target[i] += source[i]` for `count` values.
    @inline(__always)
    static func add<S: NeuralScalar>(_ source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, count: Int) {
        var i = 0
        if let source = float(source), let target = float(target) {
            while i &+ width <= count {
                store(load(target + i) + load(source + i), target + i)
                i &+= width
            }
        }
        while i < count {
            target[i] += source[i]
            i &+= 1
        }
    }
}
