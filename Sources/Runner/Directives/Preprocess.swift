import Datasets
import Notebook

extension Session {
    /// `preprocess`: record how samples and labels are presented to the model.
    ///
    /// Options accumulate: a later `preprocess` changes only the options it names.
    mutating func runPreprocess(_ directive: PreprocessDirective, cell: Cell) throws -> [Output] {
        let data = try requireData(for: "preprocess", at: cell.location)
        let largest = Int(max(data.files.train.labels.bytes.max() ?? 0, data.files.test.labels.bytes.max() ?? 0))
        let applied = Self.preprocessing(preprocessing, applying: directive,
                                         imageShape: Array(data.files.train.images.dimensions.dropFirst()), classCount: largest + 1)
        if let problem = applied.problems.first { throw problem }
        var next = applied.preprocessing
        let written = writtenPreprocessing.merging(Self.writtenParts(of: directive, cell: cell)) { $1 }
        if let preparation = activePreparation {
            next = try reconciled(next, written: written, with: preparation)
        }
        setPreprocessing(next)
        writtenPreprocessing = written
        // Build both sets now, so a problem shows up in this cell rather than in a later one.
        let train = try wrap(at: cell.location) { try trainingExamples(for: "preprocess", at: cell.location) }
        _ = try wrap(at: cell.location) { try testExamples(for: "preprocess", at: cell.location) }

        let original = Array(data.files.train.images.dimensions.dropFirst())
        var rows: [[String]] = [["sample shape", Format.shape(original), Format.shape(train.sampleShape)]]
        let scale = next.scale.map { "÷ \(Self.plain(Double($0))) → values in [0, \(Self.plain(255 / Double($0)))]" }
        rows.append(["pixel values", "0 … 255 (uint8)", scale ?? "0 … 255 (unscaled)"])
        let labels = next.oneHot.map { "one-hot rows of width \($0)" } ?? "integer class labels"
        rows.append(["labels", "integer class labels", labels])
        return [.table(Table(caption: "Preprocessing", header: ["", "before", "after"], rows: rows))]
    }

    /// `current` with a `preprocess` cell's options applied — they accumulate: flatten and reshape
    /// replace each other, the others replace only themselves — and the problems with them for images
    /// of `imageShape` and labels of `classCount` classes, each at its option: a reshape that does not
    /// hold an image's values, a one_hot narrower than the classes. `folio check` applies them the same way.
    static func preprocessing(_ current: Preprocessing, applying directive: PreprocessDirective, imageShape: [Int],
                              classCount: Int) -> (preprocessing: Preprocessing, problems: [RunError]) {
        var next = current
        var problems: [RunError] = []
        if directive.flatten {
            next.flatten = true
            next.reshape = nil
        }
        if let reshape = directive.reshape {
            next.reshape = reshape.value
            next.flatten = false
            if (try? next.sampleShape(for: imageShape)) == nil {
                let size = imageShape.reduce(1, *)
                problems.append(RunError(
                    at: reshape.location,
                    "reshape: \(Format.shape(reshape.value)) does not fit the data's \(Format.shape(imageShape)) images "
                        + "(\(Format.integer(size)) values each)",
                    hint: "use a shape whose sizes multiply to \(size), e.g. `reshape: \(imageShape.map(String.init).joined(separator: "x"))x1`"))
                next.reshape = nil
            }
        }
        if let scale = directive.scale { next.scale = Float(scale) }
        if let oneHot = directive.oneHot {
            if classCount > oneHot.value {
                problems.append(RunError(at: oneHot.location, "one_hot: \(oneHot.value) is too small: the data has label \(classCount - 1)",
                                         hint: "use `one_hot: \(classCount)` (one column per class)"))
            }
            next.oneHot = oneHot.value
        }
        return (next, problems)
    }

    /// `255.0` → `255`, `0.5` → `0.5`.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
