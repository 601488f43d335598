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
        // A local copy keeps the generator's state in registers (through `inout` it would go back
        // to memory on every step).
        var local = generator
        defer { generator = local }
        var i = 0
        if let maskf = Lanes.float(mask), threshold <= UInt64(UInt32.max) {
            // Four values from two steps, chosen without branches (a branch on a coin flip is
            // mispredicted half the time, which cost more than drawing the bits).
            let limit = SIMD4<UInt32>(repeating: UInt32(truncatingIfNeeded: threshold))
            let zero = Lanes.Vector(repeating: 0), keptf = Lanes.Vector(repeating: Float(1 / (1 - rate)))
            while i &+ Lanes.width <= count {
                let bits = unsafeBitCast(SIMD2<UInt64>(local.next(), local.next()), to: SIMD4<UInt32>.self)
                Lanes.store(zero.replacing(with: keptf, where: bits .>= limit), maskf + i)
                i &+= Lanes.width
            }
        }
        while i &+ 1 < count {
            let bits = local.next()
            mask[i] = (bits & 0xFFFF_FFFF) >= threshold ? kept : 0
            mask[i &+ 1] = (bits >> 32) >= threshold ? kept : 0
            i &+= 2
        }
        if i < count { mask[i] = (local.next() & 0xFFFF_FFFF) >= threshold ? kept : 0 }
    }

    /// `y = x ⊙ mask` (also the backward rule: `dx = dy ⊙ mask`).
    @inline(__always)
    static func apply<S: NeuralScalar>(_ mask: UnsafePointer<S>, to x: UnsafePointer<S>, into y: UnsafeMutablePointer<S>,
                                       count: Int) {
        for i in 0..<count { y[i] = x[i] * mask[i] }
    }
}
