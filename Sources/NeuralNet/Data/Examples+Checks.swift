import Limits

extension Examples {
    /// Throws unless these examples can be fed to a model with `inputShape` and `outputUnits`
    /// outputs under `loss`: non-empty, internally consistent, right shape, fitting targets.
    func check(inputShape: [Int], outputUnits: Int, loss: Loss) throws {
        guard count > 0 else { throw NeuralNetError.emptyData }
        try checkConsistent()
        guard sampleShape == inputShape else {
            throw NeuralNetError.shapeMismatch(data: sampleShape, model: inputShape)
        }
        try loss.checkTargets(targets, outputUnits: outputUnits)
    }

    /// Throws unless the feature and label arrays hold exactly `count` samples of `sampleShape`.
    func checkConsistent() throws {
        guard count >= 0, sampleShape.allSatisfy({ $0 > 0 }) else {
            throw NeuralNetError.inconsistentData("count \(count) and sample shape \(sampleShape) must not be negative or zero-sized")
        }
        let expected = Checked.product(count, Checked.product(sampleShape.map { Optional($0) }))
        let stored: Int
        switch features {
        case .bytes(let bytes, _): stored = bytes.count
        case .floats(let floats): stored = floats.count
        }
        guard let expected, expected == stored else {
            throw NeuralNetError.inconsistentData("\(count) samples of shape \(sampleShape) need \(count) × \(sampleShape.reduce(1, { $0 &* $1 })) values but \(stored) are stored")
        }
        guard labels.count == count else {
            throw NeuralNetError.inconsistentData("\(count) samples but \(labels.count) labels")
        }
    }
}
