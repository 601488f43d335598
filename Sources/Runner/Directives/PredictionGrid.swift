import Charts
import Datasets

/// One classified picture of a `predict` cell.
struct PredictedImage {
    var reference: String
    var image: ImportedImage
    var scores: [Double]
    var best: Int
    /// The class the picture is expected to be, when its name or a labels file says.
    var expected: Int?

    var isWrong: Bool { expected.map { $0 != best } ?? false }

    func prediction(names: [String]) -> Prediction {
        Prediction(image: reference, label: best, className: names[best], probabilities: scores, expectedLabel: expected)
    }
}

/// The outputs of a `predict` cell over many pictures: a tally, then one compact grid of the
/// pictures as the model saw them, each captioned with its prediction (wrong ones marked).
struct PredictionGrid {
    var results: [PredictedImage]
    var names: [String]
    var preparation: ImagePreparation

    func outputs() -> [Output] {
        let checked = results.filter { $0.expected != nil }
        let right = checked.filter { !$0.isWrong }.count
        var tally = checked.isEmpty
            ? "Classified \(results.count) image\(results.count == 1 ? "" : "s"); none has an expected label (name a file like seven-7.png, or add `labels:`)."
            : "\(right) of \(checked.count) right (\(Format.percent(Double(right) / Double(checked.count))))."
        if !checked.isEmpty, checked.count < results.count { tally += " \(results.count - checked.count) without an expected label." }
        let wrong = results.filter(\.isWrong)
        if !wrong.isEmpty {
            let listed = wrong.prefix(10).map { "\($0.reference) (\(name($0.best)), expected \(name($0.expected ?? 0)))" }
            tally += " Wrong: " + listed.joined(separator: ", ") + (wrong.count > 10 ? ", …" : "") + "."
        }
        let images = results.map { GrayImage(width: $0.image.width, height: $0.image.height, pixels: $0.image.pixels) }
        let captions = results.map { result -> String in
            guard let expected = result.expected else { return name(result.best) }
            return result.isWrong ? "\(name(result.best)) ≠ \(name(expected))" : "\(name(result.best)) ✓"
        }
        let marked = Set(results.indices.filter { results[$0].isWrong })
        let grid = ImageGrid(images: images, captions: captions, columns: 10, cellSize: 56, marked: marked)
        let look = preparation == .garment ? "Fashion-MNIST" : "MNIST"
        return [
            .text(tally),
            .chart(svg: grid.svg(), caption: "Each image as the model saw it (white on black, like \(look)): "
                   + "the predicted class, ✓ when it is the expected one, predicted ≠ expected and framed red when wrong"),
        ]
    }

    private func name(_ label: Int) -> String { label < names.count ? names[label] : String(label) }
}
