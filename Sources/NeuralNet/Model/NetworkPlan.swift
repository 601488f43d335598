import Limits

/// Turns layer specs into layers, checking every shape and size before anything is allocated.
enum NetworkPlan {
    /// The layers for `specs` on samples of `inputShape`, and their trainable parameter count
    /// (nil when it does not even fit in an Int). `seed` seeds dropout masks.
    static func layers<Scalar: NeuralScalar>(inputShape: [Int], specs: [LayerSpec], seed: UInt64 = 0)
        throws -> (nodes: [LayerNode<Scalar>], parameterCount: Int?) {
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }),
              let inputSize = Checked.product(inputShape.map { Optional($0) }),
              inputSize <= Int(Int32.max)
        else { throw NeuralNetError.invalidInputShape(inputShape) }

        var nodes: [LayerNode<Scalar>] = []
        var shape = inputShape
        var parameterCount: Int? = 0
        for (index, spec) in specs.enumerated() {
            let node: LayerNode<Scalar> = try makeNode(spec, inputShape: shape, number: index + 1,
                                                       seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            let layer = node.layer
            guard let size = Checked.product(layer.outputShape.map { Optional($0) }), size <= Int(Int32.max) else {
                throw NeuralNetError.invalidLayer(layer: index + 1, problem: "would output \(layer.outputShape) values per sample, too many to hold: use fewer filters or units, or a larger stride")
            }
            parameterCount = Checked.sum(parameterCount, layer.parameterCount)
            nodes.append(node)
            shape = layer.outputShape
        }
        return (nodes, parameterCount)
    }

    /// `layers(inputShape:specs:seed:)` for a model that has layers and whose weights, gradients,
    /// (Adam's) two optimizer slots per parameter and state fit in memory — checked before anything
    /// is allocated.
    static func affordableLayers<Scalar: NeuralScalar>(inputShape: [Int], specs: [LayerSpec], seed: UInt64 = 0)
        throws -> (nodes: [LayerNode<Scalar>], parameterCount: Int) {
        guard !specs.isEmpty else { throw NeuralNetError.noLayers }
        let plan: (nodes: [LayerNode<Scalar>], parameterCount: Int?) = try layers(inputShape: inputShape, specs: specs, seed: seed)
        let stateCount = Checked.sum(plan.nodes.map { Optional($0.layer.stateCount) })
        try MemoryBudget.require("model's weights, gradients and optimizer state",
                                 floats: Checked.sum(Checked.product(plan.parameterCount, 4), stateCount))
        return (plan.nodes, plan.parameterCount ?? 0)
    }

    /// The layer for `spec` on samples of `shape`; `number` is 1-based, for messages.
    private static func makeNode<Scalar: NeuralScalar>(_ spec: LayerSpec, inputShape shape: [Int], number: Int,
                                                       seed: UInt64) throws -> LayerNode<Scalar> {
        func fail(_ problem: String) -> NeuralNetError { .invalidLayer(layer: number, problem: problem) }
        let limit = Int(Int32.max)
        switch spec {
        case .dense(let units, let activation, let initializer):
            guard units > 0, units <= limit else { throw NeuralNetError.invalidUnits(layer: number, units: units) }
            guard shape.count == 1 else { throw NeuralNetError.denseNeedsFlatInput(layer: number, inputShape: shape) }
            guard Checked.product(shape[0], units) != nil else {
                throw fail("(dense \(units)) would need more weights than can be counted: use fewer units")
            }
            return .dense(Dense(inputs: shape[0], units: units, activation: activation, initializer: initializer))
        case .conv2d(let filters, let kernelSize, let stride, let padding, let activation, let initializer):
            guard filters > 0, filters <= limit else {
                throw fail("(conv2d) asks for \(filters) filters: use a filter count from 1 up, e.g. 32")
            }
            guard kernelSize > 0, kernelSize <= limit else {
                throw fail("(conv2d) has kernel size \(kernelSize): use a kernel size from 1 up, e.g. 3")
            }
            guard stride > 0, stride <= limit else {
                throw fail("(conv2d) has stride \(stride): use a stride from 1 up, e.g. 1")
            }
            let image = try imageShape(shape, kind: "conv2d", number: number)
            guard let geometry = ConvGeometry(height: image.height, width: image.width, channels: image.channels,
                                              window: kernelSize, stride: stride, padding: padding)
            else {
                throw fail("(conv2d) has a \(kernelSize)×\(kernelSize) kernel, larger than its \(image.height)×\(image.width) input: use a smaller kernel_size or padding=same")
            }
            guard Checked.product(geometry.patchSize, filters) != nil else {
                throw fail("(conv2d) would need more weights than can be counted: use fewer filters or a smaller kernel")
            }
            return .conv2d(Conv2D(geometry: geometry, filters: filters, activation: activation, initializer: initializer))
        case .maxPool2D(let poolSize, let stride):
            let step = stride ?? poolSize
            guard poolSize > 0, poolSize <= limit, step > 0, step <= limit else {
                throw fail("(maxpool) has pool size \(poolSize) and stride \(step): use positive sizes, e.g. maxpool 2")
            }
            let image = try imageShape(shape, kind: "maxpool", number: number)
            guard let geometry = ConvGeometry(height: image.height, width: image.width, channels: image.channels,
                                              window: poolSize, stride: step, padding: .valid)
            else {
                throw fail("(maxpool) has a \(poolSize)×\(poolSize) window, larger than its \(image.height)×\(image.width) input: use a smaller pool size or remove a pooling layer")
            }
            return .maxPool2D(MaxPool2D(geometry: geometry))
        case .flatten:
            return .flatten(Flatten(inputSize: shape.reduce(1, *)))
        case .dropout(let rate):
            guard rate.isFinite, rate >= 0, rate < 1 else {
                throw fail("(dropout) has rate \(rate): use a fraction from 0 up to but not including 1, e.g. 0.5")
            }
            return .dropout(Dropout(shape: shape, rate: Double(rate), seed: seed))
        case .batchNormalization:
            return .batchNormalization(BatchNormalization(shape: shape))
        case .activation(let activation, let negativeSlope):
            guard negativeSlope.isFinite, negativeSlope >= 0 else {
                throw fail("(\(activation.rawValue)) has negative slope \(negativeSlope): use a number from 0 up, e.g. 0.3")
            }
            return .activation(ActivationLayer(shape: shape, activation: activation, negativeSlope: negativeSlope))
        }
    }

    /// `shape` as (height, width, channels), or an error saying how to give images that shape.
    private static func imageShape(_ shape: [Int], kind: String, number: Int) throws -> (height: Int, width: Int, channels: Int) {
        guard shape.count == 3 else {
            let hint = shape.count == 2 ? "\(shape[0])x\(shape[1])x1" : "28x28x1"
            throw NeuralNetError.invalidLayer(layer: number, problem: "(\(kind)) needs images shaped [height, width, channels] but gets shape \(shape): give the model input=\(hint) and `reshape:` the data to it in preprocess, and put no flatten or dense before it")
        }
        return (shape[0], shape[1], shape[2])
    }
}
