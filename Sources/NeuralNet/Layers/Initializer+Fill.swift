#if canImport(Glibc)
import Glibc
#endif

extension Initializer {
    /// Keras' `VarianceScaling` correction: the deviation of a standard normal cut at ±2.
    static let truncatedDeviation = 0.87962566103423978

    /// Writes `count` initial kernel values for a kernel with `fanIn` inputs and `fanOut` outputs.
    func fill<S: NeuralScalar>(_ kernel: UnsafeMutablePointer<S>, count: Int, fanIn: Int, fanOut: Int,
                               using generator: inout SeededGenerator) {
        let average = Double(fanIn + fanOut)
        switch self {
        case .zeros:
            kernel.update(repeating: 0, count: count)
        case .glorotUniform:
            Self.uniform(kernel, count: count, limit: (6 / average).squareRoot(), using: &generator)
        case .heUniform:
            Self.uniform(kernel, count: count, limit: (6 / Double(fanIn)).squareRoot(), using: &generator)
        case .glorotNormal:
            Self.truncatedNormal(kernel, count: count, deviation: (2 / average).squareRoot(), using: &generator)
        case .heNormal:
            Self.truncatedNormal(kernel, count: count, deviation: (2 / Double(fanIn)).squareRoot(), using: &generator)
        }
    }

    private static func uniform<S: NeuralScalar>(_ kernel: UnsafeMutablePointer<S>, count: Int, limit: Double,
                                                 using generator: inout SeededGenerator) {
        for i in 0..<count { kernel[i] = S((generator.nextUnit() * 2 - 1) * limit) }
    }

    /// Values whose deviation is `deviation`: standard normals (Box–Muller) redrawn outside ±2,
    /// scaled by `deviation / truncatedDeviation`.
    private static func truncatedNormal<S: NeuralScalar>(_ kernel: UnsafeMutablePointer<S>, count: Int,
                                                         deviation: Double, using generator: inout SeededGenerator) {
        let scale = deviation / truncatedDeviation
        for i in 0..<count {
            var z: Double
            repeat {
                let u = 1 - generator.nextUnit()   // (0, 1]: log stays finite
                let v = generator.nextUnit()
                z = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
            } while abs(z) > 2
            kernel[i] = S(z * scale)
        }
    }
}
