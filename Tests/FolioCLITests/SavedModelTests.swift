import Foundation
import XCTest

/// A model saved by one notebook and loaded by another is the whole model: the second notebook,
/// with no `preprocess` cell, gets the same class names, labels, probabilities and test scores.
final class SavedModelTests: XCTestCase {
    private static let digit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("notebooks/images/digit-2.png")

    /// Runs `notebook` in `folder` with a JSON record; returns the record.
    private func run(_ notebook: String, named name: String, in folder: URL) throws -> [String: Any] {
        _ = try FolioProcess.write(notebook, to: name + ".md", in: folder)
        let outcome = try FolioProcess.run(["run", name + ".md", "-q", "--json", name + ".json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func check(preprocess: String, classNames: Set<String>) throws {
        let folder = try FolioProcess.makeWorkspace()
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("data/fashion-mnist"),
                                                   withDestinationURL: FolioProcess.fixtures)
        try FileManager.default.copyItem(at: Self.digit, to: folder.appendingPathComponent("photo.png"))
        let train = """
        ```load
        dataset: fashion-mnist
        ```
        ```preprocess
        \(preprocess)
        ```
        ```build
        dense 16 relu
        dense 10 softmax
        ```
        ```fit
        loss: sparse_categorical_crossentropy
        epochs: 3
        batch_size: 50
        ```
        ```evaluate
        ```
        ```predict
        image: photo.png
        ```
        ```save
        path: models/garments.safetensors
        ```

        """
        let reuse = """
        ```load
        model: models/garments.safetensors
        dataset: fashion-mnist
        ```
        ```evaluate
        ```
        ```predict
        image: photo.png
        ```

        """
        let trained = try run(train, named: "train", in: folder)
        let loaded = try run(reuse, named: "reuse", in: folder)
        let before = try XCTUnwrap((trained["predictions"] as? [[String: Any]])?.first)
        let after = try XCTUnwrap((loaded["predictions"] as? [[String: Any]])?.first)
        XCTAssertEqual(after["class_name"] as? String, before["class_name"] as? String)
        XCTAssertTrue(classNames.contains(after["class_name"] as? String ?? ""), "\(after)")
        XCTAssertEqual(after["label"] as? Int, before["label"] as? Int)
        XCTAssertEqual(after["probabilities"] as? [Double], before["probabilities"] as? [Double])
        XCTAssertEqual(loaded["evaluate"] as? [String: Double], trained["evaluate"] as? [String: Double])
    }

    private let fashionNames: Set<String> = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    func testAFashionModelKeepsItsClassNamesAndScale() throws {
        try check(preprocess: "flatten: true\nscale: 255", classNames: fashionNames)
    }

    func testAModelTrainedOnUnscaledPixelsPredictsTheSameAfterLoading() throws {
        try check(preprocess: "flatten: true", classNames: fashionNames)
    }
}
