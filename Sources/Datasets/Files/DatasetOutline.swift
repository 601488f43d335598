import Foundation

/// What a dataset folder holds, learnt without loading its images: the image shape and counts from
/// the IDX headers, and the number of classes from the (small) label files.
public struct DatasetOutline: Sendable, Equatable {
    /// The shape of one image, e.g. `[28, 28]`.
    public var imageShape: [Int]
    public var trainCount: Int
    public var testCount: Int
    /// One more than the largest label of either split.
    public var classCount: Int

    public init(imageShape: [Int], trainCount: Int, testCount: Int, classCount: Int) {
        self.imageShape = imageShape
        self.trainCount = trainCount
        self.testCount = testCount
        self.classCount = classCount
    }

    /// Reads the outline of the four standard files in `directory`, with the checks `DatasetDirectory.load`
    /// makes of their headers: all four present, images 3-D, labels 1-D, as many labels as images,
    /// and both splits' images of one shape.
    public static func read(_ directory: URL) throws -> DatasetOutline {
        let missing = DatasetFileName.missing(in: directory)
        guard missing.isEmpty else {
            throw DatasetError.missingFiles(directory: directory.path, missing: missing.map(\.rawValue))
        }
        let train = try split(images: .trainImages, labels: .trainLabels, in: directory)
        let test = try split(images: .testImages, labels: .testLabels, in: directory)
        guard train.shape == test.shape else {
            throw DatasetError.splitShapesDiffer(train: train.shape, test: test.shape)
        }
        return DatasetOutline(imageShape: train.shape, trainCount: train.count, testCount: test.count,
                              classCount: max(train.largestLabel, test.largestLabel) + 1)
    }

    private static func split(images: DatasetFileName, labels: DatasetFileName, in directory: URL) throws
        -> (shape: [Int], count: Int, largestLabel: Int) {
        guard let imagesURL = images.existingFile(in: directory), let labelsURL = labels.existingFile(in: directory) else {
            throw DatasetError.missingFiles(directory: directory.path, missing: [images.rawValue, labels.rawValue])
        }
        let dimensions = try IDX.dimensions(of: imagesURL)
        guard dimensions.count == 3 else {
            throw DatasetError.idxWrongRank(file: imagesURL.path, expectedRank: 3, dimensions: dimensions)
        }
        let labelArray = try IDX.read(labelsURL)
        guard labelArray.dimensions.count == 1 else {
            throw DatasetError.idxWrongRank(file: labelsURL.path, expectedRank: 1, dimensions: labelArray.dimensions)
        }
        guard labelArray.count == dimensions[0] else {
            throw DatasetError.idxCountMismatch(images: imagesURL.path, imageCount: dimensions[0],
                                                labels: labelsURL.path, labelCount: labelArray.count)
        }
        return (Array(dimensions.dropFirst()), dimensions[0], Int(labelArray.bytes.max() ?? 0))
    }
}
