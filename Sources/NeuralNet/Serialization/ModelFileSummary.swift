import Foundation

/// What a Folio model file says about itself, read from its header alone.
///
/// Every field has been checked: the architecture builds (on paper — nothing is allocated), and
/// the tensors the header lists are exactly the weights that architecture needs, with their
/// shapes, plus the saved optimizer's state arrays.
public struct ModelFileSummary: Sendable, Equatable {
    /// The file's `folio_version`: 1 or 2.
    public var version: Int
    /// The shape of one input sample, e.g. `[784]` or `[28, 28, 1]`.
    public var inputShape: [Int]
    public var layers: [LayerSpec]
    /// The loss the model was last trained with; nil when the file does not say.
    public var loss: Loss?
    /// How the training data was presented; nil for version 1 files and models saved without it.
    public var preparation: DataPreparation?
    /// The optimizer whose state the file holds (version 2, after a fit); nil otherwise.
    public var optimizer: OptimizerSpec?
    /// That optimizer's step count; nil when there is no optimizer state.
    public var optimizerIterations: Int?

    public init(version: Int, inputShape: [Int], layers: [LayerSpec], loss: Loss? = nil,
                preparation: DataPreparation? = nil, optimizer: OptimizerSpec? = nil, optimizerIterations: Int? = nil) {
        self.version = version
        self.inputShape = inputShape
        self.layers = layers
        self.loss = loss
        self.preparation = preparation
        self.optimizer = optimizer
        self.optimizerIterations = optimizerIterations
    }
}

extension Sequential {
    /// Reads what the Folio model file at `url` says about itself from its 8-byte header length
    /// and JSON header alone — never the tensor data, and no header over 100 MB — checking it as
    /// `load(from:)` would, without allocating the model. Throws `NeuralNetError.invalidModelFile`.
    public static func readSummary(from url: URL) throws -> ModelFileSummary {
        let header: SafetensorsHeader
        do {
            header = try SafetensorsHeader.read(from: url)
        } catch let problem as SafetensorsFile.Problem {
            throw NeuralNetError.invalidModelFile(path: url.path, reason: problem.reason)
        }
        return try ModelFileSummary(header.metadata, tensors: header.entries.map { ($0.name, $0.shape) }, path: url.path)
    }
}

extension ModelFileSummary {
    /// Checks a model file's metadata and tensor list (names and shapes); returns the summary and
    /// the architecture. Throws `NeuralNetError.invalidModelFile` naming the first thing wrong.
    init(_ metadata: [String: String], tensors: [(name: String, shape: [Int])], path: String) throws {
        do {
            self = try Self.checked(metadata, tensors: tensors)
        } catch let problem as Architecture.Problem {
            throw NeuralNetError.invalidModelFile(path: path, reason: problem.reason)
        }
    }

    private static func checked(_ metadata: [String: String], tensors: [(name: String, shape: [Int])]) throws -> ModelFileSummary {
        typealias Problem = Architecture.Problem
        guard metadata[ModelFileFormat.formatKey] == ModelFileFormat.format else {
            throw Problem("it is a safetensors file but not a Folio model (its metadata lacks \"format\": \"folio\")")
        }
        let readable = ModelFileFormat.readableVersions
        guard let text = metadata[ModelFileFormat.versionKey], let version = Int(text), readable.contains(version) else {
            let found = metadata[ModelFileFormat.versionKey].map { SafetensorsFile.brief($0) } ?? "missing"
            let known = readable.map(String.init).joined(separator: " and ")
            throw Problem("its folio_version is \(found); this Folio reads versions \(known)")
        }
        guard let json = metadata[ModelFileFormat.architectureKey] else {
            throw Problem("its metadata has no architecture")
        }
        let architecture = try Architecture(json: json)
        let expected = try ExpectedTensors(architecture)
        var summary = ModelFileSummary(version: version, inputShape: architecture.inputShape, layers: architecture.layers)
        if let name = metadata[ModelFileFormat.lossKey] {
            guard let loss = Loss(rawValue: name) else {
                let known = Loss.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem("its loss is \(SafetensorsFile.brief(name)), not one of \(known)")
            }
            summary.loss = loss
        }
        if version >= 2 {
            if let json = metadata[ModelFileFormat.preparationKey] {
                summary.preparation = try DataPreparation(json: json)
            }
            if let json = metadata[ModelFileFormat.optimizerKey] {
                summary.optimizer = try OptimizerSpec(configurationJSON: json)
                guard let text = metadata[ModelFileFormat.optimizerIterationsKey], let steps = Int(text), steps >= 0 else {
                    let found = metadata[ModelFileFormat.optimizerIterationsKey].map { SafetensorsFile.brief($0) } ?? "missing"
                    throw Problem("its optimizer_iterations is \(found), not a whole number ≥ 0")
                }
                summary.optimizerIterations = steps
            }
        }
        // Version 1 kept only the optimizer's spec, never its state: such a model trains on afresh.
        try expected.check(tensors, optimizer: summary.optimizer)
        return summary
    }
}
