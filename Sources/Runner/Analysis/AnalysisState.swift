import Datasets
import NeuralNet
import Notebook

/// Something a cell leaves behind for later cells, as far as the checker knows it: nothing yet,
/// something whose details a failed cell left unknown (so later cells are not blamed for it), or known.
enum Presence<Facts> {
    case absent
    case unknown
    case known(Facts)

    var facts: Facts? { if case .known(let facts) = self { return facts } else { return nil } }
    var isAbsent: Bool { if case .absent = self { return true } else { return false } }
    var isUnknown: Bool { if case .unknown = self { return true } else { return false } }
}

/// What the checker knows of a loaded dataset without reading its images.
struct DataFacts {
    /// The shape of one image, e.g. `[28, 28]`.
    var imageShape: [Int]
    var trainCount: Int
    var testCount: Int
    /// One more than the largest label.
    var classCount: Int
}

/// What the checker knows of the current model without building it.
struct ModelFacts {
    var inputShape: [Int]
    var outputShape: [Int]
    /// Where each layer is written (a built model), or where the model file is named (a loaded one).
    var layerLocations: [SourceLocation]
    /// How the model's training data was prepared, when its file says so (or the `save` that writes it).
    var preparation: DataPreparation?
    /// The loss the model file was saved with.
    var savedLoss: Loss?
    /// The model's layers (what `plot: weights` draws from).
    var layers: [LayerSpec] = []

    /// Values per prediction.
    var outputUnits: Int { outputShape.reduce(1, *) }

    /// Where the last layer is written: the place to point at when the output does not fit the labels.
    var outputLocation: SourceLocation? { layerLocations.last }
}

/// The session as the checker imagines it between two cells: what exists and what is known of it.
struct AnalysisState {
    var data: Presence<DataFacts> = .absent
    var preprocessing = Preprocessing()
    /// Where the `preprocess` cells since the data was loaded wrote each part of the preprocessing.
    var written: [PreparationPart: SourceLocation] = [:]

    var model: Presence<ModelFacts> = .absent
    /// The loss `evaluate` would use, and where it was chosen; `.unknown` after a fit that failed.
    var loss: Presence<(loss: Loss, location: SourceLocation)> = .absent
    /// The current model has a training history (`plot loss`) / an evaluation (`plot confusion_matrix`).
    var history: Presence<Void> = .absent
    var evaluation: Presence<Void> = .absent
    /// Some model of the notebook, current or earlier, has a training history (`plot compare`).
    var anyHistory: Presence<Void> = .absent

    /// Model files written by earlier `save` cells, by resolved path.
    var savedModels: [String: ModelFacts] = [:]

    /// The preprocessed sample shape, when data is known.
    func sampleShape() -> [Int]? {
        guard let data = data.facts else { return nil }
        return try? preprocessing.sampleShape(for: data.imageShape)
    }

    /// How labels reach the loss.
    var labelEncoding: LabelEncoding {
        preprocessing.oneHot.map { .oneHot(width: $0) } ?? .integers
    }

    /// A new model replaces the old one's history, evaluation and loss.
    mutating func replaceModel(_ model: Presence<ModelFacts>) {
        self.model = model
        history = .absent
        evaluation = .absent
        if let savedLoss = model.facts?.savedLoss, let location = model.facts?.layerLocations.first {
            loss = .known((savedLoss, location))
        } else {
            loss = .absent
        }
    }
}
