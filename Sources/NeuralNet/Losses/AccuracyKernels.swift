/// Keras' `metrics=["accuracy"]`, resolved from the output's width as Keras resolves it: width 1 is
/// `binary_accuracy` (prediction > 0.5 equals the label), wider outputs are categorical accuracy
/// (argmax equals the label — the argmax of the one-hot target, or the sparse label itself).
enum AccuracyKernels {
    /// Rows predicted right; `predicted` (B), when given, receives each row's predicted class
    /// (the argmax, or 0/1 for width 1).
    @inline(__always)
    static func hits<S: NeuralScalar>(outputs p: UnsafePointer<S>, labels: UnsafePointer<Int32>, batch: Int,
                                      width: Int, predicted: UnsafeMutablePointer<Int32>?) -> Int {
        var hits = 0
        for row in 0..<batch {
            let r = p + row * width
            var best = 0
            if width == 1 {
                best = r[0] > 0.5 ? 1 : 0
            } else {
                for c in 1..<Swift.max(width, 1) where r[c] > r[best] { best = c }
            }
            if best == Int(labels[row]) { hits += 1 }
            predicted?[row] = Int32(best)
        }
        return hits
    }
}
