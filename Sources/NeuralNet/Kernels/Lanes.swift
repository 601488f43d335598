/// Four-wide (one SSE register: wider Swift SIMD types compile poorly here) vector loads and stores for the kernels' inner loops over channels and columns.
enum Lanes {
    typealias Vector<S: NeuralScalar> = SIMD4<S>
    static let width = 4

    @inline(__always)
    static func load<S: NeuralScalar>(_ pointer: UnsafePointer<S>) -> SIMD4<S> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<S>.self)
    }

    @inline(__always)
    static func store<S: NeuralScalar>(_ value: SIMD4<S>, _ pointer: UnsafeMutablePointer<S>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<S>.self)
    }

    /// `target[i] += source[i]` for `count` values.
    @inline(__always)
    static func add<S: NeuralScalar>(_ source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, count: Int) {
        var i = 0
        while i &+ width <= count {
            store(load(target + i) + load(source + i), target + i)
            i &+= width
        }
        while i < count {
            target[i] += source[i]
            i &+= 1
        }
    }
}
