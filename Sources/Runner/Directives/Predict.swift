import Foundation
import Limits
import Charts
import Datasets
import NeuralNet
import Notebook

extension Session {
    /// `predict`: classify one external image, or every image of a folder or glob, each prepared
    /// like the model's training data (see `imagePreparation(for:)`).
    mutating func runPredict(_ directive: PredictDirective, cell: Cell) throws -> [Output] {
        let model = try requireModel(for: "predict", at: cell.location)
        let location = directive.image.location
        let size = try Self.imageSize(forInput: model.inputShape, at: location)
        let selection: PredictImages
        do {
            selection = try PredictImages.select(directive.image.value, relativeTo: notebookDirectory)
        } catch let problem as PredictImages.Problem {
            throw RunError(at: location, problem.description, hint: problem.hint)
        }
        let preparation = imagePreparation(for: directive.center)
        guard selection.isCollection || directive.labels != nil else {
            return try predictOne(directive, model: model, size: size, preparation: preparation)
        }
        let labels = try directive.labels.map { try readLabels($0, classCount: model.outputShape.reduce(1, *)) }
        var results: [PredictedImage] = []
        for item in selection.items {
            try cancellation?.check()
            let expectedText = item.url.flatMap { labels?.label(for: $0) } ?? PredictImages.labelInName(item.reference)
            var result = try classify(item, directive: directive, model: model, size: size, preparation: preparation)
            if let expectedText {
                guard let expected = PredictLabels.classIndex(expectedText, classCount: result.scores.count,
                                                              classNames: classNames(count: result.scores.count)) else {
                    throw RunError(at: directive.labels?.location ?? location,
                                   "\(item.reference) is expected to be '\(expectedText)', but the classes are "
                                   + PredictLabels.describe(classCount: result.scores.count, classNames: classNames(count: result.scores.count)),
                                   hint: "a file name ending -N gives the class index N (e.g. seven-7.png); rename it or list it in a labels file")
                }
                result.expected = expected
            }
            predictions.append(result.prediction(names: classNames(count: result.scores.count)))
            results.append(result)
        }
        return PredictionGrid(results: results, names: classNames(count: model.outputShape.reduce(1, *)), preparation: preparation).outputs()
    }

    /// One picture: its class and probabilities, the picture beside the model's input.
    private mutating func predictOne(_ directive: PredictDirective, model: Sequential, size: (Int, Int),
                                     preparation: ImagePreparation) throws -> [Output] {
        let item = PredictImages.Item(reference: directive.image.value, url: nil)
        let result = try classify(item, directive: directive, model: model, size: size, preparation: preparation)
        let names = classNames(count: result.scores.count)
        predictions.append(result.prediction(names: names))
        let image = result.image
        let (width, height) = size
        let preview = GrayImage(width: image.preview.width, height: image.preview.height, pixels: image.preview.pixels)
        let seen = ImageGrid(images: [preview, GrayImage(width: width, height: height, pixels: image.pixels)],
                             captions: ["the picture", "\(width)×\(height) input"], columns: 2, cellSize: 112)
        let bars = BarChart(title: "Class probabilities", labels: names, values: result.scores, highlighted: result.best,
                            valueFormat: .percent)
        return [
            .text("Predicted class: \(names[result.best]) (\(Format.percent(result.scores[result.best]))) for \(directive.image.value)."),
            .text("The image was \(Self.describe(preparation, image: image, width: width, height: height))."),
            .chart(svg: seen.svg(), caption: "The picture as in the file (shrunk, gray) and as the model saw it: "
                   + "\(width)×\(height), white on black like \(preparation == .garment ? "Fashion-MNIST" : "MNIST")"),
            .chart(svg: bars.svg(), caption: "The model's probability for each class"),
        ]
    }

    /// Reads, prepares and classifies one picture; errors name the file when it is one of many.
    private func classify(_ item: PredictImages.Item, directive: PredictDirective, model: Sequential, size: (Int, Int),
                          preparation: ImagePreparation) throws -> PredictedImage {
        let location = directive.image.location
        let prefix = item.reference == directive.image.value ? "" : "\(item.reference): "
        let image: ImportedImage
        do {
            let bytes = try ImageImport.readBytes(item.url?.path ?? item.reference, relativeTo: notebookDirectory)
            image = try ImageImport.prepare(bytes, invert: InvertMode(directive.invert), preparation: preparation,
                                            width: size.0, height: size.1)
        } catch {
            throw RunError(at: location, prefix + String(describing: error))
        }
        // Present the pixels exactly as the training data was presented (the pad does the same).
        let scale = presentedScale
        let input = image.pixels.map { Float($0) / scale }
        let output = try wrap(at: location) { try model.predict(input, count: 1, cancellation: cancellation) }
        let scores = output.map(Double.init)
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores.allSatisfy(\.isFinite) else {
            throw RunError(at: location, "\(prefix)the model's output for this image is not a number",
                           hint: "the model has diverged; train it again with a lower learning_rate")
        }
        return PredictedImage(reference: item.reference, image: image, scores: scores, best: best)
    }

    private func readLabels(_ labels: Located<String>, classCount: Int) throws -> PredictLabels {
        do {
            let file = try PredictLabels.read(resolve(labels.value), reference: labels.value)
            try file.validate(classCount: classCount, classNames: classNames(count: classCount))
            return file
        } catch let problem as PredictLabels.Problem {
            throw RunError(at: labels.location, problem.description, hint: problem.hint)
        }
    }

    /// `center:` as a preparation: `auto` is Fashion-MNIST's conversion when the model learnt
    /// Fashion-MNIST (the session's data, or a loaded model's saved class names), else MNIST's
    /// centring; `true` is always MNIST's centring; `false` a plain resize.
    func imagePreparation(for center: PredictDirective.Center) -> ImagePreparation {
        switch center {
        case .true: return .digit
        case .false: return .resize
        case .auto: return trainedOnFashion ? .garment : .digit
        }
    }

    /// Whether the model's classes are Fashion-MNIST's.
    var trainedOnFashion: Bool {
        let fashion = DatasetCatalog.fashionMNIST
        if let names = activePreparation?.classNames, !names.isEmpty { return names == fashion.classNames }
        return data?.name == fashion.rawValue || data?.classNames == fashion.classNames
    }

    /// "centred like MNIST (…), colours inverted (…)".
    static func describe(_ preparation: ImagePreparation, image: ImportedImage, width: Int, height: Int) -> String {
        switch preparation {
        case .garment:
            return "converted like Fashion-MNIST's product photos (edges matching the corners' colour trimmed, longest side \(max(width, height)) px, "
                + "sharpened, centred)" + (image.inverted ? ", negated (its light background made black)" : ", not negated (its background was already dark)")
        case .digit, .resize:
            let notes = preparation == .digit ? "centred like MNIST (ink cropped, longest side 20 px, centre of mass in the middle)"
                                              : "resized to \(width)×\(height) without centring"
            return notes + (image.inverted ? ", colours inverted (dark ink on light paper)" : ", colours as in the file")
        }
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
