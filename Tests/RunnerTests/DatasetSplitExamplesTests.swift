import Datasets
import NeuralNet
import XCTest
@testable import Runner

/// A dataset split presented to the engine as `Examples`, as a `preprocess` cell asks.
final class DatasetSplitExamplesTests: XCTestCase {
    private func XCTAssertThrowsDatasetError<T>(_ expression: @autoclosure () throws -> T, _ expected: DatasetError,
                                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertEqual(error as? DatasetError, expected, file: file, line: line)
        }
    }

    private func split() throws -> DatasetSplit {
        try DatasetSplit(images: IDXArray(dimensions: [3, 2, 2], bytes: [0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8]),
                         labels: IDXArray(dimensions: [3], bytes: [2, 0, 9]))
    }

    func testDefaultsKeepShapeBytesAndLabels() throws {
        let examples = try split().examples(Preprocessing())
        XCTAssertEqual(examples.count, 3)
        XCTAssertEqual(examples.sampleShape, [2, 2])
        XCTAssertEqual(examples.targets, .labels([2, 0, 9]))
        guard case .bytes(let bytes, let scale) = examples.features else { return XCTFail("expected bytes") }
        XCTAssertEqual(bytes.count, 12)
        XCTAssertEqual(scale, 1)
    }

    func testFlattenScaleAndOneHot() throws {
        let examples = try split().examples(Preprocessing(flatten: true, scale: 255, oneHot: 10))
        XCTAssertEqual(examples.sampleShape, [4])
        XCTAssertEqual(examples.sampleSize, 4)
        XCTAssertEqual(examples.targets, .oneHot(labels: [2, 0, 9], classes: 10))
        guard case .bytes(let bytes, let scale) = examples.features else { return XCTFail("expected bytes") }
        XCTAssertEqual(Float(bytes[1]) * scale, 1, accuracy: 1e-6)
        XCTAssertEqual(Float(bytes[2]) * scale, 0.2, accuracy: 1e-6)
    }

    func testFixtureFlattensTo784() throws {
        let folder = RunnerTests.fixtures
        let split = try DatasetSplit(images: IDX.read(folder.appendingPathComponent("t10k-images-idx3-ubyte.gz")),
                                     labels: IDX.read(folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz")))
        let examples = try split.examples(Preprocessing(flatten: true, scale: 255, oneHot: 10))
        XCTAssertEqual(examples.count, 200)
        XCTAssertEqual(examples.sampleShape, [784])
        XCTAssertEqual(Array(examples.labels.prefix(3)), [7, 2, 1])
    }

    func testLabelTooLargeForOneHotIsNamed() throws {
        XCTAssertThrowsDatasetError(try split().examples(Preprocessing(oneHot: 5)), .labelOutOfRange(label: 9, index: 2, classes: 5))
        XCTAssertTrue(DatasetError.labelOutOfRange(label: 9, index: 2, classes: 5).description.contains("at least 10"))
    }

    func testBadScaleAndClassCount() throws {
        XCTAssertThrowsDatasetError(try split().examples(Preprocessing(scale: 0)), .invalidScale(0))
        XCTAssertThrowsDatasetError(try split().examples(Preprocessing(scale: -255)), .invalidScale(-255))
        XCTAssertThrowsError(try split().examples(Preprocessing(scale: .nan)))
        XCTAssertThrowsDatasetError(try split().examples(Preprocessing(oneHot: 0)), .invalidClassCount(0))
    }

    func testSplitRejectsMismatchedCounts() throws {
        XCTAssertThrowsDatasetError(
            try DatasetSplit(images: IDXArray(dimensions: [2, 1, 1], bytes: [1, 2]), labels: IDXArray(dimensions: [1], bytes: [1])),
            .idxCountMismatch(images: "the images", imageCount: 2, labels: "the labels", labelCount: 1))
    }

    func testReshapeGivesChannelsLastSamplesAndRejectsWrongSizes() throws {
        let examples = try split().examples(Preprocessing(reshape: [2, 2, 1]))
        XCTAssertEqual(examples.sampleShape, [2, 2, 1])
        XCTAssertEqual(try Preprocessing(flatten: true, reshape: [4, 1]).sampleShape(for: [2, 2]), [4, 1])
        XCTAssertThrowsError(try split().examples(Preprocessing(reshape: [3, 3, 1]))) { error in
            XCTAssertEqual(error as? DatasetError, .reshapeMismatch(from: [2, 2], to: [3, 3, 1]))
            XCTAssertTrue(String(describing: error).contains("multiply to 4"), String(describing: error))
        }
    }
}
