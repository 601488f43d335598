import Foundation
import XCTest
@testable import NeuralNet

/// Model files of version 2: the data preparation, the loss and the optimizer's whole state come
/// back bit for bit; version 1 files still load; the header alone says what a file holds.
final class ModelFileVersion2Tests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-model-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private let preparation = DataPreparation(flatten: true, scale: 255, oneHotWidth: 2, classNames: ["left", "T-shirt/top"])

    private func model() throws -> Sequential {
        try Sequential(inputShape: [2], layers: [.dense(units: 5, activation: .relu), .batchNormalization,
                                                  .dense(units: 2, activation: .softmax)], seed: 11)
    }

    private func bits(_ arrays: [[Float]]) -> [[UInt32]] { arrays.map { $0.map(\.bitPattern) } }

    /// The optimizer's step count and state arrays, as bit patterns.
    private func optimizerBits(_ model: Sequential) throws -> (spec: OptimizerSpec, iterations: Int, slots: [[UInt32]]) {
        let state = try XCTUnwrap(model.optimizerState)
        return (state.spec, state.optimizer.iterations, state.optimizer.slots.map { $0.array.map(\.bitPattern) })
    }

    private func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    // MARK: Round trips

    func testEveryOptimizerStateRoundTripsBitForBit() throws {
        let specs: [OptimizerSpec] = [.adam(learningRate: 0.003), .adamw(learningRate: 0.002, weightDecay: 0.01),
                                      .sgd(learningRate: 0.05, momentum: 0.9, nesterov: true),
                                      .sgd(learningRate: 0.05, momentum: 0.5, nesterov: false),
                                      .sgd(learningRate: 0.1, momentum: 0, nesterov: false), .rmsprop(learningRate: 0.0007)]
        for spec in specs {
            let model = try model()
            _ = try model.fit(blobs(count: 37, seed: 3), options: FitOptions(loss: .categoricalCrossentropy, optimizer: spec,
                                                                              epochs: 2, batchSize: 8), seed: 5)
            let file = url("round-trip.safetensors")
            try model.save(to: file, loss: .categoricalCrossentropy, preparation: preparation)
            let loaded = try Sequential.loadModelFile(from: file)
            XCTAssertEqual(bits(loaded.model.weights()), bits(model.weights()), "\(spec)")
            XCTAssertEqual(loaded.summary.preparation, preparation)
            XCTAssertEqual(loaded.summary.preparation?.scale?.bitPattern, Float(255).bitPattern)
            XCTAssertEqual(loaded.summary.loss, .categoricalCrossentropy)
            XCTAssertEqual(loaded.summary.version, 2)
            let saved = try optimizerBits(model), restored = try optimizerBits(loaded.model)
            XCTAssertEqual(restored.spec, spec)
            XCTAssertEqual(restored.iterations, 10, "\(spec): two epochs of five batches")
            XCTAssertEqual(restored.iterations, saved.iterations)
            XCTAssertEqual(restored.slots.count, spec.slotNames.count)
            XCTAssertEqual(restored.slots, saved.slots, "\(spec)")
            XCTAssertTrue(restored.slots.allSatisfy { $0.count == model.trainableParameterCount })
            XCTAssertEqual(loaded.summary, try Sequential.readSummary(from: file))
            // The same model gives the same bytes.
            let again = url("again.safetensors")
            try loaded.model.save(to: again, loss: .categoricalCrossentropy, preparation: preparation)
            XCTAssertEqual(try Data(contentsOf: again), try Data(contentsOf: file), "\(spec)")
        }
    }

    func testFittingOnAfterLoadingIsFittingOnWithoutStopping() throws {
        let data = blobs(count: 45, seed: 8)
        let options = FitOptions(loss: .categoricalCrossentropy, optimizer: .adam(learningRate: 0.01), epochs: 1, batchSize: 8)
        let straight = try model()
        for epoch in 1...5 { _ = try straight.fit(data, options: options, seed: UInt64(epoch)) }

        let first = try model()
        for epoch in 1...3 { _ = try first.fit(data, options: options, seed: UInt64(epoch)) }
        let file = url("halfway.safetensors")
        try first.save(to: file, loss: .categoricalCrossentropy)
        let resumed = try Sequential.load(from: file)
        for epoch in 4...5 { _ = try resumed.fit(data, options: options, seed: UInt64(epoch)) }

        XCTAssertEqual(bits(resumed.weights()), bits(straight.weights()))
        XCTAssertEqual(try optimizerBits(resumed).slots, try optimizerBits(straight).slots)
        XCTAssertEqual(try optimizerBits(resumed).iterations, 30)

        // Another optimizer starts afresh: the weights move differently.
        let other = try Sequential.load(from: file)
        _ = try other.fit(data, options: FitOptions(loss: .categoricalCrossentropy, optimizer: .adam(learningRate: 0.02),
                                                    epochs: 2, batchSize: 8), seed: 4)
        XCTAssertEqual(try optimizerBits(other).iterations, 12)
    }

    func testAModelNeverFittedHasNoOptimizerAndNoPreparationUnlessGiven() throws {
        let file = url("plain.safetensors")
        try model().save(to: file)
        let summary = try Sequential.readSummary(from: file)
        XCTAssertEqual(summary, ModelFileSummary(version: 2, inputShape: [2], layers: try model().layers))
        XCTAssertNil(try Sequential.load(from: file).optimizerState)
    }

    // MARK: Version 1

    func testVersionOneFilesStillLoad() throws {
        let model = try model()
        _ = try model.fit(blobs(count: 20, seed: 1), options: FitOptions(loss: .categoricalCrossentropy), seed: 1)
        let metadata = ["format": "folio", "folio_version": "1", "loss": "categorical_crossentropy",
                        "optimizer": #"{"learning_rate":0.001,"name":"adam"}"#,
                        "architecture": Architecture(inputShape: model.inputShape, layers: model.layers).json]
        let file = url("version1.safetensors")
        try SafetensorsFile(tensors: model.namedWeightTensors, metadata: metadata).encoded().write(to: file)

        let loaded = try Sequential.loadModelFile(from: file)
        XCTAssertEqual(bits(loaded.model.weights()), bits(model.weights()))
        XCTAssertEqual(loaded.summary, ModelFileSummary(version: 1, inputShape: [2], layers: model.layers, loss: .categoricalCrossentropy))
        XCTAssertNil(loaded.model.optimizerState, "version 1 kept no optimizer state")
        XCTAssertEqual(try Sequential.readSummary(from: file), loaded.summary)
    }

    func testOtherVersionsAreRefused() throws {
        let file = url("version3.safetensors")
        try SafetensorsFile(tensors: [], metadata: ["format": "folio", "folio_version": "3"]).encoded().write(to: file)
        for attempt in [{ _ = try Sequential.load(from: file) }, { _ = try Sequential.readSummary(from: file) }] {
            XCTAssertThrowsError(try attempt()) { error in
                XCTAssertTrue("\(error)".contains("folio_version is \"3\"; this Folio reads versions 1 and 2"), "\(error)")
            }
        }
    }

    // MARK: Header only

    /// A file whose architecture claims `dense 1000000` on 1,000 inputs (4 GB of kernel) but holds no tensor.
    private func hugeClaim() throws -> URL {
        let architecture = #"{"input_shape":[1000],"layers":[{"activation":"softmax","initializer":"zeros","kind":"dense","units":1000000}]}"#
        let file = url("huge.safetensors")
        try SafetensorsFile(tensors: [], metadata: ["format": "folio", "folio_version": "2", "architecture": architecture])
            .encoded().write(to: file)
        return file
    }

    func testHugeClaimsWithoutTensorsAreRefusedFastWithoutAllocating() throws {
        let file = try hugeClaim()
        let started = Date()
        XCTAssertThrowsError(try Sequential.readSummary(from: file)) { error in
            XCTAssertEqual(error as? NeuralNetError, .invalidModelFile(path: file.path, reason: "the tensor layers.0.kernel is missing"))
        }
        XCTAssertThrowsError(try Sequential.load(from: file)) { error in
            XCTAssertEqual(error as? NeuralNetError, .invalidModelFile(path: file.path, reason: "the tensor layers.0.kernel is missing"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "nothing the size of the model was built")
    }

    func testTheSummaryReadsOnlyTheHeader() throws {
        let model = try model()
        _ = try model.fit(blobs(count: 20, seed: 1), options: FitOptions(loss: .categoricalCrossentropy, optimizer: .defaultRMSprop), seed: 1)
        let file = url("cut.safetensors")
        try model.save(to: file, loss: .meanSquaredError, preparation: preparation)
        let summary = try Sequential.readSummary(from: file)
        XCTAssertEqual(summary, ModelFileSummary(version: 2, inputShape: [2], layers: model.layers, loss: .meanSquaredError,
                                                 preparation: preparation, optimizer: .defaultRMSprop, optimizerIterations: 1))
        // Overwriting the data section changes nothing the header says; cutting it short is noticed
        // from the file's length alone.
        var bytes = [UInt8](try Data(contentsOf: file))
        let headerEnd = 8 + Int(bytes[0]) + Int(bytes[1]) << 8
        for index in headerEnd..<bytes.count { bytes[index] = 0xFF }
        try Data(bytes).write(to: file)
        XCTAssertEqual(try Sequential.readSummary(from: file), summary)
        try Data(bytes.dropLast(4)).write(to: file)
        XCTAssertThrowsError(try Sequential.readSummary(from: file)) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
    }

    func testHostileOptimizerAndPreparationMetadataIsAnInvalidModelFile() throws {
        let model = try model()
        _ = try model.fit(blobs(count: 20, seed: 1), options: FitOptions(loss: .categoricalCrossentropy), seed: 1)
        func file(editing edit: (inout [(name: String, tensor: Tensor)], inout [String: String]) throws -> Void) throws -> Data {
            let path = url("source.safetensors")
            try model.save(to: path, loss: .categoricalCrossentropy, preparation: preparation)
            var decoded = try SafetensorsFile(decoding: Data(contentsOf: path))
            try edit(&decoded.tensors, &decoded.metadata)
            return decoded.encoded()
        }
        func assertRejects(_ data: Data, mentioning phrase: String, line: UInt = #line) throws {
            let path = url("hostile.safetensors")
            try data.write(to: path)
            for attempt in [{ _ = try Sequential.load(from: path) }, { _ = try Sequential.readSummary(from: path) }] {
                XCTAssertThrowsError(try attempt(), line: line) { error in
                    guard case .invalidModelFile(_, let reason)? = error as? NeuralNetError else { return XCTFail("\(error)", line: line) }
                    XCTAssertTrue(reason.contains(phrase), "“\(reason)” should mention “\(phrase)”", line: line)
                }
            }
        }
        try assertRejects(file { tensors, _ in
            let index = try XCTUnwrap(tensors.firstIndex { $0.name == "optimizer.v" })
            tensors[index].tensor = try Tensor(shape: [3], scalars: [1, 2, 3])
        }, mentioning: "optimizer.v has shape [3] but the optimizer (one value per trainable parameter) needs [37]")
        try assertRejects(file { tensors, _ in tensors.removeAll { $0.name == "optimizer.m" } }, mentioning: "optimizer.m is missing")
        try assertRejects(file { tensors, _ in tensors.append(("optimizer.velocity", try Tensor(shape: [37], scalars: .init(repeating: 0, count: 37)))) },
                          mentioning: "\"optimizer.velocity\", which the saved optimizer has no place for")
        try assertRejects(file { tensors, metadata in metadata["optimizer"] = #"{"name":"sgd","learning_rate":0.1,"momentum":0,"nesterov":false}"# },
                          mentioning: "\"optimizer.m\", which the saved optimizer has no place for")
        try assertRejects(file { _, metadata in metadata["optimizer"] = #"{"name":"lion","learning_rate":0.1}"# }, mentioning: "\"lion\"")
        try assertRejects(file { _, metadata in metadata["optimizer"] = #"{"name":"adam","learning_rate":-1}"# }, mentioning: "not usable")
        try assertRejects(file { _, metadata in metadata["optimizer_iterations"] = "-4" }, mentioning: "optimizer_iterations is \"-4\"")
        try assertRejects(file { _, metadata in metadata["optimizer_iterations"] = nil }, mentioning: "optimizer_iterations is missing")
        try assertRejects(file { _, metadata in metadata["loss"] = "hinge" }, mentioning: "loss is \"hinge\"")
        try assertRejects(file { _, metadata in metadata["preparation"] = "[]" }, mentioning: "preparation is not a JSON object")
        try assertRejects(file { _, metadata in
            metadata["preparation"] = #"{"class_names":[],"flatten":true,"one_hot":null,"reshape":null,"scale":-2}"#
        }, mentioning: "\"scale\" is -2")
        try assertRejects(file { _, metadata in
            metadata["preparation"] = #"{"class_names":[3],"flatten":true,"one_hot":null,"reshape":null,"scale":null}"#
        }, mentioning: "\"class_names\" holds 3")
        try assertRejects(file { _, metadata in
            metadata["preparation"] = #"{"class_names":[],"flatten":"yes","one_hot":null,"reshape":null,"scale":null}"#
        }, mentioning: "\"flatten\" is \"yes\"")
        try assertRejects(file { _, metadata in
            metadata["preparation"] = #"{"class_names":[],"flatten":false,"one_hot":0,"reshape":[0],"scale":null}"#
        }, mentioning: "\"reshape\" holds 0")
        try assertRejects(file { _, metadata in
            metadata["preparation"] = #"{"class_names":[],"flatten":false,"one_hot":0,"reshape":null,"scale":null}"#
        }, mentioning: "\"one_hot\" is 0")
        try assertRejects(file { _, metadata in metadata["preparation"] = #"{"flatten":false}"# }, mentioning: "lacks \"reshape\"")
    }

    /// Seeded mutations of the header of a file with optimizer state and a preparation: each
    /// loads or throws `invalidModelFile`, and the summary agrees with the full load.
    func testMutatedVersionTwoHeadersNeverCrash() throws {
        let model = try model()
        _ = try model.fit(blobs(count: 20, seed: 1), options: FitOptions(loss: .categoricalCrossentropy), seed: 1)
        let file = url("seed.safetensors")
        try model.save(to: file, loss: .categoricalCrossentropy, preparation: preparation)
        let original = [UInt8](try Data(contentsOf: file))
        let headerEnd = 8 + Int(original[0]) + Int(original[1]) << 8
        var generator = SeededGenerator(seed: 7)
        func below(_ bound: Int) -> Int { Int(generator.nextUnit() * Double(bound)) }
        let mutant = url("mutant.safetensors")
        var rejected = 0
        for _ in 0..<600 {
            var bytes = original
            let position = 8 + below(headerEnd - 8)
            if below(2) == 0 { bytes[position] = UInt8(0x20 + below(95)) } else { bytes.remove(at: position) }
            try Data(bytes).write(to: mutant)
            let summary = Result { try Sequential.readSummary(from: mutant) }
            let loaded = Result { try Sequential.loadModelFile(from: mutant).summary }
            switch (summary, loaded) {
            case (.success(let a), .success(let b)): XCTAssertEqual(a, b)
            case (.failure(let a), .failure(let b)):
                guard case .invalidModelFile? = a as? NeuralNetError, case .invalidModelFile? = b as? NeuralNetError else {
                    return XCTFail("unexpected \(a) / \(b)")
                }
                rejected += 1
            default: XCTFail("the summary and the load disagree: \(summary) / \(loaded)")
            }
        }
        XCTAssertGreaterThan(rejected, 300)
    }
}
