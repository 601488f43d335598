import Foundation
import XCTest
@testable import NeuralNet

/// Saving and loading models as safetensors: round trips, the exact byte layout, and hostile files.
final class SafetensorsTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-safetensors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func denseModel() throws -> Sequential {
        try Sequential(inputShape: [4], layers: [.dense(units: 6, activation: .relu),
                                                  .dense(units: 3, activation: .softmax, initializer: .heNormal)], seed: 7)
    }

    private let inputs: [Float] = [0.5, -1, 2, 0.25, -0.75, 1.5, 0, 3]

    // MARK: Round trips

    func testDenseModelRoundTripsWithIdenticalPredictionsAndSummary() throws {
        let model = try denseModel()
        _ = try model.fit(blobs(count: 20, seed: 1).withInputs(4), options: FitOptions(loss: .categoricalCrossentropy), seed: 1)
        let url = folder.appendingPathComponent("model.safetensors")
        try model.save(to: url)
        let loaded = try Sequential.load(from: url)
        XCTAssertEqual(loaded.inputShape, model.inputShape)
        XCTAssertEqual(loaded.layers, model.layers)
        XCTAssertEqual(loaded.summary, model.summary)
        XCTAssertEqual(loaded.weights(), model.weights())
        XCTAssertEqual(try loaded.predict(inputs, count: 2), try model.predict(inputs, count: 2))
    }

    func testEveryLayerKindRoundTrips() throws {
        let layers: [LayerSpec] = [
            .conv2d(filters: 2, kernelSize: 3, stride: 1, padding: .same, activation: .relu, initializer: .heUniform),
            .batchNormalization, .activation(.leakyRelu, negativeSlope: 0.1), .maxPool2D(poolSize: 2),
            .conv2d(filters: 3, kernelSize: 2, stride: 2, activation: .leakyRelu, initializer: .glorotNormal),
            .maxPool2D(poolSize: 1, stride: 1), .dropout(rate: 0.25), .flatten, .activation(.tanh),
            .dense(units: 3, activation: .softmax, initializer: .zeros),
        ]
        let model = try Sequential(inputShape: [8, 8, 1], layers: layers, seed: 3)
        // Non-trivial moving statistics, so that they must be saved to predict alike.
        var weights = model.weights()
        for index in weights.indices { weights[index] = weights[index].enumerated().map { $0.element + 0.1 * Float($0.offset % 5 + 1) } }
        try model.setWeights(weights)
        let url = folder.appendingPathComponent("conv.safetensors")
        try model.save(to: url)
        let loaded = try Sequential.load(from: url)
        XCTAssertEqual(loaded.layers, layers)
        XCTAssertEqual(loaded.summary, model.summary)
        XCTAssertEqual(loaded.weights(), model.weights())
        let images = (0..<128).map { Float($0 % 11) / 10 }
        XCTAssertEqual(try loaded.predict(images, count: 2), try model.predict(images, count: 2))
        let names = try SafetensorsFile(decoding: Data(contentsOf: url)).tensors.map(\.name)
        XCTAssertEqual(names, ["layers.0.kernel", "layers.0.bias", "layers.1.gamma", "layers.1.beta", "layers.1.moving_mean",
                               "layers.1.moving_variance", "layers.4.kernel", "layers.4.bias", "layers.9.kernel", "layers.9.bias"])
    }

    func testArchitectureJSONCoversEveryLayerSpec() throws {
        let layers: [LayerSpec] = [
            .dense(units: 5), .dense(units: 2, activation: .sigmoid, initializer: .glorotNormal),
            .conv2d(filters: 4, kernelSize: 5), .conv2d(filters: 1, kernelSize: 1, stride: 3, padding: .same, activation: .tanh,
                                                       initializer: .heNormal),
            .maxPool2D(poolSize: 2), .maxPool2D(poolSize: 3, stride: 1), .flatten, .dropout(rate: 0.3), .batchNormalization,
            .activation(.leakyRelu), .activation(.softmax, negativeSlope: 0.3),
        ]
        let architecture = Architecture(inputShape: [28, 28, 1], layers: layers)
        XCTAssertEqual(try Architecture(json: architecture.json), architecture)
        XCTAssertTrue(architecture.json.contains(#"{"kind":"dropout","rate":0.3}"#), architecture.json)
        XCTAssertTrue(architecture.json.contains(#"{"kind":"max_pooling2d","pool_size":2,"strides":null}"#), architecture.json)
        XCTAssertTrue(architecture.json.hasPrefix(#"{"input_shape":[28,28,1],"layers":[{"activation":"linear","initializer":"glorot_uniform","kind":"dense","units":5}"#),
                      architecture.json)
    }

    // MARK: The bytes

    func testFileLayoutIsSafetensors() throws {
        let model = try denseModel()
        _ = try model.fit(blobs(count: 20, seed: 1).withInputs(4),
                          options: FitOptions(loss: .categoricalCrossentropy, optimizer: .defaultAdamW), seed: 1)
        let url = folder.appendingPathComponent("layout.safetensors")
        try model.save(to: url, loss: .categoricalCrossentropy)
        let bytes = [UInt8](try Data(contentsOf: url))
        let headerLength = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(headerLength % 8, 0, "the data section starts aligned")
        let header = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: Any])
        let metadata = try XCTUnwrap(header["__metadata__"] as? [String: String])
        XCTAssertEqual(metadata["format"], "folio")
        XCTAssertEqual(metadata["folio_version"], "2")
        XCTAssertEqual(metadata["optimizer_iterations"], "1")
        XCTAssertEqual(metadata["loss"], "categorical_crossentropy")
        XCTAssertEqual(metadata["optimizer"], #"{"learning_rate":0.001,"name":"adamw","weight_decay":0.004}"#)
        let architecture = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(metadata["architecture"]).utf8)) as? [String: Any])
        XCTAssertEqual(architecture["input_shape"] as? [Int], [4])
        let expected: [(String, [Int], Int, Int)] = [("layers.0.kernel", [4, 6], 0, 96), ("layers.0.bias", [6], 96, 120),
                                                     ("layers.1.kernel", [6, 3], 120, 192), ("layers.1.bias", [3], 192, 204),
                                                     ("optimizer.m", [51], 204, 408), ("optimizer.v", [51], 408, 612)]
        XCTAssertEqual(header.count, expected.count + 1)
        for (name, shape, begin, end) in expected {
            let entry = try XCTUnwrap(header[name] as? [String: Any], name)
            XCTAssertEqual(entry["dtype"] as? String, "F32")
            XCTAssertEqual(entry["shape"] as? [Int], shape)
            XCTAssertEqual(entry["data_offsets"] as? [Int], [begin, end])
        }
        XCTAssertEqual(bytes.count, 8 + headerLength + 612)
        // The first kernel value, little-endian F32 at the start of the data section.
        let first = bytes[(8 + headerLength)..<(12 + headerLength)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        XCTAssertEqual(Float(bitPattern: first), model.weights()[0][0])
    }

    func testSavingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let url = folder.appendingPathComponent("model.safetensors")
        try Data("old".utf8).write(to: url)
        let model = try denseModel()
        try model.save(to: url)
        try model.save(to: url)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["model.safetensors"])
        XCTAssertEqual(try Sequential.load(from: url).weights(), model.weights())
        let nowhere = folder.appendingPathComponent("missing/model.safetensors")
        XCTAssertThrowsError(try model.save(to: nowhere)) { error in
            guard case .cannotSaveModel? = error as? NeuralNetError else { return XCTFail("\(error)") }
        }
    }

    // MARK: Hostile files

    /// A file from a raw header and data section, as a hostile writer could make it.
    private func file(header: String, data: [UInt8], declaredLength: UInt64? = nil) -> Data {
        let headerBytes = Array(header.utf8)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: (declaredLength ?? UInt64(headerBytes.count)).littleEndian) { bytes += $0 }
        return Data(bytes + headerBytes + data)
    }

    private let metadata = #""__metadata__":{"format":"folio","folio_version":"1","architecture":"{\"input_shape\":[2],\"layers\":[{\"kind\":\"dense\",\"units\":1,\"activation\":\"sigmoid\",\"initializer\":\"zeros\"}]}"}"#

    private func assertRejects(_ data: Data, mentioning phrase: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Sequential.load(data, path: "bad.safetensors"), file: file, line: line) { error in
            guard case .invalidModelFile(let path, let reason)? = error as? NeuralNetError else {
                return XCTFail("expected invalidModelFile, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(path, "bad.safetensors", file: file, line: line)
            XCTAssertTrue(reason.contains(phrase), "“\(reason)” should mention “\(phrase)”", file: file, line: line)
        }
    }

    private let twelveBytes = [UInt8](repeating: 0, count: 12)

    func testAWellFormedHandWrittenFileLoads() throws {
        let header = "{" + metadata + #","layers.0.kernel":{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]},"layers.0.bias":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        let one: [UInt8] = [0, 0, 0x80, 0x3F]  // 1.0f little-endian
        let model = try Sequential.load(file(header: header, data: one + one + one), path: "good.safetensors")
        XCTAssertEqual(model.weights(), [[1, 1], [1]])
    }

    func testRejectsBadLengthsAndHeaders() throws {
        assertRejects(Data(), mentioning: "too short")
        assertRejects(Data([1, 2, 3]), mentioning: "too short")
        assertRejects(file(header: "{}", data: [], declaredLength: 1_000), mentioning: "truncated")
        assertRejects(file(header: "{}", data: [], declaredLength: UInt64.max), mentioning: "truncated")
        assertRejects(file(header: "not json", data: []), mentioning: "not a JSON object")
        assertRejects(file(header: "[1, 2]", data: []), mentioning: "not a JSON object")
        assertRejects(file(header: "{}", data: []), mentioning: "not a Folio model")
        assertRejects(file(header: #"{"__metadata__":{"format":"folio","folio_version":"9"}}"#, data: []), mentioning: "folio_version is \"9\"")
        assertRejects(file(header: #"{"__metadata__":{"format":"folio","folio_version":"1"}}"#, data: []), mentioning: "no architecture")
        assertRejects(file(header: #"{"__metadata__":{"format":1}}"#, data: []), mentioning: "not a string")
    }

    func testRejectsBadTensorEntries() {
        func header(kernel: String, bias: String = #"{"dtype":"F32","shape":[1],"data_offsets":[8,12]}"#) -> String {
            "{" + metadata + #","layers.0.kernel":"# + kernel + #","layers.0.bias":"# + bias + "}"
        }
        assertRejects(file(header: header(kernel: #"{"dtype":"F16","shape":[2,1],"data_offsets":[0,8]}"#), data: twelveBytes),
                      mentioning: "dtype \"F16\"")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]}"#), data: Array(twelveBytes.prefix(10))),
                      mentioning: "truncated")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]}"#,
                                          bias: #"{"dtype":"F32","shape":[1],"data_offsets":[4,8]}"#), data: twelveBytes),
                      mentioning: "overlap")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[2,1],"data_offsets":[4,12]}"#), data: twelveBytes),
                      mentioning: "gap")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]}"#,
                                          bias: #"{"dtype":"F32","shape":[1],"data_offsets":[12,16]}"#), data: twelveBytes + [0, 0, 0, 0]),
                      mentioning: "gap")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]}"#), data: twelveBytes + [0]),
                      mentioning: "fill only 12")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[3,1],"data_offsets":[0,8]}"#), data: twelveBytes),
                      mentioning: "not 4 per value")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[-2,1],"data_offsets":[0,8]}"#), data: twelveBytes),
                      mentioning: "whole number ≥ 0")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}"#), data: twelveBytes),
                      mentioning: "not 4 per value")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[2,1],"data_offsets":[8,0]}"#), data: twelveBytes),
                      mentioning: "0 ≤ begin ≤ end")
        assertRejects(file(header: header(kernel: #"{"dtype":"F32","shape":[2,1],"data_offsets":[0,8],"extra":1}"#), data: twelveBytes),
                      mentioning: "unexpected field")
        assertRejects(file(header: header(kernel: "7"), data: twelveBytes), mentioning: "not an object")
    }

    func testRejectsTensorsThatDoNotFitTheArchitecture() {
        let bias = #","layers.0.bias":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}"#
        assertRejects(file(header: "{" + metadata + #","layers.0.kernel":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]}"# + bias + "}",
                           data: twelveBytes), mentioning: "shape [1, 2] but the architecture needs [2, 1]")
        assertRejects(file(header: "{" + metadata + #","layers.0.kernel":{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]}}"#,
                           data: Array(twelveBytes.prefix(8))), mentioning: "layers.0.bias is missing")
        assertRejects(file(header: "{" + metadata + #","layers.0.kernel":{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]}"# + bias
                           + #","layers.7.kernel":{"dtype":"F32","shape":[0],"data_offsets":[12,12]}}"#,
                           data: twelveBytes), mentioning: "\"layers.7.kernel\", which the architecture has no place for")
    }

    func testRejectsBadArchitectures() {
        func architecture(_ json: String) -> Data {
            let quoted = json.replacingOccurrences(of: "\"", with: "\\\"")
            return file(header: #"{"__metadata__":{"format":"folio","folio_version":"1","architecture":""# + quoted + #""}}"#, data: [])
        }
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"lstm","units":3}]}"#), mentioning: "unknown kind \"lstm\"")
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"dense"}]}"#), mentioning: "lacks \"units\"")
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"dense","units":"3","activation":"relu","initializer":"zeros"}]}"#),
                      mentioning: "not a whole number")
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"dense","units":3,"activation":"gelu","initializer":"zeros"}]}"#),
                      mentioning: "\"gelu\", not one of relu")
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"dense","units":-3,"activation":"relu","initializer":"zeros"}]}"#),
                      mentioning: "does not build")
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"dense","units":2000000000,"activation":"relu","initializer":"zeros"}]}"#),
                      mentioning: "layers.0.kernel is missing")
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"activation"}]}"#), mentioning: "lacks \"activation\"")
        assertRejects(architecture(#"{"input_shape":[2],"layers":[{"kind":"dropout","rate":"half"}]}"#), mentioning: "not a number")
        assertRejects(architecture(#"{"layers":[]}"#), mentioning: "no input_shape")
        assertRejects(architecture("[[[["), mentioning: "not a JSON object")
    }

    func testOptionsWithKerasDefaultsMayBeLeftOut() throws {
        let architecture = try Architecture(json: #"{"input_shape":[8,8,1],"layers":[{"kind":"conv2d","filters":2,"kernel_size":3},{"kind":"max_pooling2d","pool_size":2},{"kind":"activation","activation":"leaky_relu"},{"kind":"flatten"},{"kind":"dense","units":3}]}"#)
        XCTAssertEqual(architecture.layers, [.conv2d(filters: 2, kernelSize: 3), .maxPool2D(poolSize: 2),
                                             .activation(.leakyRelu, negativeSlope: 0.3), .flatten, .dense(units: 3)])
    }

    func testMissingFileIsAnError() {
        XCTAssertThrowsError(try Sequential.load(from: folder.appendingPathComponent("nope.safetensors"))) { error in
            XCTAssertTrue(String(describing: error).contains("cannot be read"), "\(error)")
        }
    }

    /// Thousands of seeded mutations of a real file: each loads or throws `invalidModelFile`; none crashes.
    func testMutatedFilesNeverCrash() throws {
        let model = try Sequential(inputShape: [3], layers: [.dense(units: 2, activation: .relu), .batchNormalization,
                                                              .dense(units: 2, activation: .softmax)], seed: 1)
        let url = folder.appendingPathComponent("seed.safetensors")
        try model.save(to: url)
        let original = [UInt8](try Data(contentsOf: url))
        let headerEnd = 8 + Int(original[0]) + Int(original[1]) << 8
        var generator = SeededGenerator(seed: 2026)
        func below(_ bound: Int) -> Int { Int(generator.nextUnit() * Double(bound)) }
        var loaded = 0, rejected = 0
        for round in 0..<3_000 {
            var bytes = original
            switch round % 6 {
            case 0:  // flip a few bytes anywhere
                for _ in 0...below(4) { bytes[below(bytes.count)] = UInt8(below(256)) }
            case 1:  // flip a byte inside the header
                bytes[8 + below(headerEnd - 8)] = UInt8(below(256))
            case 2:  // truncate
                bytes = Array(bytes.prefix(below(bytes.count)))
            case 3:  // a random header length
                for i in 0..<8 { bytes[i] = i < 2 + below(7) ? UInt8(below(256)) : 0 }
            case 4:  // change a digit of the header (a shape, an offset, a unit count)
                let digits = (8..<headerEnd).filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
                if let position = digits.isEmpty ? nil : digits[below(digits.count)] { bytes[position] = UInt8(0x30 + below(10)) }
            default:  // insert or delete a byte inside the header
                let position = 8 + below(headerEnd - 8)
                if round % 12 == 5 { bytes.insert(UInt8(below(256)), at: position) } else { bytes.remove(at: position) }
            }
            do {
                _ = try Sequential.load(Data(bytes), path: "fuzz")
                loaded += 1
            } catch let error as NeuralNetError {
                guard case .invalidModelFile = error else { return XCTFail("round \(round): unexpected \(error)") }
                rejected += 1
            }
        }
        XCTAssertGreaterThan(rejected, 2_000)
        XCTAssertGreaterThan(loaded, 0, "mutations of the weights alone still load")
    }
}

private extension Examples {
    /// The same examples with `width` input features (the two blob coordinates, then zeros) and
    /// one-hot targets of width 3.
    func withInputs(_ width: Int) -> Examples {
        guard case .floats(let values) = features else { return self }
        var widened: [Float] = []
        for row in 0..<count { widened += Array(values[(row * 2)..<(row * 2 + 2)]) + [Float](repeating: 0, count: width - 2) }
        return Examples(count: count, sampleShape: [width], features: .floats(widened),
                        targets: .oneHot(labels: labels, classes: 3))
    }
}
