import Foundation
import Charts
import Datasets
import NeuralNet
import Notebook

extension Session {
    /// `load`: a dataset (by catalog name or folder) and/or a saved model.
    mutating func runLoad(_ directive: LoadDirective, cell: Cell) throws -> [Output] {
        var outputs: [Output] = []
        if let source = directive.data {
            outputs += try loadData(source, cell: cell)
        }
        if let model = directive.model {
            outputs += try loadModel(model, cell: cell)
        }
        return outputs
    }

    /// Finds the four IDX files, validates them and keeps them compact (also how the cell cache
    /// puts a cached session's data back).
    mutating func loadData(_ source: LoadDirective.DataSource, cell: Cell) throws -> [Output] {
        let directory: URL
        let name: String
        let classNames: [String]
        switch source {
        case .dataset(let dataset):
            let catalog = DatasetCatalog(dataset.value)
            let locator = DatasetLocator(environment: environment, cancellation: cancellation)
            directory = try wrap(at: dataset.location) {
                try locator.locate(catalog) { [events] progress in events(.download(progress)) }
            }
            name = catalog.rawValue
            classNames = catalog.classNames
        case .path(let path):
            directory = resolve(path.value)
            name = path.value
            classNames = []
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
                throw RunError(at: path.location, "no such folder: \(path.value)",
                               hint: "`path:` is a folder holding the four IDX files, relative to the notebook's folder")
            }
            guard isDirectory.boolValue else {
                throw RunError(at: path.location, "\(path.value) is a file, not a folder",
                               hint: "`path:` names the folder that holds train-images-idx3-ubyte(.gz) and the other three files")
            }
        }
        let files = try wrap(at: cell.location) { try DatasetDirectory.load(directory) }
        let perClass = Self.labelHistogram(files.train.labels.bytes)
        setData(LoadedData(name: name, files: files,
                           classNames: classNames.isEmpty ? (0..<perClass.count).map(String.init) : classNames))
        writtenPreprocessing = [:]
        // A model loaded earlier sees the new data as it saw its training data.
        try wrap(at: cell.location) { try adoptModelPreparation() }
        return overview(of: files, perClass: perClass, name: name, directory: directory)
    }

    /// Restores a model saved by `save` — architecture, weights, optimizer state, loss, and how its
    /// training data was presented, which the session's data then follows (see `adoptModelPreparation`).
    private mutating func loadModel(_ path: Located<String>, cell: Cell) throws -> [Output] {
        let url = resolve(path.value)
        let loaded = try wrap(at: path.location) { try Sequential.loadModelFile(from: url) }
        let previous = (model, loadedPreparation, preprocessing)
        model = loaded.model
        loadedPreparation = loaded.summary.preparation.map { (loaded.model, $0) }
        do {
            try adoptModelPreparation()
        } catch {
            (model, loadedPreparation, preprocessing) = previous
            throw error
        }
        loss = loaded.summary.loss
        history = nil
        evaluation = nil
        startRecord(of: loaded.model, cell: cell)
        let layers = loaded.model.summary.count
        var text = "Loaded " + (cell.display.label.map { "\($0), a model" } ?? "a model") + " of \(layers) layer\(layers == 1 ? "" : "s") and \(Format.integer(loaded.model.parameterCount)) "
            + "parameters (input \(Format.shape(loaded.model.inputShape))) from \(path.value); `summary` shows its layers."
        if let preparation = loaded.summary.preparation {
            text += " Data is presented as it was for training: \(Self.describe(preparation))."
        }
        return [.text(text)]
    }

    /// "flattened, pixels ÷ 255, one-hot labels of width 10".
    private static func describe(_ preparation: DataPreparation) -> String {
        var parts: [String] = []
        if let reshape = preparation.reshape {
            parts.append("reshaped to \(Format.shape(reshape))")
        } else if preparation.flatten {
            parts.append("flattened")
        }
        parts.append(preparation.scale.map { "pixels ÷ \(plain(Double($0)))" } ?? "unscaled pixels")
        parts.append(preparation.oneHotWidth.map { "one-hot labels of width \($0)" } ?? "integer labels")
        return parts.joined(separator: ", ")
    }

    /// Resolves a notebook-relative path.
    func resolve(_ path: String) -> URL { NotebookPath.resolve(path, in: notebookDirectory) }

    /// The dataset's splits, its training images per class, and the first training images.
    private func overview(of files: DatasetFiles, perClass trainCounts: [Int], name: String, directory: URL) -> [Output] {
        let shape = Format.shape(Array(files.train.images.dimensions.dropFirst()))
        var rows: [[String]] = [
            ["training images", Format.integer(files.train.images.count), shape],
            ["test images", Format.integer(files.test.images.count), shape],
        ]
        rows.append(["classes", Format.integer(trainCounts.count), data?.classNames.joined(separator: ", ") ?? ""])
        var outputs: [Output] = [
            .text("Loaded the dataset `\(name)`."),
            .table(Table(caption: "Dataset", header: ["split", "count", "detail"], rows: rows, numericColumns: [1])),
        ]
        let names = classNames(count: trainCounts.count)
        outputs.append(.table(Table(caption: "Training images per class", header: ["class"] + names,
                                    rows: [["images"] + trainCounts.map(Format.integer)],
                                    numericColumns: Set(1...trainCounts.count))))
        outputs.append(sampleGrid(of: files.train, count: 20))
        return outputs
    }

    /// How many times each label occurs, indexed by label (0 up to the largest one).
    private static func labelHistogram(_ labels: [UInt8]) -> [Int] {
        var counts = [Int](repeating: 0, count: Int(labels.max() ?? 0) + 1)
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }

    /// The first `count` images of a split, with their labels.
    func sampleGrid(of split: DatasetSplit, count: Int) -> Output {
        let dims = split.images.dimensions
        let height = dims.count > 1 ? dims[1] : 1
        let width = dims.count > 2 ? dims[2] : 1
        let size = width * height
        let shown = min(count, split.images.count, split.labels.count)
        var images: [GrayImage] = []
        var captions: [String] = []
        let names = classNames(count: Int(split.labels.bytes.max() ?? 0) + 1)
        for index in 0..<shown {
            let pixels = Array(split.images.bytes[(index * size)..<((index + 1) * size)])
            images.append(GrayImage(width: width, height: height, pixels: pixels))
            let label = Int(split.labels.bytes[index])
            captions.append(label < names.count ? names[label] : String(label))
        }
        let grid = ImageGrid(images: images, captions: captions, columns: 10, cellSize: 56)
        return .chart(svg: grid.svg(), caption: "The first \(shown) training images and their labels, drawn as the model sees them: 0 black, 255 white")
    }
}

extension DatasetCatalog {
    init(_ name: DatasetName) {
        switch name {
        case .mnist: self = .mnist
        case .fashionMNIST: self = .fashionMNIST
        }
    }
}
