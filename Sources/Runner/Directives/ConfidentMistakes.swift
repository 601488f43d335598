import Foundation

/// One test sample the model got wrong, with how sure it was.
struct ConfidentMistake: Equatable {
    var index: Int
    var truth: Int
    var predicted: Int
    /// The probability the model gave its (wrong) prediction.
    var probability: Double
}

/// The wrong predictions the model was surest of: highest probability first, ties by sample index.
enum ConfidentMistakes {
    /// The most mistakes `plot: mistakes` shows.
    static let limit = 16

    /// `probabilities` holds `labels.count` rows of `classes` values; a row's prediction is its first
    /// largest value. Rows holding a non-finite value are skipped.
    static func find(probabilities: [Float], classes: Int, labels: [Int], limit: Int = limit) -> [ConfidentMistake] {
        guard classes > 0, probabilities.count == labels.count * classes else { return [] }
        var mistakes: [ConfidentMistake] = []
        for (row, truth) in labels.enumerated() {
            let values = probabilities[(row * classes)..<((row + 1) * classes)]
            guard values.allSatisfy(\.isFinite) else { continue }
            var best = 0
            for column in 1..<max(classes, 1) where values[row * classes + column] > values[row * classes + best] { best = column }
            if best != truth {
                mistakes.append(ConfidentMistake(index: row, truth: truth, predicted: best,
                                                 probability: Double(values[row * classes + best])))
            }
        }
        mistakes.sort { $0.probability != $1.probability ? $0.probability > $1.probability : $0.index < $1.index }
        return Array(mistakes.prefix(max(limit, 0)))
    }

    /// `outputs` as probabilities: unchanged when the model ends in softmax, else a softmax per row.
    static func probabilities(_ outputs: [Float], classes: Int, endsInSoftmax: Bool) -> [Float] {
        guard !endsInSoftmax, classes > 0 else { return outputs }
        var result = outputs
        var start = 0
        while start + classes <= result.count {
            let row = start..<(start + classes)
            let largest = result[row].max() ?? 0
            var sum: Float = 0
            for index in row { result[index] = (result[index] - largest).exp; sum += result[index] }
            for index in row { result[index] /= sum }
            start += classes
        }
        return result
    }
}

private extension Float {
    var exp: Float { Float(Foundation.exp(Double(self))) }
}
