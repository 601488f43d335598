import Limits

/// Keras `Conv2D` on channels-last images: `y = activation(conv(x, kernel) + bias)`, kernel
/// (KH, KW, C, F) from `initializer` with fan_in = KH·KW·C and fan_out = KH·KW·F, bias zero.
///
/// Each pass is a matrix product per chunk of images: the chunk's patches are unfolded (im2col)
/// into `scratch`, (images·OH·OW, KH·KW·C), and multiplied by the kernel read as a (KH·KW·C, F)
/// matrix, which gives that chunk of y (B, OH, OW, F) directly. Chunks are small (see
/// `chunkScalars`) so the patches and the patch gradients move through a core's cache, never
/// through memory; the backward pass unfolds each chunk again rather than keeping the batch's
/// patches. Parameter slice: kernel then bias (F) — `get_weights()`.
/// With a `worker`, each pass runs as two halves on two cores (the batch's halves), each product
/// on one BLAS thread.
final class Conv2D<Scalar: NeuralScalar>: Layer {
    let geometry: ConvGeometry
    let filters: Int
    let activation: Activation
    let initializer: Initializer
    private var kernel: UnsafeMutablePointer<Scalar>?
    private var kernelGradient: UnsafeMutablePointer<Scalar>?
    /// Takes half of each pass while a fit or evaluation that set it runs.
    var worker: SplitWorker?
    /// True when the next layer's backward pass already applied this layer's activation gradient
    /// (a relu followed by max pooling, see `Network.fuseReluIntoPooling`): `backward` then
    /// receives ∂L/∂(pre-activation) and skips that pass.
    var nextAppliesActivationGradient = false

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
    /// Kernel and bias sizes, without building `weightShapes` (the backward pass asks each step).
    var parameterCount: Int { patchSize * filters + filters }
    private var patchSize: Int { geometry.patchSize }
    private var slope: Scalar { Scalar(Activation.defaultLeakySlope) }

    /// Two chunks' unfolded patches (one per half-batch). Nothing is kept from forward to backward:
    /// unfolding a chunk again costs less than storing the patches of the whole batch.
    func scratchCount(batch: Int) -> Int? { chunkPairCount(batch: batch) }
    /// Two chunks' patch gradients (one per half-batch) before they are folded back into the input
    /// gradient, followed by the second half-batch's kernel and bias gradients.
    func temporaryCount(batch: Int) -> Int? { Checked.sum(chunkPairCount(batch: batch), parameterCount) }
    private func chunkPairCount(batch: Int) -> Int? {
        Checked.product(2, Swift.min(chunkImages, batch), geometry.outputPixels, patchSize)
    }

    /// Scalars the larger of a chunk's patches and outputs should hold: small enough that both stay
    /// in a core's L2 cache between being written and being read by the products, the pooling and
    /// the fold (512 KB of `Float` measured fastest on the CNN benchmark). A first layer's outputs
    /// (F per pixel) outgrow its patches (KH·KW·C per pixel) several times over, so they set its
    /// chunks. Set before the layer's buffers are sized.
    var chunkScalars = 131_072
    /// Images per chunk: each half-batch's unfold → products → fold run a chunk at a time.
    var chunkImages: Int { Swift.max(1, chunkScalars / Swift.max(1, geometry.outputPixels * Swift.max(patchSize, filters))) }

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

    /// x (B, H, W, C) → col (B·OH·OW, KH·KW·C) → y = col · kernel (B·OH·OW, F), plus bias, activated,
    /// a chunk of images at a time (each half-batch unfolding into its own chunk of `scratch`).
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        forward(input: input, output: output, batch: batch, training: training, scratch: scratch, pooling: nil)
    }

    /// The forward pass, followed on each chunk — while its output is still in cache — by the next
    /// layer's max pooling when `pooling` gives that layer's output and scratch. Only the outputs
    /// the pooling reads are computed (`ConvGeometry.restricted(toOutputsReadBy:)`), and `output`
    /// holds them image after image, so nothing but the pooling and `backward(…pooling:)` may read
    /// it. A relu whose gradient the pooling applies (`nextAppliesActivationGradient`) then acts on
    /// the pooled values (with the bias), and `output` keeps the convolution without bias.
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int, training: Bool,
                 scratch: UnsafeMutablePointer<Scalar>, pooling: ChunkPooling<Scalar>?) {
        guard let kernel else { return }
        let (geometry, poolGeometry) = restricted(for: pooling?.geometry)
        let pixels = geometry.outputPixels, patch = patchSize, filters = filters
        let inputSize = geometry.inputSize, activation = activation, slope = slope
        let chunk = Swift.min(chunkImages, batch)
        // relu(max(z) + b) = max(relu(z + b)) exactly (rounding is monotonic): with the pooling's
        // backward pass applying the relu gradient, bias and relu go on the 4× smaller pooled values.
        let activatesPooled = pooling != nil && nextAppliesActivationGradient && activation == .relu
        Halves.run(batch, worker: worker) { half, halfCount in
            let col = scratch + (half == 0 ? 0 : chunk * pixels * patch)
            for start in stride(from: half, to: half + halfCount, by: chunk) {
                let count = Swift.min(chunk, half + halfCount - start), y = output + start * pixels * filters
                Im2Col.unfold(input + start * inputSize, into: col, batch: count, geometry: geometry)
                Scalar.gemm(transposeA: false, transposeB: false, m: count * pixels, n: filters, k: patch,
                            alpha: 1, a: col, lda: patch, b: kernel, ldb: filters, beta: 0, c: y, ldc: filters)
                if !activatesPooled {
                    ActivationKernels.addBiasAndActivate(activation, slope: slope, y: y, bias: kernel + patch * filters,
                                                         batch: count * pixels, width: filters)
                }
                guard let pooling else { continue }
                let pooledPixels = poolGeometry.outputPixels, pooled = pooling.output + start * pooledPixels * filters
                PoolKernels.maxForward(y, pooled, argmax: training ? pooling.argmax + start * pooledPixels * filters : nil,
                                       batch: count, geometry: poolGeometry)
                if activatesPooled {
                    ActivationKernels.addBiasAndActivate(activation, slope: slope, y: pooled, bias: kernel + patch * filters,
                                                         batch: count * pooledPixels, width: filters)
                }
            }
        }
    }

    /// A chunk of images at a time: dy (B·OH·OW, F) → dz in place; the chunk's patches unfolded
    /// again into `scratch`; dkernel += colᵀ · dz (KH·KW·C, F); dbias += Σ dz (F);
    /// dcol = dz · kernelᵀ (B·OH·OW, KH·KW·C) in `temporary`, folded into dx (B, H, W, C).
    /// Each half of the batch sums its own kernel and bias gradients (the second half's into the
    /// end of `temporary`), added at the end.
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                 batch: batch, scratch: scratch, temporary: temporary, pooling: nil)
    }

    /// The backward pass, preceded on each chunk by the next layer's max pooling backward pass when
    /// `pooling` gives that layer's argmax, output gradient and (for the relu mask) output: the
    /// chunk's part of `outputGradient` is written just before the products read it, still in cache.
    /// As in `forward(…pooling:)`, only the outputs the pooling reads take part (the others have no
    /// gradient), and `output` and `outputGradient` hold them image after image.
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>,
                  pooling: ChunkPoolingGradient<Scalar>?) {
        guard let kernel, let kernelGradient else { return }
        let (geometry, poolGeometry) = restricted(for: pooling?.geometry)
        let pixels = geometry.outputPixels, patch = patchSize, filters = filters
        let inputSize = geometry.inputSize, activation = activation, slope = slope
        let weights = parameterCount, chunk = Swift.min(chunkImages, batch), activated = !nextAppliesActivationGradient
        let partial = temporary + (temporaryCount(batch: batch) ?? weights) - weights
        // The bias gradient Σ dz is the sum of the gradients the pooling sends, unless an activation
        // gradient still applies to dz after the pooling's pass.
        let sumsPooled = pooling != nil && !activated
        Halves.run(batch, worker: worker) { start, count in
            let col = scratch + (start == 0 ? 0 : chunk * pixels * patch)
            let dcol = temporary + (start == 0 ? 0 : chunk * pixels * patch)
            let gradient = start == 0 ? kernelGradient : partial, biasGradient = gradient + patch * filters
            biasGradient.update(repeating: 0, count: filters)
            for first in stride(from: start, to: start + count, by: chunk) {
                let images = Swift.min(chunk, start + count - first), rows = images * pixels
                let dz = outputGradient + first * pixels * filters
                if let pooling {
                    let pooled = first * poolGeometry.outputPixels * filters
                    PoolKernels.maxBackward(argmax: pooling.argmax + pooled, pooling.outputGradient + pooled, dz,
                                            reluOutput: pooling.reluOutput.map { $0 + pooled }, channelSums: sumsPooled ? biasGradient : nil,
                                            batch: images, geometry: poolGeometry)
                }
                if activated {
                    ActivationKernels.backward(activation, slope: slope, y: output + first * pixels * filters, gradient: dz,
                                               batch: rows, width: filters)
                }
                Im2Col.unfold(input + first * inputSize, into: col, batch: images, geometry: geometry)
                Scalar.gemm(transposeA: true, transposeB: false, m: patch, n: filters, k: rows, alpha: 1, a: col, lda: patch,
                            b: dz, ldb: filters, beta: first == start ? 0 : 1, c: gradient, ldc: filters)
                if !sumsPooled {
                    for row in 0..<rows { Lanes.add(dz + row * filters, to: biasGradient, count: filters) }
                }
                guard let inputGradient else { continue }
                Scalar.gemm(transposeA: false, transposeB: true, m: rows, n: patch, k: filters,
                            alpha: 1, a: dz, lda: filters, b: kernel, ldb: filters, beta: 0, c: dcol, ldc: patch)
                Im2Col.fold(dcol, into: inputGradient + first * inputSize, batch: images, geometry: geometry)
            }
        }
        if batch / 2 > 0 { Lanes.add(partial, to: kernelGradient, count: weights) }
    }
}

extension Conv2D {
    /// The convolution and pooling geometries a fused pass uses: this layer's, cut down to the
    /// outputs `pooling` reads (see `ConvGeometry.restricted(toOutputsReadBy:)`), or as they are.
    fileprivate func restricted(for pooling: ConvGeometry?) -> (ConvGeometry, ConvGeometry) {
        guard let pooling else { return (geometry, geometry) }
        return geometry.restricted(toOutputsReadBy: pooling)
    }
}

/// Where a convolution's forward pass writes the max pooling that follows it (see
/// `Conv2D.forward(…pooling:)`): the pooling's geometry, output and argmax scratch.
struct ChunkPooling<Scalar: NeuralScalar> {
    let geometry: ConvGeometry
    let output: UnsafeMutablePointer<Scalar>
    let argmax: UnsafeMutablePointer<Scalar>
}

/// What a convolution's backward pass needs to run the max pooling's backward pass that follows it
/// (see `Conv2D.backward(…pooling:)`): the pooling's geometry, argmax, output gradient, and its
/// output when it applies the convolution's relu gradient.
struct ChunkPoolingGradient<Scalar: NeuralScalar> {
    let geometry: ConvGeometry
    let argmax: UnsafePointer<Scalar>
    let outputGradient: UnsafePointer<Scalar>
    let reluOutput: UnsafePointer<Scalar>?
}
