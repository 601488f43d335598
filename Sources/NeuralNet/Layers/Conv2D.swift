/// Keras `Conv2D` on channels-last images: `y = activation(conv(x, kernel) + bias)`, kernel
/// (KH, KW, C, F) from `initializer` with fan_in = KH·KW·C and fan_out = KH·KW·F, bias zero.
///
/// Each pass is one matrix product over the whole batch: the patches are unfolded (im2col) into
/// `scratch`, (B·OH·OW, KH·KW·C), and multiplied by the kernel read as a (KH·KW·C, F) matrix, which
/// gives y (B, OH, OW, F) directly. Parameter slice: kernel then bias (F) — `get_weights()`.
/// With a `worker`, each pass runs as two halves on two cores (the batch's halves, and for the
/// kernel gradient the halves of its rows), each product on one BLAS thread.
final class Conv2D<Scalar: NeuralScalar>: Layer {
    let geometry: ConvGeometry
    let filters: Int
    let activation: Activation
    let initializer: Initializer
    private var kernel: UnsafeMutablePointer<Scalar>?
    private var kernelGradient: UnsafeMutablePointer<Scalar>?
    /// Takes half of each pass while a fit or evaluation that set it runs.
    var worker: SplitWorker?

    init(geometry: ConvGeometry, filters: Int, activation: Activation, initializer: Initializer = .glorotUniform) {
        self.geometry = geometry
        self.filters = filters
        self.activation = activation
        self.initializer = initializer
    }

    var typeName: String { "Conv2D" }
    var nameStem: String { "conv2d" }
    var inputSize: Int { geometry.inputSize }
    var outputSize: Int { geometry.outputPixels * filters }
    var outputShape: [Int] { [geometry.outHeight, geometry.outWidth, filters] }
    var weightShapes: [[Int]] { [[geometry.window, geometry.window, geometry.channels, filters], [filters]] }
    var weightNames: [String] { ["kernel", "bias"] }
    private var patchSize: Int { geometry.patchSize }
    private var slope: Scalar { Scalar(Activation.defaultLeakySlope) }

    func largestProduct(batch: Int) -> Int { batch * geometry.outputPixels * patchSize * filters }
    /// The unfolded patches (B·OH·OW, KH·KW·C), kept for the kernel gradient.
    func scratchCount(batch: Int) -> Int? { Checked.product(batch, geometry.outputPixels, patchSize) }
    /// The patch gradients (B·OH·OW, KH·KW·C) before they are folded back into the input gradient,
    /// followed by the second half-batch's kernel and bias gradients.
    func temporaryCount(batch: Int) -> Int? { Checked.sum(scratchCount(batch: batch), parameterCount) }

    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>,
              state: UnsafeMutablePointer<Scalar>) {
        kernel = parameters
        kernelGradient = gradients
    }

    func initialize(using generator: inout SeededGenerator) {
        guard let kernel else { return }
        let area = geometry.window * geometry.window
        initializer.fill(kernel, count: patchSize * filters, fanIn: area * geometry.channels, fanOut: area * filters,
                         using: &generator)
        (kernel + patchSize * filters).update(repeating: 0, count: filters)
    }

    /// x (B, H, W, C) → col (B·OH·OW, KH·KW·C) → y = col · kernel (B·OH·OW, F), plus bias, activated.
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        guard let kernel else { return }
        let pixels = geometry.outputPixels, patch = patchSize, filters = filters
        let inputSize = geometry.inputSize, geometry = geometry, activation = activation, slope = slope
        Halves.run(batch, worker: worker) { start, count in
            let col = scratch + start * pixels * patch, y = output + start * pixels * filters
            Im2Col.unfold(input + start * inputSize, into: col, batch: count, geometry: geometry)
            Scalar.gemm(transposeA: false, transposeB: false, m: count * pixels, n: filters, k: patch,
                        alpha: 1, a: col, lda: patch, b: kernel, ldb: filters, beta: 0, c: y, ldc: filters)
            ActivationKernels.addBiasAndActivate(activation, slope: slope, y: y, bias: kernel + patch * filters,
                                                 batch: count * pixels, width: filters)
        }
    }

    /// dy (B·OH·OW, F) → dz in place; dkernel = colᵀ · dz (KH·KW·C, F); dbias = Σ dz (F);
    /// dcol = dz · kernelᵀ (B·OH·OW, KH·KW·C) in `temporary`, folded into dx (B, H, W, C).
    /// Each half of the batch sums its own kernel and bias gradients (the second half's into the
    /// end of `temporary`), added at the end.
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        guard let kernel, let kernelGradient else { return }
        let pixels = geometry.outputPixels, patch = patchSize, filters = filters
        let inputSize = geometry.inputSize, geometry = geometry, activation = activation, slope = slope
        let weights = parameterCount
        let partial = temporary + (temporaryCount(batch: batch) ?? weights) - weights
        Halves.run(batch, worker: worker) { start, count in
            let rows = count * pixels
            let dz = outputGradient + start * pixels * filters, col = scratch + start * pixels * patch
            ActivationKernels.backward(activation, slope: slope, y: output + start * pixels * filters, gradient: dz,
                                       batch: rows, width: filters)
            let gradient = start == 0 ? kernelGradient : partial
            Scalar.gemm(transposeA: true, transposeB: false, m: patch, n: filters, k: rows,
                        alpha: 1, a: col, lda: patch, b: dz, ldb: filters, beta: 0, c: gradient, ldc: filters)
            DenseKernels.columnSums(dz, rows: rows, width: filters, into: gradient + patch * filters)
            guard let inputGradient else { return }
            let dcol = temporary + start * pixels * patch
            Scalar.gemm(transposeA: false, transposeB: true, m: rows, n: patch, k: filters,
                        alpha: 1, a: dz, lda: filters, b: kernel, ldb: filters, beta: 0, c: dcol, ldc: patch)
            Im2Col.fold(dcol, into: inputGradient + start * inputSize, batch: count, geometry: geometry)
        }
        if batch / 2 > 0 { Lanes.add(partial, to: kernelGradient, count: weights) }
    }
}
