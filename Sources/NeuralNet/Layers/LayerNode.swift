/// The layers a model can hold, as a closed set.
///
/// The training loop calls layers through this enum rather than through `any Layer`: a switch on
/// concrete types lets the optimizer specialize every kernel for `Float`, while an existential would
/// run the generic code. Adding a layer type means adding a case and one line per switch.
enum LayerNode<Scalar: NeuralScalar> {
    case dense(Dense<Scalar>)

    /// The layer as a protocol value, for everything off the hot path.
    var layer: any Layer<Scalar> {
        switch self {
        case .dense(let dense): return dense
        }
    }

    @inline(__always)
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int) {
        switch self {
        case .dense(let dense): dense.forward(input: input, output: output, batch: batch)
        }
    }

    @inline(__always)
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int) {
        switch self {
        case .dense(let dense):
            dense.backward(input: input, output: output, outputGradient: outputGradient,
                           inputGradient: inputGradient, batch: batch)
        }
    }

    /// The final dense layer when it ends in softmax: cross-entropy's gradient then skips the
    /// softmax Jacobian and goes straight to its input.
    var softmaxDense: Dense<Scalar>? {
        switch self {
        case .dense(let dense): return dense.activation == .softmax ? dense : nil
        }
    }
}
