import Foundation
import XCTest

/// `folio check` finds, in well under a second and without training, each failure teachers met only
/// after `check` had said ok; `folio run` refuses the same notebooks before running anything.
final class CheckCommandTests: XCTestCase {
    /// A notebook that is valid text but must fail, and the `LINE:COLUMN` the diagnostic must name.
    private struct Case {
        var name: String
        var notebook: String
        var location: String
    }

    private static let flat = "```load\ndataset: mnist\n```\n```preprocess\nflatten: true\nscale: 255\n```\n"
    private static let train = "```fit\nloss: sparse_categorical_crossentropy\nepochs: 50\n```\n"

    private let cases: [Case] = [
        Case(name: "missing image", notebook: flat + "```build\ndense 10 softmax\n```\n" + train + "```predict\nimage: nope.png\n```\n",
             location: "16:8"),
        Case(name: "missing model file", notebook: "```load\nmodel: nope.safetensors\n```\n", location: "2:8"),
        Case(name: "categorical_crossentropy on integer labels",
             notebook: flat + "```build\ndense 10 softmax\n```\n```fit\nloss: categorical_crossentropy\nepochs: 50\n```\n",
             location: "12:7"),
        Case(name: "sparse_categorical_crossentropy on one-hot rows",
             notebook: flat.replacingOccurrences(of: "scale: 255", with: "one_hot: 10") + "```build\ndense 10 softmax\n```\n" + train,
             location: "12:7"),
        Case(name: "conv2d on flat rows", notebook: flat + "```build\nconv2d 8 3 relu\nflatten\ndense 10 softmax\n```\n" + train,
             location: "9:1"),
        Case(name: "dense on 28×28 images", notebook: "```load\ndataset: mnist\n```\n```build\ndense 10 softmax\n```\n" + train,
             location: "5:1"),
        Case(name: "fit before any model", notebook: flat + train, location: "8:1"),
        Case(name: "evaluate before any model", notebook: flat + "```evaluate\nloss: sparse_categorical_crossentropy\n```\n",
             location: "8:1"),
        Case(name: "confusion_matrix before evaluate",
             notebook: flat + "```build\ndense 10 softmax\n```\n" + train + "```plot\nloss, confusion_matrix\n```\n", location: "16:7"),
        Case(name: "a 1-unit output", notebook: flat + "```build\ndense 1 sigmoid\n```\n" + train, location: "9:1"),
        Case(name: "a wrong-width output for one-hot labels",
             notebook: flat.replacingOccurrences(of: "scale: 255", with: "one_hot: 10") + "```build\ndense 12 softmax\n```\n"
                 + "```fit\nloss: categorical_crossentropy\nepochs: 50\n```\n", location: "9:1"),
        Case(name: "evaluate an untrained model with no loss", notebook: flat + "```build\ndense 10 softmax\n```\n```evaluate\n```\n",
             location: "11:1"),
    ]

    func testEveryCaseExitsTwoAtTheOffendingLineWithoutTraining() throws {
        for example in cases {
            let folder = try FolioProcess.makeWorkspace()
            _ = try FolioProcess.write(example.notebook, to: "nb.md", in: folder)
            for command in ["check", "run"] {
                let started = Date()
                let outcome = try FolioProcess.run([command, "nb.md"], in: folder)
                let seconds = Date().timeIntervalSince(started)
                XCTAssertEqual(outcome.status, 2, "\(command) \(example.name): \(outcome.stderr)")
                XCTAssertTrue(outcome.stderr.contains("nb.md:\(example.location): error: "), "\(command) \(example.name): \(outcome.stderr)")
                XCTAssertFalse(outcome.stderr.contains("Epoch"), "\(example.name): nothing trains")
                XCTAssertLessThan(seconds, 5, "\(command) \(example.name) reads no data and trains nothing")
                XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/nb.html").path),
                               "\(example.name): no report")
            }
        }
    }
}
