import Foundation

extension Sequential {
    /// Writes the model as a safetensors file: every weight array as an F32 tensor named
    /// `layers.I.kernel`, `layers.I.bias`, `layers.I.gamma`, `layers.I.beta`, `layers.I.moving_mean`,
    /// `layers.I.moving_variance` (I = index in the layer list, Keras layouts), and in `__metadata__`
    /// `format` "folio", `folio_version` "1", `architecture` (JSON text: input shape and layers) and,
    /// after a `fit`, `optimizer` (JSON text), and `loss` when given. The file appears atomically:
    /// the bytes go to a temporary file in the same folder, which is then renamed over `url`.
    public func save(to url: URL, loss: Loss? = nil) throws {
        var metadata = [ModelFileFormat.formatKey: ModelFileFormat.format,
                        ModelFileFormat.versionKey: ModelFileFormat.version,
                        ModelFileFormat.architectureKey: Architecture(inputShape: inputShape, layers: layers).json]
        if let spec = optimizerState?.spec { metadata[ModelFileFormat.optimizerKey] = spec.configurationJSON }
        if let loss { metadata[ModelFileFormat.lossKey] = loss.rawValue }
        let bytes = SafetensorsFile(tensors: namedWeightTensors, metadata: metadata).encoded()
        try AtomicFile.write(bytes, to: url)
    }

    /// Reads a model written by `save(to:)`: rebuilds the layers from the architecture and loads every
    /// weight array. Throws `NeuralNetError.invalidModelFile` saying what is wrong — unreadable
    /// file, bad header length, header not JSON, wrong dtype, offsets out of range, overlapping or
    /// leaving gaps, truncated data, unknown layer kind, missing, extra or misshapen tensors.
    /// The optimizer state is not saved: a following `fit` starts it afresh.
    public static func load(from url: URL) throws -> Sequential {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NeuralNetError.invalidModelFile(path: url.path, reason: "the file cannot be read (\(error.localizedDescription))")
        }
        return try load(data, path: url.path)
    }

    /// The model in a file's bytes (`path` names it in errors).
    static func load(_ data: Data, path: String) throws -> Sequential {
        func invalid(_ reason: String) -> NeuralNetError { .invalidModelFile(path: path, reason: reason) }
        let file: SafetensorsFile
        do {
            file = try SafetensorsFile(decoding: data)
        } catch let problem as SafetensorsFile.Problem {
            throw invalid(problem.reason)
        }
        let metadata = file.metadata
        guard metadata[ModelFileFormat.formatKey] == ModelFileFormat.format else {
            throw invalid("it is a safetensors file but not a Folio model (its metadata lacks \"format\": \"folio\")")
        }
        guard let version = metadata[ModelFileFormat.versionKey], version == ModelFileFormat.version else {
            let found = metadata[ModelFileFormat.versionKey].map { SafetensorsFile.brief($0) } ?? "missing"
            throw invalid("its folio_version is \(found); this Folio reads version \(ModelFileFormat.version)")
        }
        guard let json = metadata[ModelFileFormat.architectureKey] else {
            throw invalid("its metadata has no architecture")
        }
        let architecture: Architecture
        do {
            architecture = try Architecture(json: json)
        } catch let problem as Architecture.Problem {
            throw invalid(problem.reason)
        }
        let model: Sequential
        do {
            model = try Sequential(inputShape: architecture.inputShape, layers: architecture.layers, seed: 0)
        } catch let error as NeuralNetError {
            throw invalid("its architecture does not build (\(error.description))")
        }
        try model.loadWeights(file.tensors, invalid: invalid)
        return model
    }

    /// Copies `tensors` into the weights after checking that the names are exactly the model's and
    /// every shape matches; changes nothing when something is wrong.
    private func loadWeights(_ tensors: [(name: String, tensor: Tensor)],
                             invalid: (String) -> NeuralNetError) throws {
        var byName: [String: Tensor] = [:]
        for (name, tensor) in tensors { byName[name] = tensor }
        let slots = network.weightSlots
        let expected = Set(slots.map(Self.weightName))
        if let extra = tensors.map(\.name).sorted().first(where: { !expected.contains($0) }) {
            throw invalid("it holds the tensor \(SafetensorsFile.brief(extra)), which the architecture has no place for")
        }
        var ordered: [Tensor] = []
        for slot in slots {
            let name = Self.weightName(slot)
            guard let tensor = byName[name] else { throw invalid("the tensor \(name) is missing") }
            guard tensor.shape == slot.shape else {
                throw invalid("the tensor \(name) has shape \(tensor.shape) but the architecture needs \(slot.shape)")
            }
            ordered.append(tensor)
        }
        try setWeightTensors(ordered)
    }
}
