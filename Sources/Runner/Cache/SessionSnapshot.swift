import Datasets
import Foundation
import NeuralNet
import Notebook

/// The session after a cell, as the cache keeps it: everything a later cell reads, with the model
/// (weights, optimizer state and step count, in the model file format) as a content-addressed blob
/// and the data by reference — the `load` cell that read it and the SHA-256 of its files — never its bytes.
struct SessionSnapshot: Codable, Equatable {
    /// The `load` cell whose data the session holds, and its files' digests when it ran.
    struct DataReference: Codable, Equatable {
        var cell: Int
        var digests: [String]
    }

    var data: DataReference?
    var preprocessing: Preprocessing
    /// Which `preprocess` cell (by index) wrote each part of the preprocessing.
    var written: [PreparationPart: Int]
    /// The SHA-256 of the model's blob (a model file's bytes), nil without a model.
    var model: String?
    /// The preparation saved with a model `load model:` restored, while that model is the session's.
    var activePreparation: DataPreparation?
    var loss: Loss?
    var history: History?
    var evaluation: Evaluation?
    var lastHistory: History?
    var lastEvaluation: Evaluation?
    var predictions: [Prediction]
    /// Every model made so far, with its fits and evaluation (`plot: compare`, `--json` `models`).
    var models: [ModelRecord]
    /// What a `save` here would record as the data preparation.
    var preparation: DataPreparation?
    /// How the report's drawing pad would present this model (nil without a model).
    var pad: PadFacts?
}

extension Session {
    /// The session as a snapshot; `storeModel` keeps the model file's bytes and returns their SHA-256.
    func snapshot(data: SessionSnapshot.DataReference?, cells: [Cell],
                  storeModel: (Data) throws -> String) throws -> SessionSnapshot {
        var written: [PreparationPart: Int] = [:]
        for (part, location) in writtenPreprocessing {
            let cell = cells.first { cell in
                guard case .preprocess(let directive) = cell.directive else { return false }
                return Self.writtenParts(of: directive, cell: cell)[part] == location
            }
            guard let cell else { throw RunError(at: location, "the cache cannot tell which cell wrote this option") }
            written[part] = cell.index
        }
        let blob = try model.map { try storeModel(try $0.modelFileBytes()) }
        return SessionSnapshot(data: data, preprocessing: preprocessing, written: written, model: blob,
                               activePreparation: activePreparation, loss: loss, history: history, evaluation: evaluation,
                               lastHistory: lastHistory, lastEvaluation: lastEvaluation, predictions: predictions,
                               models: models, preparation: currentPreparation, pad: padFacts)
    }

    /// Puts the session into `snapshot`'s state: the data through the normal load path (its files
    /// must still have the recorded digests, `digestsNow` gives them), the model from `modelBytes`.
    mutating func restore(_ snapshot: SessionSnapshot, cells: [Cell], modelBytes: Data?,
                          digestsNow: (LoadDirective.DataSource) -> [String]?) throws {
        if let reference = snapshot.data {
            guard let cell = cells.first(where: { $0.index == reference.cell }),
                  case .load(let directive) = cell.directive, let source = directive.data else {
                throw CacheRestoreProblem.dataCellMissing
            }
            guard digestsNow(source) == reference.digests else { throw CacheRestoreProblem.dataChanged }
            _ = try loadData(source, cell: cell)
        }
        if let modelBytes {
            let loaded = try Sequential.loadModelFile(modelBytes, path: "the cached model")
            model = loaded.model
            loadedPreparation = snapshot.activePreparation.map { (loaded.model, $0) }
        } else {
            model = nil
            loadedPreparation = nil
        }
        setPreprocessing(snapshot.preprocessing)
        var written: [PreparationPart: SourceLocation] = [:]
        for (part, index) in snapshot.written {
            guard let cell = cells.first(where: { $0.index == index }), case .preprocess(let directive) = cell.directive,
                  let location = Self.writtenParts(of: directive, cell: cell)[part] else {
                throw CacheRestoreProblem.dataCellMissing
            }
            written[part] = location
        }
        writtenPreprocessing = written
        loss = snapshot.loss
        restoreResults(history: snapshot.history, evaluation: snapshot.evaluation, lastHistory: snapshot.lastHistory,
                       lastEvaluation: snapshot.lastEvaluation)
        predictions = snapshot.predictions
        restoreModels(snapshot.models)
    }
}

/// Why a cached session could not be put back (the run then executes every cell).
enum CacheRestoreProblem: Error {
    case dataCellMissing
    case dataChanged
    case modelMissing
}
