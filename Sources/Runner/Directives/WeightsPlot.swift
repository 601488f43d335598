import Charts
import NeuralNet

/// `plot: weights`: the first weighted layer's units (or filters) as pictures on one shared range.
struct WeightsPlot {
    /// The most pictures drawn; a wider layer shows its first ones and says so.
    static let pictureLimit = 64

    var plan: FirstLayerWeights
    /// The layer's kernel in Keras' layout: dense (inputs, units), conv2d (k, k, channels, filters).
    var kernel: [Float]

    /// The pictures of the first `pictureLimit` units or filters; nil when the kernel's size does not fit the plan.
    func pictures() -> [WeightPicture]? {
        switch plan {
        case .dense(_, let width, let height, let channels, let units):
            guard kernel.count == width * height * channels * units else { return nil }
            return (0..<min(units, Self.pictureLimit)).map { unit in
                let planes = (0..<channels).map { channel in
                    (0..<(width * height)).map { pixel in kernel[(pixel * channels + channel) * units + unit] }
                }
                return WeightPicture(width: width, height: height, planes: planes, caption: "unit \(unit + 1)")
            }
        case .conv2d(_, let size, let channels, let filters):
            guard kernel.count == size * size * channels * filters else { return nil }
            return (0..<min(filters, Self.pictureLimit)).map { filter in
                let planes = (0..<channels).map { channel in
                    (0..<(size * size)).map { pixel in kernel[(pixel * channels + channel) * filters + filter] }
                }
                // A filter's picture is as narrow as 32 px: its number alone fits ("filter 10" did not).
                return WeightPicture(width: size, height: size, planes: planes, caption: String(filter + 1))
            }
        }
    }

    /// The chart and its caption; nil when the kernel does not fit the plan.
    func output() -> Output? {
        guard let pictures = pictures() else { return nil }
        let total = plan.count
        let noun: String, layer: Int, planeSize: Double
        switch plan {
        case .dense(let index, _, _, _, _): (noun, layer, planeSize) = ("unit", index + 1, 40)
        case .conv2d(let index, _, _, _): (noun, layer, planeSize) = ("filter", index + 1, 32)
        }
        let plural = total == 1 ? noun : noun + "s"
        let shown = pictures.count < total ? "the first \(pictures.count) of \(total) \(plural)" : "all \(total) \(plural)"
        let kind = noun == "unit" ? "dense" : "conv2d"
        let grid = WeightGrid(title: "Weights of layer \(layer) (\(kind))", pictures: pictures, planeSize: planeSize,
                              note: pictures.count < total ? "Showing \(shown)." : "")
        let perInput = noun == "unit"
            ? "each picture holds the weights one unit gives to every input pixel"
            : "each picture is one filter's kernel, one square per input channel"
        return .chart(svg: grid.svg(), caption: "What layer \(layer) learned, \(shown): \(perInput); "
                      + "red is positive, blue negative, on one range for all")
    }
}
