import Datasets
import NeuralNet
import Notebook

/// One part of how data is presented, as a `preprocess` cell sets it and a model file records it.
enum PreparationPart: String, Hashable, Codable {
    /// `flatten` or `reshape`: the shape of each sample.
    case shape
    /// `scale`: what every pixel is divided by.
    case scale
    /// `one_hot`: integer labels or one-hot rows.
    case labels
}

extension Session {
    /// The preparation of the loaded model, while it is the session's model (nil once another is built).
    var activePreparation: DataPreparation? {
        guard let loaded = loadedPreparation, let model, loaded.model === model else { return nil }
        return loaded.preparation
    }

    /// How the current data is presented, with its class names, as `save` records it; nil when
    /// nothing is known (no data and no loaded preparation).
    var currentPreparation: DataPreparation? {
        guard let data else { return activePreparation }
        let names = activePreparation.map(\.classNames).flatMap { $0.isEmpty ? nil : $0 } ?? data.classNames
        return DataPreparation(flatten: preprocessing.flatten, reshape: preprocessing.reshape, scale: preprocessing.scale,
                               oneHotWidth: preprocessing.oneHot, classNames: names)
    }

    /// The parts of preprocessing a `preprocess` directive writes, at its options' locations.
    static func writtenParts(of directive: PreprocessDirective, cell: Cell) -> [PreparationPart: SourceLocation] {
        var parts: [PreparationPart: SourceLocation] = [:]
        if let reshape = directive.reshape {
            parts[.shape] = reshape.location
        } else if directive.flatten {
            parts[.shape] = cell.location(ofOption: "flatten")
        }
        if directive.scale != nil { parts[.scale] = cell.location(ofOption: "scale") }
        if let oneHot = directive.oneHot { parts[.labels] = oneHot.location }
        return parts
    }

    /// `preprocessing` for the loaded data, reconciled with the loaded model's preparation.
    func reconciled(_ preprocessing: Preprocessing, written: [PreparationPart: SourceLocation],
                    with preparation: DataPreparation) throws -> Preprocessing {
        let images = data.map { Array($0.files.train.images.dimensions.dropFirst()) } ?? []
        return try Self.reconciled(preprocessing, written: written, with: preparation, imageShape: images)
    }

    /// `preprocessing` with every part no `preprocess` cell wrote taken from the model's
    /// `preparation`; a written part that differs is a `RunError` at its option saying what the
    /// model expects. Shapes agree when they give the same sample shape for images of `imageShape`.
    /// `folio check` reconciles the same way, knowing the images by their headers.
    static func reconciled(_ preprocessing: Preprocessing, written: [PreparationPart: SourceLocation],
                           with preparation: DataPreparation, imageShape images: [Int]) throws -> Preprocessing {
        var result = preprocessing
        let expected = Preprocessing(flatten: preparation.flatten, scale: preparation.scale, oneHot: preparation.oneHotWidth,
                                     reshape: preparation.reshape)
        if let location = written[.shape] {
            let have = try? preprocessing.sampleShape(for: images), want = try? expected.sampleShape(for: images)
            if have != want || want == nil {
                throw RunError(at: location, "the loaded model was trained on \(shapePhrase(preparation, images: images))",
                               hint: "leave the shape options out of preprocess to present the data as the model expects")
            }
        } else {
            result.flatten = expected.flatten
            result.reshape = expected.reshape
        }
        if let location = written[.scale], preprocessing.scale != expected.scale {
            let phrase = expected.scale.map { "the model was trained on pixels divided by \(plain(Double($0))); write `scale: \(plain(Double($0)))`" }
                ?? "the model was trained on unscaled pixels (0 … 255); remove `scale`"
            throw RunError(at: location, phrase, hint: "or leave `scale` out of preprocess to present the pixels as the model expects")
        }
        result.scale = expected.scale
        if let location = written[.labels], preprocessing.oneHot != expected.oneHot {
            let phrase = expected.oneHot.map { "the model was trained on one-hot labels of width \($0); write `one_hot: \($0)`" }
                ?? "the model was trained on integer labels; remove `one_hot`"
            throw RunError(at: location, phrase, hint: "or leave `one_hot` out of preprocess to present the labels as the model expects")
        }
        result.oneHot = expected.oneHot
        return result
    }

    /// "flattened samples (`flatten: true`)", …, for an error about the sample shape.
    private static func shapePhrase(_ preparation: DataPreparation, images: [Int]) -> String {
        if let reshape = preparation.reshape {
            let text = reshape.map(String.init).joined(separator: "x")
            return "samples reshaped to \(Format.shape(reshape)); write `reshape: \(text)`"
        }
        if preparation.flatten {
            return "flattened samples of \(images.reduce(1, *)) values; write `flatten: true`"
        }
        return "samples of shape \(Format.shape(images)) as loaded; remove `flatten` and `reshape`"
    }

    /// Presents the data the way the loaded model expects, keeping what `preprocess` cells wrote
    /// (which must agree). Call after the data or the model changed.
    mutating func adoptModelPreparation() throws {
        guard let preparation = activePreparation, data != nil else { return }
        setPreprocessing(try reconciled(preprocessing, written: writtenPreprocessing, with: preparation))
    }
}
