import Foundation

/// The images and labels of one split (training or test) of a dataset.
public struct DatasetSplit: Sendable, Equatable {
    /// Images, `count × rows × columns`.
    public let images: IDXArray
    /// One label per image.
    public let labels: IDXArray

    /// Pairs images with labels, checking that images are 3-D, labels 1-D and the counts agree.
    /// The names identify the two sources in errors.
    public init(images: IDXArray, labels: IDXArray,
                imagesName: String = "the images", labelsName: String = "the labels") throws {
        guard images.dimensions.count == 3 else {
            throw DatasetError.idxWrongRank(file: imagesName, expectedRank: 3, dimensions: images.dimensions)
        }
        guard labels.dimensions.count == 1 else {
            throw DatasetError.idxWrongRank(file: labelsName, expectedRank: 1, dimensions: labels.dimensions)
        }
        guard images.count == labels.count else {
            throw DatasetError.idxCountMismatch(images: imagesName, imageCount: images.count,
                                                labels: labelsName, labelCount: labels.count)
        }
        self.images = images
        self.labels = labels
    }
}

/// A whole dataset as read from one folder: the training and test splits.
public struct DatasetFiles: Sendable {
    public let train: DatasetSplit
    public let test: DatasetSplit
    /// The folder the files came from.
    public let directory: URL
}
