import Files
import Foundation
import Limits

/// A model read back from a Folio model file, with what the file says about it.
public struct LoadedModel {
    /// The model: architecture, weights and, from a version 2 file saved after a fit, the
    /// optimizer's state (so that a `fit` with the same optimizer spec continues where it stopped).
    public let model: Sequential
    /// The file's version, loss, data preparation and optimizer, as `Sequential.readSummary` gives them.
    public let summary: ModelFileSummary
}

extension Sequential {
    /// Writes the model as a safetensors file (format version 2): every weight array as an F32
    /// tensor named `layers.I.kernel`, `layers.I.bias`, `layers.I.gamma`, `layers.I.beta`,
    /// `layers.I.moving_mean`, `layers.I.moving_variance` (I = index in the layer list, Keras
    /// layouts); after a `fit`, the optimizer's state arrays as F32 tensors `optimizer.m`,
    /// `optimizer.v` (Adam, AdamW), `optimizer.velocity` (SGD with momentum) or `optimizer.v`
    /// (RMSprop), each one value per trainable parameter in `weights()` order. `__metadata__` holds
    /// `format` "folio", `folio_version` "2", `architecture` (JSON text: input shape and layers),
    /// `loss` when given, `preparation` (JSON text, `DataPreparation`) when given, and after a fit
    /// `optimizer` (JSON text) and `optimizer_iterations` (its step count). The same model gives the
    /// same bytes. The file appears atomically (`AtomicFile`: a symbolic link is written through,
    /// a device or folder refused, nothing left behind by a killed process).
    public func save(to url: URL, loss: Loss? = nil, preparation: DataPreparation? = nil) throws {
        let bytes = try modelFileBytes(loss: loss, preparation: preparation)
        do {
            try AtomicFile.write(bytes, to: url)
        } catch let error as FileWriteError {
            throw NeuralNetError.cannotSaveModel(path: url.path, reason: error.reason)
        }
    }

    /// The bytes `save(to:loss:preparation:)` writes (the same model gives the same bytes), for
    /// callers that keep a model elsewhere than in a file of its own (the runner's cell cache).
    public func modelFileBytes(loss: Loss? = nil, preparation: DataPreparation? = nil) throws -> Data {
        var metadata = [ModelFileFormat.formatKey: ModelFileFormat.format,
                        ModelFileFormat.versionKey: String(ModelFileFormat.version),
                        ModelFileFormat.architectureKey: Architecture(inputShape: inputShape, layers: layers).json]
        var tensors = namedWeightTensors
        if let (spec, optimizer) = optimizerState {
            metadata[ModelFileFormat.optimizerKey] = spec.configurationJSON
            metadata[ModelFileFormat.optimizerIterationsKey] = String(optimizer.iterations)
            for (name, slot) in zip(spec.slotNames, optimizer.slots) {
                tensors.append((ModelFileFormat.optimizerTensorName(name), try Tensor(shape: [slot.count], scalars: slot.array)))
            }
        }
        if let loss { metadata[ModelFileFormat.lossKey] = loss.rawValue }
        if let preparation { metadata[ModelFileFormat.preparationKey] = preparation.json }
        return SafetensorsFile(tensors: tensors, metadata: metadata).encoded()
    }

    /// Reads the model of a file written by `save(to:)` (see `loadModelFile(from:)`).
    public static func load(from url: URL) throws -> Sequential {
        try loadModelFile(from: url).model
    }

    /// Reads a model file of version 2 or 1: checks the header first — the architecture and the
    /// tensor list against each other, before anything the size of the model is allocated — then
    /// rebuilds the layers, loads every weight array and, from a version 2 file saved after a fit,
    /// restores the optimizer bit for bit (its spec, step count and state arrays). A later `fit`
    /// with the same optimizer spec carries on with that state; a different spec starts a fresh
    /// optimizer. Version 1 files have no preparation and no optimizer state.
    ///
    /// Throws `NeuralNetError.invalidModelFile` saying what is wrong — unreadable file, bad header
    /// length, header not JSON, wrong dtype, offsets out of range, overlapping or leaving gaps,
    /// truncated data, unknown version or layer kind, bad metadata, missing, extra or misshapen tensors.
    public static func loadModelFile(from url: URL) throws -> LoadedModel {
        // The header and architecture first, then the memory budget, then the bytes.
        _ = try readSummary(from: url)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
        try MemoryBudget.require("model file's bytes and tensors", floats: Checked.product(size.map { $0 / 4 + 1 }, 2))
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NeuralNetError.invalidModelFile(path: url.path, reason: "the file cannot be read (\(error.localizedDescription))")
        }
        return try loadModelFile(data, path: url.path)
    }

    /// The model in a file's bytes (`path` names it in errors).
    static func load(_ data: Data, path: String) throws -> Sequential {
        try loadModelFile(data, path: path).model
    }

    /// The model and summary in a model file's bytes (`path` names it in errors), checked as
    /// `loadModelFile(from:)` checks a file.
    public static func loadModelFile(_ data: Data, path: String) throws -> LoadedModel {
        func invalid(_ reason: String) -> NeuralNetError { .invalidModelFile(path: path, reason: reason) }
        // Every tensor's name, shape, dtype and byte range is checked against the architecture's
        // table before anything the size of the model is allocated.
        let header: SafetensorsHeader, dataStart: Int
        do {
            (header, dataStart) = try SafetensorsFile.header(of: data)
        } catch let problem as SafetensorsFile.Problem {
            throw invalid(problem.reason)
        }
        let summary = try ModelFileSummary(header.metadata, tensors: header.entries.map { ($0.name, $0.shape) }, path: path)
        try MemoryBudget.require("model file's tensors", floats: header.entries.last.map { $0.end / 4 } ?? 0)
        let file = try SafetensorsFile(header: header, data: data, dataStart: dataStart)
        let model: Sequential
        do {
            model = try Sequential(inputShape: summary.inputShape, layers: summary.layers, seed: 0)
        } catch let error as NeuralNetError {
            throw invalid("its architecture does not build (\(error.description))")
        }
        var byName: [String: Tensor] = [:]
        for (name, tensor) in file.tensors { byName[name] = tensor }
        try model.loadWeights(byName, invalid: invalid)
        if let spec = summary.optimizer, let iterations = summary.optimizerIterations {
            try model.restoreOptimizer(spec, iterations: iterations, tensors: byName, invalid: invalid)
        }
        return LoadedModel(model: model, summary: summary)
    }

    /// Copies the weight tensors (names and shapes already checked against the architecture).
    private func loadWeights(_ byName: [String: Tensor], invalid: (String) -> NeuralNetError) throws {
        var ordered: [Tensor] = []
        for slot in network.weightSlots {
            let name = Self.weightName(slot)
            guard let tensor = byName[name], tensor.shape == slot.shape else {
                throw invalid("the tensor \(name) is missing or has the wrong shape")
            }
            ordered.append(tensor)
        }
        try setWeightTensors(ordered)
    }

    /// A fresh optimizer of `spec` given the saved step count and state arrays, bit for bit.
    private func restoreOptimizer(_ spec: OptimizerSpec, iterations: Int, tensors byName: [String: Tensor],
                                  invalid: (String) -> NeuralNetError) throws {
        let optimizer = spec.makeOptimizer(parameterCount: network.parameterCount)
        optimizer.iterations = iterations
        for (name, slot) in zip(spec.slotNames, optimizer.slots) {
            let tensorName = ModelFileFormat.optimizerTensorName(name)
            guard let tensor = byName[tensorName], tensor.count == slot.count else {
                throw invalid("the tensor \(tensorName) is missing or has the wrong shape")
            }
            tensor.scalars.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                slot.pointer.update(from: base, count: slot.count)
            }
        }
        optimizerState = (spec, optimizer)
    }
}
