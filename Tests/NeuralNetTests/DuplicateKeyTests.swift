import Foundation
@testable import NeuralNet
import XCTest

/// A model file that names a tensor or a metadata key twice is refused, whatever JSONDecoder
/// would have kept, both when loading and when reading the header alone.
final class DuplicateKeyTests: XCTestCase {
    private let architecture = #"{\"input_shape\":[2],\"layers\":[{\"kind\":\"dense\",\"units\":1,\"activation\":\"sigmoid\",\"initializer\":\"zeros\"}]}"#
    private let kernel = #""layers.0.kernel":{"dtype":"F32","shape":[2,1],"data_offsets":[0,8]}"#
    private let bias = #""layers.0.bias":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}"#
    private let twelveBytes = [UInt8](repeating: 0, count: 12)

    private func metadata(_ extra: String = "") -> String {
        #""__metadata__":{"format":"folio","folio_version":"1","architecture":""# + architecture + "\"" + extra + "}"
    }

    private func file(_ header: String) -> Data {
        let headerBytes = Array(header.utf8)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { bytes += $0 }
        return Data(bytes + headerBytes + twelveBytes)
    }

    private func assertRejects(_ header: String, mentioning phrase: String, line: UInt = #line) throws {
        let data = file(header)
        XCTAssertThrowsError(try Sequential.load(data, path: "dup.safetensors"), line: line) { error in
            guard case .invalidModelFile(_, let reason)? = error as? NeuralNetError else {
                return XCTFail("expected invalidModelFile, got \(error)", line: line)
            }
            XCTAssertTrue(reason.contains(phrase), "“\(reason)” should mention “\(phrase)”", line: line)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dup-\(UUID().uuidString).safetensors")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try Sequential.readSummary(from: url), line: line) { error in
            XCTAssertTrue("\(error)".contains(phrase), "\(error)", line: line)
        }
        XCTAssertThrowsError(try Sequential.loadModelFile(from: url), line: line)
    }

    func testTheWellFormedFileLoads() throws {
        XCTAssertNoThrow(try Sequential.load(file("{" + metadata() + "," + kernel + "," + bias + "}"), path: "ok.safetensors"))
    }

    func testATensorNamedTwiceIsRefused() throws {
        // The second kernel entry alone would be valid: JSONDecoder would keep it silently.
        try assertRejects("{" + metadata() + "," + kernel + "," + kernel + "," + bias + "}",
                          mentioning: "lists the tensor \"layers.0.kernel\" twice")
        // The same name spelled with an escape is the same key.
        let escaped = kernel.replacingOccurrences(of: "layers.0.kernel", with: #"layers.0.k\u0065rnel"#)
        try assertRejects("{" + metadata() + "," + kernel + "," + escaped + "," + bias + "}",
                          mentioning: "twice")
    }

    func testAMetadataKeyGivenTwiceIsRefused() throws {
        try assertRejects("{" + metadata(#","format":"other""#) + "," + kernel + "," + bias + "}",
                          mentioning: "__metadata__ gives the key \"format\" twice")
        try assertRejects("{" + metadata() + "," + metadata() + "," + kernel + "," + bias + "}",
                          mentioning: "holds __metadata__ twice")
    }

    func testAFieldTwiceInATensorEntryIsRefused() throws {
        let doubled = #""layers.0.kernel":{"dtype":"F32","dtype":"F32","shape":[2,1],"data_offsets":[0,8]}"#
        try assertRejects("{" + metadata() + "," + doubled + "," + bias + "}", mentioning: "gives the key \"dtype\" twice")
    }

    func testAKeyTwiceInTheArchitectureIsRefused() throws {
        let twice = architecture.replacingOccurrences(of: #"\"units\":1,"#, with: #"\"units\":1,\"units\":1,"#)
        let meta = #""__metadata__":{"format":"folio","folio_version":"1","architecture":""# + twice + "\"}"
        try assertRejects("{" + meta + "," + kernel + "," + bias + "}", mentioning: "the architecture gives the key \"units\" twice")
    }

    func testScannerFindsOnlyRealRepeats() {
        func first(_ text: String) -> JSONRepeatedKey? { JSONRepeatedKey.first(in: Data(text.utf8)) }
        XCTAssertNil(first(#"{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}"#))
        XCTAssertNil(first(#"{"a\"b":1,"a":"\"a\""}"#))
        XCTAssertEqual(first(#"{"x":[{"a":1,"a":2}]}"#), JSONRepeatedKey(key: "a", objectPath: ["x", "0"]))
        XCTAssertEqual(first(#"{"\ud83d\ude00":1,"😀":2}"#)?.key, "😀")
        XCTAssertNil(first(#"{"a":1,"b""#), "malformed JSON is left to the parser")
    }
}
