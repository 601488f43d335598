import Limits

/// Keras `Dense`: `y = activation(x · kernel + bias)`, kernel (inputs, units) from `initializer`, bias zero.
///
/// Parameter slice layout: kernel (I, O) row-major, then bias (O) — exactly `get_weights()`.
/// With a `worker` (a fit on one BLAS thread and two cores), products of at least `splitThreshold`
/// multiply-adds run as two halves at once: the batch's rows forward and for ∂input; for ∂kernel,
/// the kernel's rows, or for a narrow layer the batch's halves (see `splitsKernelGradientByBatch`).
final class Dense<Scalar: NeuralScalar>: Layer {
    let inputSize: Int
    let units: Int
    let activation: Activation
    let initializer: Initializer
    private var kernel: UnsafeMutablePointer<Scalar>?
    private var kernelGradient: UnsafeMutablePointer<Scalar>?
    /// Takes half of each big product while a fit that set it runs.
    var worker: SplitWorker?
    /// Multiply-adds from which splitting a product pays for waking the worker.
    static var splitThreshold: Int { 400_000 }

    init(inputs: Int, units: Int, activation: Activation, initializer: Initializer = .glorotUniform) {
        self.inputSize = inputs
        self.units = units
        self.activation = activation
        self.initializer = initializer
    }

    var typeName: String { "Dense" }
    var nameStem: String { "dense" }
    var outputSize: Int { units }
    var outputShape: [Int] { [units] }
    var weightShapes: [[Int]] { [[inputSize, units], [units]] }
    var weightNames: [String] { ["kernel", "bias"] }
    private var slope: Scalar { Scalar(Activation.defaultLeakySlope) }

    /// True when each half of a shared backward pass should sum ∂kernel over its own half of the
    /// batch (two partial kernels, added after): a kernel much smaller than the batch's inputs (a
    /// 784 → 10 layer on 200 rows) then never leaves its core, where splitting the kernel's rows
    /// would make each core read the other's half of the batch.
    private func splitsKernelGradientByBatch(batch: Int) -> Bool { 2 * units <= batch }

    /// The second half-batch's partial kernel gradient (see `splitsKernelGradientByBatch`).
    func temporaryCount(batch: Int) -> Int? { splitsKernelGradientByBatch(batch: batch) ? Checked.product(inputSize, units) : 0 }

    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>,
              state: UnsafeMutablePointer<Scalar>) {
        kernel = parameters
        kernelGradient = gradients
    }

    func initialize(using generator: inout SeededGenerator) {
        guard let kernel else { return }
        initializer.fill(kernel, count: inputSize * units, fanIn: inputSize, fanOut: units, using: &generator)
        (kernel + inputSize * units).update(repeating: 0, count: units)
    }

    /// x (B, I) → y (B, O).
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        guard let kernel else { return }
        let inputs = inputSize, units = units, activation = activation, slope = slope
        guard let worker = worker, batch * inputs * units >= Self.splitThreshold else {
            return DenseKernels.forward(x: input, w: kernel, b: kernel + inputs * units, y: output, batch: batch,
                                        inputs: inputs, outputs: units, activation: activation, slope: slope)
        }
        Halves.run(batch, worker: worker) { start, count in
            DenseKernels.forward(x: input + start * inputs, w: kernel, b: kernel + inputs * units, y: output + start * units,
                                 batch: count, inputs: inputs, outputs: units, activation: activation, slope: slope)
        }
    }

    /// dy (B, O) → dkernel (I, O), dbias (O), dx (B, I).
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        ActivationKernels.backward(activation, slope: slope, y: output, gradient: outputGradient, batch: batch, width: units)
        backwardFromPreActivation(input: input, gradient: outputGradient, inputGradient: inputGradient, batch: batch,
                                  temporary: temporary)
    }

    /// The backward pass when the caller already holds ∂L/∂(x·kernel + bias), (B, units): the fused
    /// softmax + cross-entropy path.
    func backwardFromPreActivation(input: UnsafePointer<Scalar>, gradient: UnsafePointer<Scalar>,
                                   inputGradient: UnsafeMutablePointer<Scalar>?, batch: Int,
                                   temporary: UnsafeMutablePointer<Scalar>) {
        guard let kernel, let kernelGradient else { return }
        let inputs = inputSize, units = units
        guard let worker = worker, batch * inputs * units >= Self.splitThreshold else {
            return DenseKernels.backward(x: input, w: kernel, dz: gradient, dw: kernelGradient,
                                         db: kernelGradient + inputs * units, dx: inputGradient,
                                         batch: batch, inputs: inputs, outputs: units)
        }
        if splitsKernelGradientByBatch(batch: batch) {
            let partial = temporary
            Halves.run(batch, worker: worker) { start, count in
                Scalar.gemm(transposeA: true, transposeB: false, m: inputs, n: units, k: count,
                            alpha: 1, a: input + start * inputs, lda: inputs, b: gradient + start * units, ldb: units,
                            beta: 0, c: start == 0 ? kernelGradient : partial, ldc: units)
            }
            if batch / 2 > 0 { Lanes.add(partial, to: kernelGradient, count: inputs * units) }
        } else {
            Halves.run(inputs, worker: worker) { start, count in
                Scalar.gemm(transposeA: true, transposeB: false, m: count, n: units, k: batch,
                            alpha: 1, a: input + start, lda: inputs, b: gradient, ldb: units,
                            beta: 0, c: kernelGradient + start * units, ldc: units)
            }
        }
        DenseKernels.columnSums(gradient, rows: batch, width: units, into: kernelGradient + inputs * units)
        guard let inputGradient else { return }
        Halves.run(batch, worker: worker) { start, count in
            Scalar.gemm(transposeA: false, transposeB: true, m: count, n: inputs, k: units,
                        alpha: 1, a: gradient + start * units, lda: units, b: kernel, ldb: units,
                        beta: 0, c: inputGradient + start * inputs, ldc: inputs)
        }
    }
}
