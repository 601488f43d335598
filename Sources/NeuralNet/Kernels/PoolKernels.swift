/// Max pooling over channels-last images, forward and backward side by side.
///
/// `x` is (B, H, W, C), `y` is (B, OH, OW, C) (valid padding). The backward pass sends each output
/// gradient to its window's argmax — the first position, in row-major window order, holding the
/// maximum — found again from `x` and `y`, so no index buffer is kept. Channels go eight at a time.
enum PoolKernels {
    /// `y[b, oy, ox, c] = max over the window of x`.
    @inline(__always)
    static func maxForward<S: NeuralScalar>(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, batch: Int,
                                            geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, rowStride = g.width &* c
        var out = y
        for b in 0..<batch {
            let image = x + b &* g.inputSize
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let corner = image + (oy &* g.stride &* g.width &+ ox &* g.stride) &* c
                    var i = 0
                    while i &+ Lanes.width <= c {
                        var largest = Lanes.load(corner + i)
                        for ky in 0..<k {
                            let line = corner + ky &* rowStride + i
                            for kx in 0..<k { largest = pointwiseMax(largest, Lanes.load(line + kx &* c)) }
                        }
                        Lanes.store(largest, out + i)
                        i &+= Lanes.width
                    }
                    while i < c {
                        var largest = corner[i]
                        for ky in 0..<k {
                            for kx in 0..<k { largest = Swift.max(largest, corner[ky &* rowStride &+ kx &* c &+ i]) }
                        }
                        out[i] = largest
                        i &+= 1
                    }
                    out += c
                }
            }
        }
    }

    /// `dx = 0`, then each `dy[b, oy, ox, c]` added at its window's argmax.
    @inline(__always)
    static func maxBackward<S: NeuralScalar>(_ x: UnsafePointer<S>, _ y: UnsafePointer<S>, _ dy: UnsafePointer<S>,
                                             _ dx: UnsafeMutablePointer<S>, batch: Int, geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, rowStride = g.width &* c
        dx.update(repeating: 0, count: batch &* g.inputSize)
        var offset = 0
        for b in 0..<batch {
            let image = x + b &* g.inputSize, gradientImage = dx + b &* g.inputSize
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let corner = (oy &* g.stride &* g.width &+ ox &* g.stride) &* c
                    var i = 0
                    while i &+ Lanes.width <= c {
                        let largest = Lanes.load(y + (offset &+ i)), gradient = Lanes.load(dy + (offset &+ i))
                        var open = SIMDMask<SIMD8<S>.MaskStorage>(repeating: true)
                        for ky in 0..<k {
                            for kx in 0..<k {
                                let position = corner &+ ky &* rowStride &+ kx &* c &+ i
                                let hit = (Lanes.load(image + position) .== largest) .& open
                                var sum = Lanes.load(gradientImage + position)
                                sum.replace(with: sum + gradient, where: hit)
                                Lanes.store(sum, gradientImage + position)
                                open = open .& .!hit
                            }
                        }
                        i &+= Lanes.width
                    }
                    while i < c {
                        let largest = y[offset &+ i]
                        var position = corner &+ i
                        search: for ky in 0..<k {
                            for kx in 0..<k {
                                let candidate = corner &+ ky &* rowStride &+ kx &* c &+ i
                                if image[candidate] == largest {
                                    position = candidate
                                    break search
                                }
                            }
                        }
                        gradientImage[position] += dy[offset &+ i]
                        i &+= 1
                    }
                    offset &+= c
                }
            }
        }
    }
}
