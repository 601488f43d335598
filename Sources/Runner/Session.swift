import Foundation
import Datasets
import Limits
import NeuralNet
import Notebook

/// The state a notebook's cells share while it runs: data, model, training history, results.
///
/// Cells run in order against one session; each directive reads what earlier cells made and
/// fails with a `RunError` that says which cell to add when something is missing.
public struct Session {
    /// A loaded dataset: the raw IDX arrays, kept compact, and how to name its classes.
    struct LoadedData {
        var name: String
        var files: DatasetFiles
        var classNames: [String]
    }

    /// Folder that relative paths in the notebook are resolved against.
    public let notebookDirectory: URL
    /// The notebook's seed: model initialisation and shuffling derive from it.
    public let seed: UInt64
    public let environment: [String: String]
    /// Asked for, the engine and downloads stop at their next safe point (see `NotebookRunner`).
    let cancellation: Cancellation?
    /// Receives progress for the terminal.
    let events: (RunEvent) -> Void

    var data: LoadedData?
    var preprocessing = Preprocessing()
    private var cachedTrain: Examples?
    private var cachedTest: Examples?

    var model: Sequential?
    /// The loss the model was last trained with (what `evaluate` reports).
    var loss: Loss?
    /// The current model's training history and evaluation (cleared when the model is replaced).
    var history: History? {
        didSet { if let history { lastHistory = history } }
    }
    var evaluation: Evaluation? {
        didSet { if let evaluation { lastEvaluation = evaluation } }
    }
    /// The last fit's history and the last evaluate's scores, whatever came after (the run record).
    private(set) var lastHistory: History?
    private(set) var lastEvaluation: Evaluation?
    var predictions: [Prediction] = []
    /// Every model the notebook made so far, in order (`build`, `load model:`); the last is `model`'s.
    private(set) var models: [ModelRecord] = []
    /// Each model cell's number among the notebook's model cells, by cell index (`Document.modelNumbers`).
    var modelNumbers: [Int: Int] = [:]
    /// The data preparation saved with a model that `load model:` restored, and that model: while
    /// it is the session's model, data is presented its way and classes take its names.
    var loadedPreparation: (model: Sequential, preparation: DataPreparation)?
    /// Where the `preprocess` cells since the data was loaded wrote each part of the preprocessing
    /// (to point at the option that disagrees with a loaded model).
    var writtenPreprocessing: [PreparationPart: SourceLocation] = [:]

    init(notebookDirectory: URL, seed: UInt64, environment: [String: String], cancellation: Cancellation? = nil,
         events: @escaping (RunEvent) -> Void) {
        self.notebookDirectory = notebookDirectory
        self.seed = seed
        self.environment = environment
        self.cancellation = cancellation
        self.events = events
    }

    /// Puts back the histories and evaluations of a cached session (the cell cache's restore).
    mutating func restoreResults(history: History?, evaluation: Evaluation?, lastHistory: History?,
                                 lastEvaluation: Evaluation?) {
        self.history = history
        self.evaluation = evaluation
        self.lastHistory = lastHistory
        self.lastEvaluation = lastEvaluation
    }

    /// Starts the record of a model a cell just made: named by its `#| label`, else "model N", N the
    /// cell's place among the notebook's model cells (so a failed `build` does not shift the names that
    /// `check` kept labels from taking).
    mutating func startRecord(of model: Sequential, cell: Cell) {
        let number = modelNumbers[cell.index] ?? models.count + 1
        models.append(ModelRecord(name: cell.display.label ?? ModelRecord.defaultName(number), model: model))
    }

    /// Keeps a fit: its epochs and seconds join the current model's record (its whole history is the
    /// session's), `loss` becomes the model's, and the model's evaluation is gone.
    mutating func recordFit(_ history: History, seconds: Double, loss: Loss) {
        let whole = self.history.map { $0.appending(history) } ?? history
        self.history = whole
        self.loss = loss
        evaluation = nil
        if !models.isEmpty {
            models[models.count - 1].history = whole
            models[models.count - 1].fitSeconds += seconds
        }
    }

    /// Keeps an evaluation as the current model's scores.
    mutating func recordEvaluation(_ evaluation: Evaluation) {
        self.evaluation = evaluation
        if !models.isEmpty {
            models[models.count - 1].evaluation = ModelRecord.Scores(loss: evaluation.loss, accuracy: evaluation.accuracy)
        }
    }

    /// The current model's name ("wide-mlp", "model 2"), for captions.
    var currentModelName: String? { model == nil ? nil : models.last?.name }

    /// Puts back the model records of a cached session.
    mutating func restoreModels(_ models: [ModelRecord]) { self.models = models }

    /// Replaces the dataset (and forgets any preprocessed copies of the old one).
    mutating func setData(_ data: LoadedData) {
        self.data = data
        preprocessing = Preprocessing()
        invalidateExamples()
    }

    mutating func setPreprocessing(_ preprocessing: Preprocessing) {
        self.preprocessing = preprocessing
        invalidateExamples()
    }

    private mutating func invalidateExamples() {
        cachedTrain = nil
        cachedTest = nil
    }

    /// The loaded data, or an error telling the reader to load some first.
    func requireData(for directive: String, at location: SourceLocation) throws -> LoadedData {
        guard let data else {
            throw RunError(at: location, "\(directive) needs data, but no earlier cell loaded any",
                           hint: "add a ```load cell (e.g. `dataset: mnist`) before this cell")
        }
        return data
    }

    /// The model, or an error telling the reader to build one first.
    func requireModel(for directive: String, at location: SourceLocation) throws -> Sequential {
        guard let model else {
            throw RunError(at: location, "\(directive) needs a model, but no earlier cell built one",
                           hint: "add a ```build cell (e.g. `dense 10 softmax input=784`) before this cell")
        }
        return model
    }

    /// The training set as the model sees it (preprocessed once, then reused).
    mutating func trainingExamples(for directive: String, at location: SourceLocation) throws -> Examples {
        try examples(of: \.train, cachedIn: &cachedTrain, for: directive, at: location)
    }

    /// The test set as the model sees it (preprocessed once, then reused).
    mutating func testExamples(for directive: String, at location: SourceLocation) throws -> Examples {
        try examples(of: \.test, cachedIn: &cachedTest, for: directive, at: location)
    }

    private func examples(of split: KeyPath<DatasetFiles, DatasetSplit>, cachedIn cache: inout Examples?,
                          for directive: String, at location: SourceLocation) throws -> Examples {
        if let cache { return cache }
        let examples = try requireData(for: directive, at: location).files[keyPath: split].examples(preprocessing)
        cache = examples
        return examples
    }

    /// Shape of one sample after preprocessing, e.g. `[784]`, without materialising the data.
    func preprocessedSampleShape() throws -> [Int]? {
        guard let data else { return nil }
        return try preprocessing.sampleShape(for: Array(data.files.train.images.dimensions.dropFirst()))
    }

    /// Class names saved with the loaded model, else the current data's, else "0", "1", … for `count` classes.
    func classNames(count: Int) -> [String] {
        if let names = activePreparation?.classNames, names.count == count { return names }
        if let names = data?.classNames, names.count == count { return names }
        return (0..<count).map(String.init)
    }
}

/// One `predict` cell's answer, as the run record and the report show it.
public struct Prediction: Sendable, Equatable, Codable {
    /// The image reference exactly as written in the notebook.
    public var image: String
    /// The predicted class index.
    public var label: Int
    /// The class's display name ("7", "Sneaker").
    public var className: String
    public var probabilities: [Double]
    /// The class the image was expected to be (a `-7` file name ending or a `labels:` file), if known.
    public var expectedLabel: Int? = nil
}
