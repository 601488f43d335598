import Foundation
import NeuralNet
import Notebook

extension Session {
    /// `save`: write the whole model as safetensors, atomically — architecture, weights, optimizer
    /// state, loss, and how the data was presented (preprocessing, label encoding, class names).
    func runSave(_ directive: SaveDirective, cell: Cell) throws -> [Output] {
        let model = try requireModel(for: "save", at: cell.location)
        return try save(model, loss: loss, preparation: currentPreparation, directive)
    }

    /// Writes `model` as `save` does (the cell cache replays a cached `save` through this).
    func save(_ model: Sequential, loss: Loss?, preparation: DataPreparation?, _ directive: SaveDirective) throws -> [Output] {
        let url = resolve(directive.path.value)
        try wrap(at: directive.path.location) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try model.save(to: url, loss: loss, preparation: preparation)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        var text = "Saved the model (\(Format.integer(model.parameterCount)) parameters) to \(directive.path.value)"
        if let size { text += " (\(Format.bytes(size)))" }
        return [.text(text + ". Load it again with `load` and `model: \(directive.path.value)`.")]
    }
}
