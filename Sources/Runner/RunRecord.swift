import Foundation
import NeuralNet
import Notebook

/// Everything a run produced: per-cell results plus the last fit, evaluation and predictions.
public struct RunRecord: Sendable {
    public var document: Document
    public var results: [CellResult]
    public var history: History?
    public var evaluation: Evaluation?
    public var predictions: [Prediction]
    /// Every model the run made, in notebook order, with its fits and evaluation (`plot: compare`).
    public var models: [ModelRecord] = []
    /// Wall-clock time of the whole run.
    public var seconds: Double
    /// Set when the run's `Cancellation` stopped it early (the report is still complete).
    public var interruption: Interruption? = nil
    /// The final model for the report's "Try the model" pad (nil: no model that takes a 28×28 image).
    public var pad: PadModel? = nil

    /// Whether some cell failed.
    public var failed: Bool { results.contains { $0.status == .error } }

    /// The failing cell's error, if any.
    public var error: RunError? { results.first { $0.status == .error }?.error }

    /// The machine-readable run record written by `folio run --json`.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(JSONRecord(self))
    }
}

/// The `--json` schema: `params`, `cells[]`, `history`, `evaluate`, `predictions[]`, `models[]` (see docs/notebook-format.md).
private struct JSONRecord: Encodable {
    struct CellEntry: Encodable {
        var index: Int
        var directive: String
        var status: CellResult.Status
        var seconds: Double
        var line: Int
        var error: String?
        var interruption: String?
        var cached: Bool
    }
    struct HistoryEntry: Encodable {
        var loss: [Double]
        var accuracy: [Double]
        var val_loss: [Double]
        var val_accuracy: [Double]

        init(_ history: History) {
            loss = history.loss
            accuracy = history.accuracy
            val_loss = history.valLoss
            val_accuracy = history.valAccuracy
        }
    }
    struct EvaluateEntry: Encodable {
        var loss: Double
        var accuracy: Double
    }
    struct ModelEntry: Encodable {
        var name: String
        var layers: String
        var parameters: Int
        var fit_seconds: Double
        var history: HistoryEntry?
        var evaluate: EvaluateEntry?
    }
    struct PredictionEntry: Encodable {
        var image: String
        var label: Int
        var class_name: String
        var probabilities: [Double]
        var expected_label: Int?
    }

    var notebook: String
    var title: String?
    var author: String?
    var date: String?
    var description: String?
    var seed: UInt64
    /// Each parameter's final value, typed as in JSON (`{"epochs": 2, "learning_rate": 0.01}`).
    var params: [String: ParameterJSON]
    var status: String
    var interruption: String?
    var seconds: Double
    var cells: [CellEntry]
    var history: HistoryEntry?
    var evaluate: EvaluateEntry?
    var predictions: [PredictionEntry]
    var models: [ModelEntry]

    init(_ record: RunRecord) {
        notebook = record.document.path
        title = record.document.title
        author = record.document.author
        date = record.document.date
        description = record.document.description
        seed = record.document.seed
        params = Dictionary(record.document.parameters.map { ($0.name, ParameterJSON(value: $0.value)) },
                            uniquingKeysWith: { _, last in last })
        status = record.interruption != nil ? "interrupted" : record.failed ? "error" : "ok"
        interruption = record.interruption?.message
        seconds = record.seconds
        cells = record.results.map {
            CellEntry(index: $0.cell.index, directive: $0.cell.name, status: $0.status, seconds: $0.seconds,
                      line: $0.cell.location.line, error: $0.error?.description, interruption: $0.interruption?.message,
                      cached: $0.cached)
        }
        history = record.history.map(HistoryEntry.init)
        evaluate = record.evaluation.map { EvaluateEntry(loss: $0.loss, accuracy: $0.accuracy) }
        models = record.models.map {
            ModelEntry(name: $0.name, layers: $0.layers, parameters: $0.parameters, fit_seconds: $0.fitSeconds,
                       history: $0.history.map(HistoryEntry.init),
                       evaluate: $0.evaluation.map { EvaluateEntry(loss: $0.loss, accuracy: $0.accuracy) })
        }
        predictions = record.predictions.map {
            PredictionEntry(image: $0.image, label: $0.label, class_name: $0.className, probabilities: $0.probabilities,
                            expected_label: $0.expectedLabel)
        }
    }
}

/// A parameter's value as a JSON number, boolean or string.
private struct ParameterJSON: Encodable {
    var value: ParameterValue

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .integer(let integer): try container.encode(integer)
        case .number(let number): try container.encode(number)
        case .boolean(let boolean): try container.encode(boolean)
        case .string(let string): try container.encode(string)
        }
    }
}
