/// The fully connected layer's math, forward and backward side by side (llm.c style).
///
/// Shapes (row-major): `x` is (B, I), `w` is (I, O) — Keras' kernel layout —, `b` is (O),
/// `y` is (B, O). Every matrix product goes to BLAS.
enum DenseKernels {
    /// `y = activation(x · w + b)`.
    @inline(__always)
    static func forward<S: NeuralScalar>(x: UnsafePointer<S>, w: UnsafePointer<S>, b: UnsafePointer<S>,
                                         y: UnsafeMutablePointer<S>, batch: Int, inputs: Int, outputs: Int,
                                         activation: Activation, slope: S = 0) {
        S.gemm(transposeA: false, transposeB: false, m: batch, n: outputs, k: inputs,
               alpha: 1, a: x, lda: inputs, b: w, ldb: outputs, beta: 0, c: y, ldc: outputs)
        ActivationKernels.addBiasAndActivate(activation, slope: slope, y: y, bias: b, batch: batch, width: outputs)
    }

    /// Given `dz` = ∂L/∂(x·w + b), (B, O): `dw = xᵀ · dz` (I, O), `db = Σ_rows dz` (O) and, when
    /// `dx` is given, `dx = dz · wᵀ` (B, I). The first layer passes no `dx`: nobody needs it.
    @inline(__always)
    static func backward<S: NeuralScalar>(x: UnsafePointer<S>, w: UnsafePointer<S>, dz: UnsafePointer<S>,
                                          dw: UnsafeMutablePointer<S>, db: UnsafeMutablePointer<S>,
                                          dx: UnsafeMutablePointer<S>?, batch: Int, inputs: Int, outputs: Int) {
        S.gemm(transposeA: true, transposeB: false, m: inputs, n: outputs, k: batch,
               alpha: 1, a: x, lda: inputs, b: dz, ldb: outputs, beta: 0, c: dw, ldc: outputs)
        columnSums(dz, rows: batch, width: outputs, into: db)
        if let dx {
            S.gemm(transposeA: false, transposeB: true, m: batch, n: inputs, k: outputs,
                   alpha: 1, a: dz, lda: outputs, b: w, ldb: outputs, beta: 0, c: dx, ldc: inputs)
        }
    }

    /// `sums[c] = Σ_r m[r, c]` for an (rows, width) matrix: a bias gradient.
    @inline(__always)
    static func columnSums<S: NeuralScalar>(_ m: UnsafePointer<S>, rows: Int, width: Int, into sums: UnsafeMutablePointer<S>) {
        sums.update(repeating: 0, count: width)
        for row in 0..<rows { Lanes.add(m + row &* width, to: sums, count: width) }
    }
}
