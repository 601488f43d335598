import Foundation
import XCTest
import NeuralNet
import Notebook
@testable import Runner

/// The report's pad model: which runs get one, and what it carries for the page.
final class DrawableModelTests: XCTestCase {
    private func run(_ text: String) throws -> RunRecord {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-pad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("mnist-small"),
                                                   withDestinationURL: RunnerTests.fixtures)
        let document = try NotebookParser.parse(source: text, path: folder.appendingPathComponent("pad.md").path)
        return NotebookRunner(environment: [:]).run(document)
    }

    func testAConvolutionalRunCarriesEveryLayerAndWeightForThePad() throws {
        let record = try run("""
        ```load
        path: mnist-small
        ```
        ```preprocess
        reshape: 28x28x1
        scale: 255
        ```
        ```build
        conv2d 3 3 relu padding=same
        conv2d 4 3 leaky_relu stride=2
        maxpool 2
        batchnorm
        leaky_relu 0.1
        flatten
        dropout 0.25
        dense 10 softmax
        ```

        """)
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        guard case .drawable(let model)? = record.pad else { return XCTFail("a 28x28x1 model is drawable: \(String(describing: record.pad))") }
        XCTAssertEqual(model.inputShape, [28, 28, 1])
        XCTAssertEqual(model.scale, 255)
        XCTAssertEqual(model.preparation, "digit")
        XCTAssertEqual(model.classNames, (0..<10).map(String.init))
        XCTAssertEqual(model.layers.map(\.kind), ["conv2d", "conv2d", "maxpool2d", "batchnorm", "activation", "flatten", "dropout", "dense"])
        XCTAssertEqual(model.layers.map(\.outputShape), [[28, 28, 3], [13, 13, 4], [6, 6, 4], [6, 6, 4], [6, 6, 4], [144], [144], [10]])
        XCTAssertEqual(model.layers.map(\.weightCounts), [[27, 3], [108, 4], [], [4, 4, 4, 4], [], [], [], [1440, 10]])
        XCTAssertEqual(model.layers[1].activation, "leaky_relu")
        XCTAssertEqual(model.layers[1].negativeSlope, 0.2, "an activation= leaky_relu leaks 0.2, as Keras' function")
        XCTAssertEqual(model.layers[4].negativeSlope, 0.1)
        XCTAssertEqual(model.layers[2].stride, 2, "maxpool's stride defaults to its pool size")
        XCTAssertEqual(model.layers[3].epsilon, 1e-3)
        XCTAssertEqual(model.weights.count, 27 + 3 + 108 + 4 + 16 + 1440 + 10)
    }

    func testTheWeightsRoundTripThroughBase64AsLittleEndianFloat32() throws {
        let model = DrawableModel(inputShape: [784], scale: 255, preparation: "digit", classNames: ["a"], layers: [],
                                  weights: [1, -2.5, .leastNonzeroMagnitude, 3.1415927])
        let bytes = try XCTUnwrap(Data(base64Encoded: model.weightsBase64))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0])
        let decoded = stride(from: 0, to: bytes.count, by: 4).map { offset in
            Float(bitPattern: bytes[offset..<offset + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        }
        XCTAssertEqual(decoded, model.weights)
    }

    func testTheArchitectureJSONCannotCloseItsScriptBlock() throws {
        let model = DrawableModel(inputShape: [784], scale: 1, preparation: "digit", classNames: ["</script><b>"],
                                  layers: [], weights: [])
        let json = try model.architectureJSON()
        XCTAssertFalse(json.contains("<"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["classNames"] as? [String], ["</script><b>"])
        XCTAssertEqual(parsed?["weightCount"] as? Int, 0)
    }

    func testOnlyModelsOfOne28x28ImageUnder1MBGetAPad() throws {
        let dense = try Sequential(inputShape: [784], layers: [.dense(units: 10, activation: .softmax)], seed: 1)
        XCTAssertNotNil(DrawableModel.pad(for: dense, scale: 255, preparation: "digit", classNames: []))
        let wide = try Sequential(inputShape: [784], layers: [.dense(units: 400, activation: .relu), .dense(units: 10)], seed: 1)
        XCTAssertEqual(DrawableModel.pad(for: wide, scale: 255, preparation: "digit", classNames: []),
                       .tooLarge(weightBytes: (784 * 400 + 400 + 400 * 10 + 10) * 4))
        let other = try Sequential(inputShape: [100], layers: [.dense(units: 10)], seed: 1)
        XCTAssertNil(DrawableModel.pad(for: other, scale: 255, preparation: "digit", classNames: []))
        let diverged = try Sequential(inputShape: [28, 28], layers: [.flatten, .dense(units: 2)], seed: 1)
        try diverged.setWeights([[Float](repeating: .nan, count: 1568), [0, 0]])
        XCTAssertNil(DrawableModel.pad(for: diverged, scale: 255, preparation: "digit", classNames: []))
        let colour = try Sequential(inputShape: [28, 28, 3], layers: [.flatten, .dense(units: 10)], seed: 1)
        XCTAssertNil(DrawableModel.pad(for: colour, scale: 255, preparation: "digit", classNames: []))
    }

    func testARunWithoutAModelHasNoPad() throws {
        let record = try run("```load\npath: mnist-small\n```\n")
        XCTAssertFalse(record.failed)
        XCTAssertNil(record.pad)
    }
}
