/// Everything that can go wrong building, training or running a model, each said so a person can fix it.
/// (What does not fit in memory is `Limits.MemoryBudgetError`, thrown by the shared memory budget.)
public enum NeuralNetError: Error, CustomStringConvertible, Equatable {
    /// The model's input shape is empty or has a dimension ≤ 0.
    case invalidInputShape([Int])
    /// A model without layers.
    case noLayers
    /// A layer (1-based) asks for a unit count that is ≤ 0 or absurdly large.
    case invalidUnits(layer: Int, units: Int)
    /// A dense layer (1-based) gets a multi-dimensional input.
    case denseNeedsFlatInput(layer: Int, inputShape: [Int])
    /// A layer (1-based) whose options do not fit its input; `problem` says what and how to fix it.
    case invalidLayer(layer: Int, problem: String)
    /// The data's sample shape differs from the model's input shape.
    case shapeMismatch(data: [Int], model: [Int])
    /// The loss needs one-hot targets but the data has plain labels.
    case targetsNeedOneHot(loss: Loss, outputUnits: Int)
    /// One-hot targets of one width, a model output of another.
    case targetWidthMismatch(loss: Loss, targetWidth: Int, outputUnits: Int)
    /// A label (of sample `sample`, 0-based) is negative or ≥ the number of classes.
    case labelOutOfRange(sample: Int, label: Int32, classes: Int)
    /// No samples at all.
    case emptyData
    /// An `Examples` value whose arrays disagree with its `count` and `sampleShape`.
    case inconsistentData(String)
    case invalidBatchSize(Int)
    case invalidEpochs(Int)
    /// Not a number in [0, 1).
    case invalidValidationSplit(Double)
    /// The split leaves no training rows or no validation rows.
    case validationSplitLeavesNoRows(split: Double, count: Int, trainingRows: Int)
    /// A learning rate or momentum that is negative or not finite.
    case invalidOptimizer(String)
    /// The training loss of epoch `epoch`, batch `batch` (both 1-based) was NaN or infinite.
    case nonFiniteLoss(epoch: Int, batch: Int, isNaN: Bool, learningRate: Float)
    /// `predict` got an input array whose size is not `count × inputSize`.
    case inputSizeMismatch(expected: Int, got: Int)
    /// `setWeights` got arrays of the wrong number or sizes.
    case invalidWeights(String)
    /// The targets are of a kind the loss cannot use (`problem`), and how to fix it (`fix`).
    case targetsDoNotFitLoss(loss: Loss, problem: String, fix: String)
    /// A `Tensor` built or reshaped with a shape that does not fit its values.
    case invalidTensor(String)
    /// A saved model file that cannot be read back, and why.
    case invalidModelFile(path: String, reason: String)
    /// A model that could not be written to `path`.
    case cannotSaveModel(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidInputShape(let shape):
            return "The input shape \(shape) is not valid: give one or more dimensions, each at least 1 (e.g. input=784)."
        case .noLayers:
            return "The model has no layers: add at least one, e.g. dense 10 softmax."
        case .invalidUnits(let layer, let units):
            return "Layer \(layer) asks for \(units) units: use a unit count between 1 and \(Int32.max)."
        case .denseNeedsFlatInput(let layer, let shape):
            return "Layer \(layer) is dense but its input has shape \(shape): dense layers take flat inputs, so add `flatten` before it (or `flatten: true` in preprocess and build with input=\(shape.reduce(1, *)))."
        case .invalidLayer(let layer, let problem):
            return "Layer \(layer) \(problem)."
        case .shapeMismatch(let data, let model):
            let text = "The data's samples have shape \(data) but the model expects \(model): "
            if data.count > 1, model.count == 1, data.reduce(1, *) == model[0] {
                return text + "add `flatten: true` to preprocess."
            }
            return text + "build the model with input=\(data.reduce(1, *)), or reshape the data to match."
        case .targetsNeedOneHot(let loss, let units):
            let alternative = loss == .categoricalCrossentropy ? ", or use sparse_categorical_crossentropy" : ""
            return "The loss \(loss.rawValue) needs one-hot targets but the data has plain labels: add `one_hot: \(units)` to preprocess\(alternative)."
        case .targetWidthMismatch(let loss, let width, let units):
            return "The loss \(loss.rawValue) needs targets as wide as the last layer, but the targets are one-hot of width \(width) and the last layer has \(units) units: add `one_hot: \(units)` to preprocess, or make the last layer dense \(width) softmax."
        case .labelOutOfRange(let sample, let label, let classes):
            return "Sample \(sample) has label \(label), outside 0..<\(classes): check the labels or use `one_hot: N` with N larger than the largest label."
        case .emptyData:
            return "The data has no samples: load a dataset with at least one sample."
        case .inconsistentData(let reason):
            return "The data is inconsistent: \(reason)."
        case .invalidBatchSize(let size):
            return "The batch_size \(size) is not valid: use a positive batch size, e.g. 32."
        case .invalidEpochs(let epochs):
            return "The epochs value \(epochs) is not valid: use zero or more epochs, e.g. 10."
        case .invalidValidationSplit(let split):
            return "The validation_split \(split) is not valid: use a fraction from 0 (no validation) up to but not including 1, e.g. 0.1."
        case .validationSplitLeavesNoRows(let split, let count, let training):
            if training == 0 {
                return "A validation_split of \(split) on \(count) samples leaves no training rows: use a smaller validation_split, or more data."
            }
            return "A validation_split of \(split) on \(count) samples leaves no validation rows: use a larger validation_split, 0 for no validation, or more data."
        case .invalidOptimizer(let reason):
            return "The optimizer is not usable: \(reason)."
        case .nonFiniteLoss(let epoch, let batch, let isNaN, let learningRate):
            return "The loss became \(isNaN ? "NaN" : "infinite") in epoch \(epoch), batch \(batch): lower learning_rate, e.g. 10× lower (\(learningRate / 10)), or scale the inputs with `scale: 255` in preprocess."
        case .inputSizeMismatch(let expected, let got):
            return "The inputs to predict have \(got) values but \(expected) were expected (count × the model's input size): pass whole samples of the model's input shape."
        case .invalidWeights(let reason):
            return "The weights do not fit the model: \(reason)."
        case .targetsDoNotFitLoss(let loss, let problem, let fix):
            return "The loss \(loss.rawValue) does not fit the targets: \(problem). To fix it, \(fix)."
        case .invalidTensor(let reason):
            return "The tensor is not valid: \(reason)."
        case .invalidModelFile(let path, let reason):
            return "The model file \(path) cannot be loaded: \(reason). Check the path, or save the model again with Folio."
        case .cannotSaveModel(let path, let reason):
            return "The model cannot be saved to \(path): \(reason)."
        }
    }
}
