import Charts
import Datasets
import NeuralNet
import Notebook

extension Session {
    /// `predict`: classify one external image, prepared the way MNIST's own digits were.
    mutating func runPredict(_ directive: PredictDirective, cell: Cell) throws -> [Output] {
        let model = try requireModel(for: "predict", at: cell.location)
        let location = directive.image.location
        let (width, height) = try Self.imageSize(forInput: model.inputShape, at: location)
        let bytes = try wrap(at: location) {
            try ImageImport.readBytes(directive.image.value, relativeTo: notebookDirectory)
        }
        let image = try wrap(at: location) {
            try ImageImport.prepare(bytes, invert: InvertMode(directive.invert), center: directive.center,
                                    width: width, height: height)
        }
        // Present the pixels exactly as the training data was presented: as the loaded model's file
        // says, else as the session's data is, else (no data, no record) as 0…1.
        let scale: Float = activePreparation.map { $0.scale ?? 1 } ?? preprocessing.scale ?? (data == nil ? 255 : 1)
        let input = image.pixels.map { Float($0) / scale }
        let output = try wrap(at: location) { try model.predict(input, count: 1) }
        let scores = output.map(Double.init)
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores.allSatisfy(\.isFinite) else {
            throw RunError(at: location, "the model's output for this image is not a number",
                           hint: "the model has diverged; train it again with a lower learning_rate")
        }
        let names = classNames(count: scores.count)
        predictions.append(Prediction(image: directive.image.value, label: best, className: names[best],
                                      probabilities: scores))

        let seen = ImageGrid(images: [GrayImage(width: width, height: height, pixels: image.pixels)],
                             captions: ["\(width)×\(height) input"], columns: 1, cellSize: 112)
        let bars = BarChart(title: "Class probabilities", labels: names, values: scores, highlighted: best,
                            valueFormat: .percent)
        var notes = directive.center ? "centred like MNIST (ink cropped, longest side 20 px, centre of mass in the middle)"
                                     : "resized to \(width)×\(height) without centring"
        notes += image.inverted ? ", colours inverted (dark ink on light paper)" : ", colours as in the file"
        return [
            .text("Predicted class: \(names[best]) (\(Format.percent(scores[best]))) for \(directive.image.value)."),
            .text("The image was \(notes)."),
            .chart(svg: seen.svg(), caption: "The image as the model saw it"),
            .chart(svg: bars.svg(), caption: "The model's probability for each class"),
        ]
    }

    /// The picture size a model expects: `[h, w]`, `[h, w, 1]`, or a square number of inputs.
    static func imageSize(forInput shape: [Int], at location: SourceLocation) throws -> (Int, Int) {
        if shape.count == 2 || (shape.count == 3 && shape[2] == 1) { return (shape[1], shape[0]) }
        if shape.count == 1 {
            let side = Int(Double(shape[0]).squareRoot().rounded())
            if side * side == shape[0] { return (side, side) }
        }
        throw RunError(at: location, "predict needs a model whose input is a grayscale image, but this model takes \(Format.shape(shape))",
                       hint: "predict works with models trained on 28×28 images (input=784 once flattened)")
    }
}

extension InvertMode {
    init(_ invert: PredictDirective.Invert) {
        switch invert {
        case .auto: self = .auto
        case .true: self = .always
        case .false: self = .never
        }
    }
}
