/// Inverted dropout: while training each value is kept with probability 1 − rate and scaled by
/// 1/(1 − rate), so evaluation needs no rescaling.
enum DropoutKernels {
    /// Fills `mask` (count) with 0 (dropped, probability `rate`) or 1/(1 − rate) (kept), two
    /// 32-bit draws per generator step.
    @inline(__always)
    static func drawMask<S: NeuralScalar>(_ mask: UnsafeMutablePointer<S>, count: Int, rate: Double,
                                          using generator: inout SeededGenerator) {
        let threshold = UInt64((rate * 4_294_967_296).rounded(.down))
        let kept = S(1 / (1 - rate))
        var i = 0
        while i < count {
            let bits = generator.next()
            mask[i] = (bits & 0xFFFF_FFFF) >= threshold ? kept : 0
            if i + 1 < count { mask[i + 1] = (bits >> 32) >= threshold ? kept : 0 }
            i += 2
        }
    }

    /// `y = x ⊙ mask` (also the backward rule: `dx = dy ⊙ mask`).
    @inline(__always)
    static func apply<S: NeuralScalar>(_ mask: UnsafePointer<S>, to x: UnsafePointer<S>, into y: UnsafeMutablePointer<S>,
                                       count: Int) {
        for i in 0..<count { y[i] = x[i] * mask[i] }
    }
}
