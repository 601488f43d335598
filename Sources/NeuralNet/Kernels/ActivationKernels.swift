/// Activations, applied in place to a (B, W) buffer, and their backward rules.
///
/// The backward rules need only the activation's *output* `y`, so the pre-activation values are
/// never kept: relu′ = [y > 0], leaky_relu′ = y > 0 ? 1 : slope (slope ≥ 0 keeps the sign),
/// sigmoid′ = y(1 − y), tanh′ = 1 − y², softmax's Jacobian from y.
enum ActivationKernels {
    /// `y[r, c] = activation(y[r, c] + bias[c])` for every row `r` (no bias: `activation(y[r, c])`).
    /// `slope` is leaky_relu's negative slope.
    @inline(__always)
    static func addBiasAndActivate<S: NeuralScalar>(_ activation: Activation, slope: S = 0, y: UnsafeMutablePointer<S>,
                                                    bias: UnsafePointer<S>?, batch: Int, width: Int) {
        if bias == nil, activation == .linear { return }
        for row in 0..<batch {
            let r = y + row * width
            if let bias {
                switch activation {
                case .relu: addBiasAndRectify(r, bias: bias, width: width); continue
                case .linear: for c in 0..<width { r[c] += bias[c] }; continue
                default: for c in 0..<width { r[c] += bias[c] }
                }
            }
            switch activation {
            case .linear:
                break
            case .relu:
                rectify(r, count: width)
            case .leakyRelu:
                for c in 0..<width where r[c] < 0 { r[c] *= slope }
            case .sigmoid:
                for c in 0..<width { r[c] = 1 / (1 + S.exponential(-r[c])) }
            case .tanh:
                for c in 0..<width { r[c] = S.hyperbolicTangent(r[c]) }
            case .softmax:
                var largest = -S.infinity
                for c in 0..<width { largest = Swift.max(largest, r[c]) }
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
    static func backward<S: NeuralScalar>(_ activation: Activation, slope: S = 0, y: UnsafePointer<S>,
                                          gradient dy: UnsafeMutablePointer<S>, batch: Int, width: Int) {
        let count = batch * width
        switch activation {
        case .linear:
            return
        case .relu:
            reluBackward(y: y, gradient: dy, count: count)
        case .leakyRelu:
            for i in 0..<count where !(y[i] > 0) { dy[i] *= slope }
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

    /// `r[c] = max(r[c], 0)`, four lanes at a time for Float.
    @inline(__always)
    private static func rectify<S: NeuralScalar>(_ r: UnsafeMutablePointer<S>, count: Int) {
        var c = 0
        if S.self == Float.self {
            let rf = UnsafeMutableRawPointer(r)
            let stride = MemoryLayout<Float>.stride
            while c + 4 <= count {
                var z = rf.loadUnaligned(fromByteOffset: c * stride, as: SIMD4<Float>.self)
                z.replace(with: 0, where: z .< 0)
                rf.storeBytes(of: z, toByteOffset: c * stride, as: SIMD4<Float>.self)
                c += 4
            }
        }
        while c < count {
            if r[c] < 0 { r[c] = 0 }
            c += 1
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
