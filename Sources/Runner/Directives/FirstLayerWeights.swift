import NeuralNet

/// What `plot: weights` draws of a model, decided from its shapes alone so that the check and the
/// run agree: the first layer with weights, which must be a `dense` layer whose inputs form a picture
/// (a flattened gray or few-channel image, or a square number of inputs such as 784 = 28×28) or a
/// `conv2d` layer.
enum FirstLayerWeights: Equatable {
    /// `units` pictures of `width`×`height` with `channels` planes; the kernel is (inputs, units).
    case dense(layer: Int, width: Int, height: Int, channels: Int, units: Int)
    /// `filters` pictures of `kernelSize`² with `channels` planes; the kernel is (k, k, channels, filters).
    case conv2d(layer: Int, kernelSize: Int, channels: Int, filters: Int)

    /// The most input channels a dense unit's picture is drawn with (one plane per channel).
    static let channelLimit = 4
    /// How `plot: weights` can be used, for the run-time error and the static check alike.
    static let hint = "plot weights draws a model whose first layer with weights is `conv2d`, or `dense` on the pixels of "
        + "an image (e.g. `flatten` then `dense 128 relu` on 28×28 pictures)"

    /// The picture plan for a model of `layers` on samples of `inputShape`.
    static func plan(inputShape: [Int], layers: [LayerSpec]) -> Result<FirstLayerWeights, FirstLayerWeightsProblem> {
        guard let shapes = try? ModelPlan(inputShape: inputShape, layers: layers).layerOutputShapes,
              shapes.count == layers.count else { return .failure(.noWeights) }
        for (index, layer) in layers.enumerated() {
            let input = index == 0 ? inputShape : shapes[index - 1]
            switch layer {
            case .flatten, .dropout, .activation, .maxPool2D:
                continue
            case .batchNormalization:
                return .failure(.notDrawable(layer: index + 1, kind: "batchnorm"))
            case .conv2d(let filters, let kernelSize, _, _, _, _):
                return .success(.conv2d(layer: index, kernelSize: kernelSize, channels: input.last ?? 1, filters: filters))
            case .dense(let units, _, _):
                let inputs = input.reduce(1, *)
                let earlier = [inputShape] + shapes.prefix(index)
                if let picture = earlier.last(where: { $0.count >= 2 }) {
                    let channels = picture.count == 3 ? picture[2] : 1
                    guard picture.count <= 3, picture.reduce(1, *) == inputs, channels <= channelLimit else {
                        return .failure(.notAPicture(layer: index + 1, inputs: inputs))
                    }
                    return .success(.dense(layer: index, width: picture[1], height: picture[0], channels: channels, units: units))
                }
                let side = Int(Double(inputs).squareRoot().rounded())
                guard side >= 2, side * side == inputs else { return .failure(.notAPicture(layer: index + 1, inputs: inputs)) }
                return .success(.dense(layer: index, width: side, height: side, channels: 1, units: units))
            }
        }
        return .failure(.noWeights)
    }

    /// How many pictures the layer has (units or filters).
    var count: Int {
        switch self {
        case .dense(_, _, _, _, let units): return units
        case .conv2d(_, _, _, let filters): return filters
        }
    }
}

/// Why a model's first weights cannot be drawn.
enum FirstLayerWeightsProblem: Error, Equatable, CustomStringConvertible {
    case noWeights
    case notDrawable(layer: Int, kind: String)
    case notAPicture(layer: Int, inputs: Int)

    var description: String {
        switch self {
        case .noWeights:
            return "plot weights needs a layer with weights, but the model has none"
        case .notDrawable(let layer, let kind):
            return "plot weights draws a first `dense` or `conv2d` layer, but the model's first layer with weights is `\(kind)` (layer \(layer))"
        case .notAPicture(let layer, let inputs):
            return "plot weights draws each unit of a first `dense` layer as a picture, but layer \(layer)'s "
                + "\(Format.integer(inputs)) input\(inputs == 1 ? "" : "s") do not form one image"
        }
    }
}
