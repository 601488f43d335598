import Foundation
import XCTest

/// `predict` on photographed garments: a model trained on (a committed slice of) Fashion-MNIST names
/// product photos of a trouser, a sneaker and a bag, one by one and as a folder with a tally.
final class FashionPhotoTests: XCTestCase {
    private static let fixtures = FolioProcess.repository.appendingPathComponent("Tests/Fixtures")

    func testGarmentPhotosArePreparedLikeFashionMNISTAndNamed() throws {
        let folder = try FolioProcess.makeWorkspace()
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("data/fashion-mnist"),
                                                   withDestinationURL: Self.fixtures.appendingPathComponent("fashion-small"))
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("photos"), to: folder.appendingPathComponent("photos"))
        let notebook = """
        ```load
        dataset: fashion-mnist
        ```
        ```preprocess
        flatten: true
        scale: 255
        ```
        ```build
        dense 64 relu
        dense 10 softmax
        ```
        ```fit
        loss: sparse_categorical_crossentropy
        epochs: 10
        ```
        ```predict
        image: photos
        ```
        ```predict
        image: photos/trouser-1.png
        ```

        """
        _ = try FolioProcess.write(notebook, to: "garments.md", in: folder)
        let outcome = try FolioProcess.run(["run", "garments.md", "-q", "--json", "run.json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json"))) as? [String: Any]
        let predictions = try XCTUnwrap(record?["predictions"] as? [[String: Any]])
        XCTAssertEqual(predictions.map { $0["class_name"] as? String }, ["Bag", "Sneaker", "Trouser", "Trouser"])
        let html = try String(contentsOf: folder.appendingPathComponent("output/garments.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("3 of 3 right"), "one grid and a tally for the folder")
        // The page's own text (the drawing pad's script names "no ink" among its messages).
        let text = html.replacingOccurrences(of: "<script>[\\s\\S]*?</script>", with: "", options: .regularExpression)
        XCTAssertFalse(text.lowercased().contains("no ink"), "a garment is not ink")
    }
}
