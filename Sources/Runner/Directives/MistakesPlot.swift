import Charts
import Foundation
import NeuralNet
import Notebook

extension Session {
    /// Rows per `predict` call when `plot: mistakes` scores the test set.
    private static let mistakesChunk = 1000

    /// `plot: mistakes`: the test images the evaluated model is surest of and wrong about, each with
    /// its true and predicted class and the probability it gave.
    mutating func mistakesChart(at location: SourceLocation) throws -> Output {
        guard evaluation != nil else {
            throw RunError(at: location, "plot mistakes needs an evaluation, but no earlier cell ran evaluate",
                           hint: "add an ```evaluate cell before this one")
        }
        let model = try requireModel(for: "plot mistakes", at: location)
        let classes = model.outputShape.reduce(1, *)
        guard classes >= 2 else {
            throw RunError(at: location, "plot mistakes needs one output per class, but the model has \(classes)",
                           hint: Self.confusionMatrixHint)
        }
        let test = try testExamples(for: "plot mistakes", at: location)
        let split = try requireData(for: "plot mistakes", at: location).files.test
        var outputs: [Float] = []
        outputs.reserveCapacity(test.count * classes)
        var start = 0
        while start < test.count {
            let rows = min(Self.mistakesChunk, test.count - start)
            let inputs = test.slice(start..<(start + rows)).featureFloats
            outputs += try wrap(at: location) { try model.predict(inputs, count: rows, cancellation: cancellation) }
            start += rows
        }
        let probabilities = ConfidentMistakes.probabilities(outputs, classes: classes, endsInSoftmax: model.endsInSoftmax)
        let mistakes = ConfidentMistakes.find(probabilities: probabilities, classes: classes, labels: test.labels.map { Int($0) })
        let names = classNames(count: classes)
        func name(_ label: Int) -> String { names.indices.contains(label) ? names[label] : String(label) }
        let dims = split.images.dimensions
        let height = dims.count > 1 ? dims[1] : 1, width = dims.count > 2 ? dims[2] : 1
        let size = width * height
        let images = mistakes.map { mistake -> GrayImage in
            let range = (mistake.index * size)..<((mistake.index + 1) * size)
            let pixels = range.upperBound <= split.images.bytes.count ? Array(split.images.bytes[range]) : []
            return GrayImage(width: width, height: height, pixels: pixels)
        }
        let captions = mistakes.map { "\(name($0.predicted)) " + Self.shortPercent($0.probability) + " ≠ \(name($0.truth))" }
        let grid = ImageGrid(images: images, captions: captions, columns: 8, cellSize: 44,
                             title: "Most confident mistakes (test set)")
        let shown = mistakes.isEmpty
            ? "The model gets every test image right"
            : "The \(mistakes.count) test image\(mistakes.count == 1 ? "" : "s") the model is surest of and wrong about"
        return .chart(svg: grid.svg(), caption: shown + ": predicted class and its probability ≠ the true class, surest first")
    }
}

extension Session {
    /// A probability as a percentage with one decimal, never rounded up to a certainty it was not:
    /// 0.99962 is ">99.9%", not "100.0%".
    static func shortPercent(_ probability: Double) -> String {
        probability < 1 && probability >= 0.9995 ? ">99.9%" : String(format: "%.1f%%", probability * 100)
    }
}

extension Sequential {
    /// True when the model's last layer turns its outputs into probabilities with softmax.
    var endsInSoftmax: Bool {
        switch layers.last {
        case .dense(_, .softmax, _), .activation(.softmax, _): return true
        default: return false
        }
    }
}

extension Examples {
    /// The features as the model sees them (bytes widened and scaled).
    var featureFloats: [Float] {
        switch features {
        case .bytes(let bytes, let scale): return bytes.map { Float($0) * scale }
        case .floats(let floats): return floats
        }
    }
}
