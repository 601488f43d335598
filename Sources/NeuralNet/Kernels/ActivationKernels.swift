/// Activations, applied in place to a (B, W) buffer, and their backward rules.
///
/// The backward rules need only the activation's *output* `y`, so the pre-activation values are
/// never kept: relu′ = [y > 0], sigmoid′ = y(1 − y), tanh′ = 1 − y², softmax's Jacobian from y.
enum ActivationKernels {
    /// `y[r, c] = activation(y[r, c] + bias[c])` for every row `r`.
    @inline(__always)
    static func addBiasAndActivate<S: NeuralScalar>(_ activation: Activation, y: UnsafeMutablePointer<S>,
                                                    bias: UnsafePointer<S>, batch: Int, width: Int) {
        for row in 0..<batch {
            let r = y + row * width
            switch activation {
            case .linear:
                for c in 0..<width { r[c] += bias[c] }
            case .relu:
                addBiasAndRectify(r, bias: bias, width: width)
            case .sigmoid:
                for c in 0..<width { r[c] = 1 / (1 + S.exponential(-(r[c] + bias[c]))) }
            case .tanh:
                for c in 0..<width { r[c] = S.hyperbolicTangent(r[c] + bias[c]) }
            case .softmax:
                var largest = -S.infinity
                for c in 0..<width {
                    r[c] += bias[c]
                    largest = Swift.max(largest, r[c])
                }
                var sum: S = 0
                for c in 0..<width {
                    r[c] = S.exponential(r[c] - largest)
                    sum += r[c]
                }
                let inverse = 1 / sum
                for c in 0..<width { r[c] *= inverse }
            }
        }
    }

    /// Turns `dy` = ∂L/∂y into ∂L/∂z (z = the pre-activation) in place, from the output `y`.
    @inline(__always)
    static func backward<S: NeuralScalar>(_ activation: Activation, y: UnsafePointer<S>,
                                          gradient dy: UnsafeMutablePointer<S>, batch: Int, width: Int) {
        let count = batch * width
        switch activation {
        case .linear:
            return
        case .relu:
            reluBackward(y: y, gradient: dy, count: count)
        case .sigmoid:
            for i in 0..<count { dy[i] *= y[i] * (1 - y[i]) }
        case .tanh:
            for i in 0..<count { dy[i] *= 1 - y[i] * y[i] }
        case .softmax:
            for row in 0..<batch {
                let yr = y + row * width, dr = dy + row * width
                var dot: S = 0
                for c in 0..<width { dot += dr[c] * yr[c] }
                for c in 0..<width { dr[c] = yr[c] * (dr[c] - dot) }
            }
        }
    }

    /// `dy = y > 0 ? dy : 0`, four lanes at a time: the scalar select compiles to a branch per element.
    @inline(__always)
    private static func reluBackward<S: NeuralScalar>(y: UnsafePointer<S>, gradient dy: UnsafeMutablePointer<S>, count: Int) {
        var i = 0
        if S.self == Float.self {
            let yf = UnsafeRawPointer(y), df = UnsafeMutableRawPointer(dy)
            let stride = MemoryLayout<Float>.stride
            while i + 4 <= count {
                let lanes = yf.loadUnaligned(fromByteOffset: i * stride, as: SIMD4<Float>.self)
                var gradient = df.loadUnaligned(fromByteOffset: i * stride, as: SIMD4<Float>.self)
                gradient.replace(with: 0, where: .!(lanes .> 0))
                df.storeBytes(of: gradient, toByteOffset: i * stride, as: SIMD4<Float>.self)
                i += 4
            }
        }
        while i < count {
            if !(y[i] > 0) { dy[i] = 0 }
            i += 1
        }
    }

    /// `r[c] = max(r[c] + bias[c], 0)` for one row, four lanes at a time for Float: a scalar select
    /// becomes a branch that mispredicts on half the units.
    @inline(__always)
    private static func addBiasAndRectify<S: NeuralScalar>(_ r: UnsafeMutablePointer<S>, bias: UnsafePointer<S>, width: Int) {
        var c = 0
        if S.self == Float.self {
            let rf = UnsafeMutableRawPointer(r), bf = UnsafeRawPointer(bias)
            let stride = MemoryLayout<Float>.stride
            while c + 4 <= width {
                var z = rf.loadUnaligned(fromByteOffset: c * stride, as: SIMD4<Float>.self)
                    + bf.loadUnaligned(fromByteOffset: c * stride, as: SIMD4<Float>.self)
                z.replace(with: 0, where: z .< 0)
                rf.storeBytes(of: z, toByteOffset: c * stride, as: SIMD4<Float>.self)
                c += 4
            }
        }
        while c < width {
            let z = r[c] + bias[c]
            r[c] = z < 0 ? 0 : z
            c += 1
        }
    }
}
