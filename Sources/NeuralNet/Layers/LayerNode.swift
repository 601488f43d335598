/// The layers a model can hold, as a closed set.
///
/// The training loop calls layers through this enum rather than through `any Layer`: a switch on
/// concrete types lets the optimizer specialize every kernel for `Float`, while an existential would
/// run the generic code. Adding a layer type means adding a case and one line per switch.
enum LayerNode<Scalar: NeuralScalar> {
    case dense(Dense<Scalar>)
    case conv2d(Conv2D<Scalar>)
    case maxPool2D(MaxPool2D<Scalar>)
    case flatten(Flatten<Scalar>)
    case dropout(Dropout<Scalar>)
    case batchNormalization(BatchNormalization<Scalar>)
    case activation(ActivationLayer<Scalar>)

    /// The layer as a protocol value, for everything off the hot path.
    var layer: any Layer<Scalar> {
        switch self {
        case .dense(let layer): return layer
        case .conv2d(let layer): return layer
        case .maxPool2D(let layer): return layer
        case .flatten(let layer): return layer
        case .dropout(let layer): return layer
        case .batchNormalization(let layer): return layer
        case .activation(let layer): return layer
        }
    }

    @inline(__always)
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int, training: Bool,
                 scratch: UnsafeMutablePointer<Scalar>) {
        switch self {
        case .dense(let layer): layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch)
        case .conv2d(let layer): layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch)
        case .maxPool2D(let layer): layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch)
        case .flatten(let layer): layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch)
        case .dropout(let layer): layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch)
        case .batchNormalization(let layer):
            layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch)
        case .activation(let layer): layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch)
        }
    }

    @inline(__always)
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        switch self {
        case .dense(let layer):
            layer.backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                           batch: batch, scratch: scratch, temporary: temporary)
        case .conv2d(let layer):
            layer.backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                           batch: batch, scratch: scratch, temporary: temporary)
        case .maxPool2D(let layer):
            layer.backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                           batch: batch, scratch: scratch, temporary: temporary)
        case .flatten(let layer):
            layer.backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                           batch: batch, scratch: scratch, temporary: temporary)
        case .dropout(let layer):
            layer.backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                           batch: batch, scratch: scratch, temporary: temporary)
        case .batchNormalization(let layer):
            layer.backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                           batch: batch, scratch: scratch, temporary: temporary)
        case .activation(let layer):
            layer.backward(input: input, output: output, outputGradient: outputGradient, inputGradient: inputGradient,
                           batch: batch, scratch: scratch, temporary: temporary)
        }
    }

    /// True when the layer ends in softmax over its last axis and `backwardFromPreActivation` can
    /// take ∂L/∂(softmax input) directly (the fused softmax + cross-entropy path).
    var endsInSoftmax: Bool {
        switch self {
        case .dense(let layer): return layer.activation == .softmax
        case .activation(let layer): return layer.activation == .softmax
        default: return false
        }
    }

    /// The backward pass given ∂L/∂(the softmax's input) in `gradient`, for a layer that `endsInSoftmax`.
    @inline(__always)
    func backwardFromPreActivation(input: UnsafePointer<Scalar>, gradient: UnsafeMutablePointer<Scalar>,
                                   inputGradient: UnsafeMutablePointer<Scalar>?, batch: Int,
                                   temporary: UnsafeMutablePointer<Scalar>) {
        switch self {
        case .dense(let layer):
            layer.backwardFromPreActivation(input: input, gradient: gradient, inputGradient: inputGradient, batch: batch,
                                            temporary: temporary)
        case .activation(let layer):
            inputGradient?.update(from: gradient, count: batch * layer.inputSize)
        default:
            return
        }
    }
}
