/// xoshiro256** seeded through SplitMix64: the one source of randomness in the engine, so the same
/// seed gives bit-identical weights, shuffles and histories on every run and every machine.
///
/// Uniform floats and bounded integers are derived here too, never through the standard library's
/// algorithms, whose exact output is not promised to stay the same across Swift versions.
struct SeededGenerator: RandomNumberGenerator {
    private var s0, s1, s2, s3: UInt64

    init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = nextSplitMix(); s1 = nextSplitMix(); s2 = nextSplitMix(); s3 = nextSplitMix()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in 0..<bound (bound > 0), unbiased (Lemire's multiply-and-reject).
    mutating func next(below bound: UInt64) -> UInt64 {
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// Fisher–Yates shuffle of `values`.
    mutating func shuffle(_ values: UnsafeMutableBufferPointer<Int32>) {
        var i = values.count - 1
        while i > 0 {
            let j = Int(next(below: UInt64(i + 1)))
            values.swapAt(i, j)
            i -= 1
        }
    }
}
