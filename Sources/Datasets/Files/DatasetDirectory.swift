import Foundation

/// Loads a dataset folder holding the four standard IDX files, each raw or `.gz`.
public enum DatasetDirectory {
    /// Reads and validates `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`,
    /// `t10k-images-idx3-ubyte` and `t10k-labels-idx1-ubyte` (each raw or `.gz`) from `directory`.
    public static func load(_ directory: URL) throws -> DatasetFiles {
        let missing = DatasetFileName.missing(in: directory)
        guard missing.isEmpty else {
            throw DatasetError.missingFiles(directory: directory.path, missing: missing.map(\.rawValue))
        }
        let train = try loadSplit(images: .trainImages, labels: .trainLabels, in: directory)
        let test = try loadSplit(images: .testImages, labels: .testLabels, in: directory)
        guard train.images.itemShape == test.images.itemShape else {
            throw DatasetError.splitShapesDiffer(train: train.images.itemShape, test: test.images.itemShape)
        }
        return DatasetFiles(train: train, test: test, directory: directory)
    }

    private static func loadSplit(images: DatasetFileName, labels: DatasetFileName, in directory: URL) throws -> DatasetSplit {
        guard let imagesURL = images.existingFile(in: directory), let labelsURL = labels.existingFile(in: directory) else {
            throw DatasetError.missingFiles(directory: directory.path, missing: [images.rawValue, labels.rawValue])
        }
        return try DatasetSplit(images: IDX.read(imagesURL), labels: IDX.read(labelsURL),
                                imagesName: imagesURL.path, labelsName: labelsURL.path)
    }
}
