import Foundation
import XCTest
@testable import Datasets

/// Paths and helpers shared by the Datasets tests.
enum TestSupport {
    /// `Tests/Fixtures/mnist-small`: the first 1000 training and 200 test MNIST items, made by scripts/make-fixtures.py.
    static let fixtureDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mnist-small", isDirectory: true)

    /// SHA-256 of each fixture file's decompressed payload (printed by scripts/make-fixtures.py).
    static let fixtureChecksums: [DatasetFileName: String] = [
        .trainImages: "386bb018796babeaca208787b77c1b9db39532c4098951ea35f4694e744eb4b7",
        .trainLabels: "895f65588e45d05babf0b5fa7aee2a0d782d8143b40b5764e596df91bc9dddeb",
        .testImages: "cefe86a05637f831a20aef251bd9db19004a2c986ec848d345c40ffd09264afc",
        .testLabels: "181dda88fbf8032cf747bf0766ad9d035b6bb747997214d834eb8d2f33a72210",
    ]

    static func fixtureURL(_ file: DatasetFileName) -> URL {
        fixtureDirectory.appendingPathComponent(file.gzipName)
    }

    static func fixtureBytes(_ file: DatasetFileName) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtureURL(file)))
    }

    /// The fixture test split.
    static func testSplit() throws -> DatasetSplit {
        try DatasetSplit(images: IDX.read(fixtureURL(.testImages)), labels: IDX.read(fixtureURL(.testLabels)))
    }

    /// An IDX file: the header for element `type` with `dimensions`, then `payload`.
    static func idx(_ dimensions: [Int], payload: [UInt8], type: UInt8 = 0x08) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
        for dimension in dimensions {
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: dimension >> $0) }
        }
        return bytes + payload
    }

    /// A fresh empty folder under the temporary directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("folio-datasets-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes standard files (empty, or copies of the fixtures) into `directory`, as `.gz`.
    static func populate(_ directory: URL, files: [DatasetFileName] = DatasetFileName.allCases,
                         copyFixtures: Bool = false) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files {
            let target = directory.appendingPathComponent(file.gzipName)
            if copyFixtures {
                try FileManager.default.copyItem(at: fixtureURL(file), to: target)
            } else {
                try Data().write(to: target)
            }
        }
    }

    /// Pearson correlation of two equally long pixel arrays.
    static func pearson(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let n = Double(a.count)
        let meanA = a.reduce(0.0) { $0 + Double($1) } / n, meanB = b.reduce(0.0) { $0 + Double($1) } / n
        var covariance = 0.0, varianceA = 0.0, varianceB = 0.0
        for (x, y) in zip(a, b) {
            let dx = Double(x) - meanA, dy = Double(y) - meanB
            covariance += dx * dy; varianceA += dx * dx; varianceB += dy * dy
        }
        return covariance / max((varianceA * varianceB).squareRoot(), 1e-12)
    }
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertThrowsDatasetError<T>(_ body: @autoclosure () throws -> T, _ expected: DatasetError,
                                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? DatasetError, expected, file: file, line: line)
    }
}
