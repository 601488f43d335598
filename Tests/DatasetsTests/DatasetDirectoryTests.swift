import XCTest
@testable import Datasets

final class DatasetDirectoryTests: XCTestCase {
    func testLoadsFixtureFolder() throws {
        let files = try DatasetDirectory.load(TestSupport.fixtureDirectory)
        XCTAssertEqual(files.train.images.dimensions, [1000, 28, 28])
        XCTAssertEqual(files.train.labels.dimensions, [1000])
        XCTAssertEqual(files.test.images.dimensions, [200, 28, 28])
        XCTAssertEqual(Array(files.train.labels.bytes.prefix(5)), [5, 0, 4, 1, 9])   // MNIST's first training labels
        XCTAssertEqual(files.directory, TestSupport.fixtureDirectory)
    }

    func testMixOfRawAndCompressedFiles() throws {
        let directory = try TestSupport.temporaryDirectory(self)
        try TestSupport.populate(directory, files: [.trainImages, .testImages], copyFixtures: true)
        for file in [DatasetFileName.trainLabels, .testLabels] {
            let raw = try Gzip.decompress(TestSupport.fixtureBytes(file))
            try Data(raw).write(to: directory.appendingPathComponent(file.rawValue))
        }
        let files = try DatasetDirectory.load(directory)
        XCTAssertEqual(files.train.labels.count, 1000)
        XCTAssertEqual(files.test.labels.count, 200)
    }

    func testMissingFilesAreListed() throws {
        let directory = try TestSupport.temporaryDirectory(self)
        try TestSupport.populate(directory, files: [.trainImages, .trainLabels], copyFixtures: true)
        XCTAssertThrowsDatasetError(try DatasetDirectory.load(directory),
                                    .missingFiles(directory: directory.path, missing: ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]))
    }

    func testCountMismatchNamesBothFiles() throws {
        let directory = try TestSupport.temporaryDirectory(self)
        try TestSupport.populate(directory, files: [.trainImages, .trainLabels, .testImages], copyFixtures: true)
        let labels = directory.appendingPathComponent("t10k-labels-idx1-ubyte")
        try Data(TestSupport.idx([3], payload: [1, 2, 3])).write(to: labels)
        XCTAssertThrowsDatasetError(try DatasetDirectory.load(directory),
                                    .idxCountMismatch(images: directory.appendingPathComponent("t10k-images-idx3-ubyte.gz").path,
                                                      imageCount: 200, labels: labels.path, labelCount: 3))
    }

    func testTrainAndTestImagesOfDifferentShapesAreRefusedAtLoad() throws {
        let directory = try TestSupport.temporaryDirectory(self)
        try TestSupport.populate(directory, files: [.trainImages, .trainLabels, .testLabels], copyFixtures: true)
        // 200 test images of 14 × 14 pixels beside 28 × 28 training images.
        try Data(TestSupport.idx([200, 14, 14], payload: [UInt8](repeating: 0, count: 200 * 14 * 14)))
            .write(to: directory.appendingPathComponent("t10k-images-idx3-ubyte"))
        XCTAssertThrowsDatasetError(try DatasetDirectory.load(directory), .splitShapesDiffer(train: [28, 28], test: [14, 14]))
    }

    func testSwappedFilesAreCaughtByRank() throws {
        let directory = try TestSupport.temporaryDirectory(self)
        try TestSupport.populate(directory, files: [.testImages, .testLabels], copyFixtures: true)
        // Training "images" that are really labels.
        try FileManager.default.copyItem(at: TestSupport.fixtureURL(.trainLabels),
                                         to: directory.appendingPathComponent("train-images-idx3-ubyte.gz"))
        try FileManager.default.copyItem(at: TestSupport.fixtureURL(.trainLabels),
                                         to: directory.appendingPathComponent("train-labels-idx1-ubyte.gz"))
        XCTAssertThrowsDatasetError(try DatasetDirectory.load(directory),
                                    .idxWrongRank(file: directory.appendingPathComponent("train-images-idx3-ubyte.gz").path,
                                                  expectedRank: 3, dimensions: [1000]))
    }

    func testTruncatedFileInFolderIsNamed() throws {
        let directory = try TestSupport.temporaryDirectory(self)
        try TestSupport.populate(directory, files: [.trainImages, .trainLabels, .testLabels], copyFixtures: true)
        let images = directory.appendingPathComponent("t10k-images-idx3-ubyte")
        let payload = try Gzip.decompress(TestSupport.fixtureBytes(.testImages))
        try Data(payload.dropLast(100)).write(to: images)
        XCTAssertThrowsDatasetError(try DatasetDirectory.load(directory),
                                    .idxTruncated(file: "t10k-images-idx3-ubyte", expected: payload.count, found: payload.count - 100))
    }
}
