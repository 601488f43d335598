/// Eight-wide vector loads and stores for the kernels' inner loops over channels and columns.
enum Lanes {
    typealias Vector<S: NeuralScalar> = SIMD8<S>
    static let width = 8

    @inline(__always)
    static func load<S: NeuralScalar>(_ pointer: UnsafePointer<S>) -> SIMD8<S> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<S>.self)
    }

    @inline(__always)
    static func store<S: NeuralScalar>(_ value: SIMD8<S>, _ pointer: UnsafeMutablePointer<S>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<S>.self)
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
