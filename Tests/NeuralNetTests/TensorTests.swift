import XCTest
@testable import NeuralNet

final class TensorTests: XCTestCase {
    func testShapeMustMatchTheValues() throws {
        let tensor = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(tensor.count, 6)
        XCTAssertEqual(tensor.rank, 2)
        XCTAssertThrowsError(try Tensor(shape: [2, 3], scalars: [1, 2])) { error in
            XCTAssertTrue(String(describing: error).contains("needs 6 values but 2"), "\(error)")
        }
        XCTAssertThrowsError(try Tensor(shape: [-1, 2], scalars: []))
        XCTAssertThrowsError(try Tensor(shape: [Int.max, 3], scalars: []))
        XCTAssertEqual(try Tensor(shape: [], scalars: [7]).count, 1, "shape [] is a scalar")
        XCTAssertEqual(try Tensor(shape: [0, 4], scalars: []).count, 0)
    }

    func testZeros() throws {
        XCTAssertEqual(try Tensor(zeros: [2, 2]), try Tensor(shape: [2, 2], scalars: [0, 0, 0, 0]))
        XCTAssertThrowsError(try Tensor(zeros: [-3]))
        XCTAssertThrowsError(try Tensor(zeros: [1 << 40, 1 << 20]), "too large to allocate: refused, not crashed")
    }

    func testFlatAndMultiIndexAccessIsRowMajor() throws {
        var tensor = try Tensor(shape: [2, 3, 2], scalars: (0..<12).map(Float.init))
        XCTAssertEqual(tensor[7], 7)
        XCTAssertEqual(try tensor.value(at: [1, 0, 1]), 7)
        XCTAssertEqual(try tensor.flatIndex(of: [1, 2, 1]), 11)
        try tensor.setValue(-1, at: [0, 2, 0])
        XCTAssertEqual(tensor[4], -1)
        tensor[5] = 9
        XCTAssertEqual(try tensor.value(at: [0, 2, 1]), 9)
        XCTAssertThrowsError(try tensor.value(at: [2, 0, 0])) { XCTAssertTrue(String(describing: $0).contains("axis 0")) }
        XCTAssertThrowsError(try tensor.value(at: [0, 0]))
        XCTAssertThrowsError(try tensor.value(at: [0, -1, 0]))
    }

    func testReshapeKeepsTheValuesAndChecksTheCount() throws {
        var tensor = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let column = try tensor.reshaped(to: [6, 1])
        XCTAssertEqual(column.shape, [6, 1])
        XCTAssertEqual(column.scalars, tensor.scalars)
        XCTAssertThrowsError(try tensor.reshape(to: [4, 2])) { XCTAssertTrue(String(describing: $0).contains("[4, 2]")) }
        XCTAssertEqual(tensor.shape, [2, 3], "a failed reshape changes nothing")
        try tensor.reshape(to: [3, 2])
        XCTAssertEqual(try tensor.value(at: [2, 1]), 6)
    }

    func testDescriptionNestsLikeNumPy() throws {
        XCTAssertEqual(try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4.5]).description, "[[1.0, 2.0], [3.0, 4.5]]")
        XCTAssertEqual(try Tensor(shape: [3], scalars: [1, 2, 3]).description, "[1.0, 2.0, 3.0]")
        XCTAssertEqual(try Tensor(shape: [], scalars: [2]).description, "2.0")
        XCTAssertEqual(try Tensor(shape: [2, 0], scalars: []).description, "[[], []]")
        let big = try Tensor(zeros: [100, 100])
        XCTAssertTrue(big.description.hasPrefix("Tensor(shape: [100, 100], 10000 values: [0.0,"), big.description)
    }

    func testWeightTensorsCarryKerasShapes() throws {
        let model = try Sequential(inputShape: [4], layers: [.dense(units: 3, activation: .relu)], seed: 1)
        let tensors = model.weightTensors()
        XCTAssertEqual(tensors.map(\.shape), [[4, 3], [3]])
        XCTAssertEqual(tensors.map(\.scalars), model.weights())
        var changed = tensors
        changed[1] = try Tensor(shape: [3], scalars: [1, 2, 3])
        try model.setWeightTensors(changed)
        XCTAssertEqual(model.weights()[1], [1, 2, 3])
        XCTAssertThrowsError(try model.setWeightTensors([try tensors[0].reshaped(to: [3, 4]), tensors[1]])) { error in
            XCTAssertTrue(String(describing: error).contains("[3, 4]"), "\(error)")
        }
    }
}

final class TensorPredictTests: XCTestCase {
    func testPredictOnATensorBatch() throws {
        let model = try Sequential(inputShape: [2], layers: [.dense(units: 3, activation: .softmax)], seed: 1)
        let batch = try Tensor(shape: [2, 2], scalars: [1, 2, -1, 0.5])
        let outputs = try model.predict(batch)
        XCTAssertEqual(outputs.shape, [2, 3])
        XCTAssertEqual(outputs.scalars, try model.predict(batch.scalars, count: 2))
        XCTAssertThrowsError(try model.predict(try batch.reshaped(to: [4]))) { error in
            XCTAssertTrue(String(describing: error).contains("[N] + [2]"), "\(error)")
        }
        XCTAssertEqual(try model.predict(try Tensor(zeros: [0, 2])).shape, [0, 3])
    }
}
