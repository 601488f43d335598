/// Max pooling over channels-last images, forward and backward side by side.
///
/// `x` is (B, H, W, C), `y` is (B, OH, OW, C) (valid padding). A training forward pass records in
/// `argmax` (B, OH, OW, C) which window position (0 ..< k², row-major) held the maximum — the first
/// one on ties — and the backward pass sends each output gradient there. Channels go four at a time.
enum PoolKernels {
    /// `y[b, oy, ox, c] = max over the window of x`; `argmax`, when given, gets its position.
    @inline(__always)
    static func maxForward<S: NeuralScalar>(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>,
                                            argmax: UnsafeMutablePointer<S>?, batch: Int, geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, rowStride = g.width &* c
        var offset = 0
        for b in 0..<batch {
            let image = x + b &* g.inputSize
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let corner = image + (oy &* g.stride &* g.width &+ ox &* g.stride) &* c
                    var i = 0
                    while i &+ Lanes.width <= c {
                        var largest = Lanes.load(corner + i)
                        var position = SIMD4<S>(repeating: 0)
                        var index: S = 0
                        for ky in 0..<k {
                            let line = corner + (ky &* rowStride &+ i)
                            for kx in 0..<k {
                                let value = Lanes.load(line + kx &* c)
                                let larger = value .> largest
                                largest.replace(with: value, where: larger)
                                position.replace(with: index, where: larger)
                                index += 1
                            }
                        }
                        Lanes.store(largest, y + (offset &+ i))
                        if let argmax { Lanes.store(position, argmax + (offset &+ i)) }
                        i &+= Lanes.width
                    }
                    while i < c {
                        var largest = corner[i]
                        var position: S = 0, index: S = 0
                        for ky in 0..<k {
                            for kx in 0..<k {
                                let value = corner[ky &* rowStride &+ kx &* c &+ i]
                                if value > largest {
                                    largest = value
                                    position = index
                                }
                                index += 1
                            }
                        }
                        y[offset &+ i] = largest
                        argmax?[offset &+ i] = position
                        i &+= 1
                    }
                    offset &+= c
                }
            }
        }
    }

    /// `dx = 0`, then each `dy[b, oy, ox, c]` added at the window position `argmax` recorded.
    @inline(__always)
    static func maxBackward<S: NeuralScalar>(argmax: UnsafePointer<S>, _ dy: UnsafePointer<S>, _ dx: UnsafeMutablePointer<S>,
                                             batch: Int, geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, rowStride = g.width &* c
        dx.update(repeating: 0, count: batch &* g.inputSize)
        var offset = 0
        for b in 0..<batch {
            let gradientImage = dx + b &* g.inputSize
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let corner = gradientImage + (oy &* g.stride &* g.width &+ ox &* g.stride) &* c
                    var i = 0
                    while i &+ Lanes.width <= c {
                        let position = Lanes.load(argmax + (offset &+ i)), gradient = Lanes.load(dy + (offset &+ i))
                        var index: S = 0
                        for ky in 0..<k {
                            let line = corner + (ky &* rowStride &+ i)
                            for kx in 0..<k {
                                let target = line + kx &* c
                                var sum = Lanes.load(target)
                                sum.replace(with: sum + gradient, where: position .== SIMD4(repeating: index))
                                Lanes.store(sum, target)
                                index += 1
                            }
                        }
                        i &+= Lanes.width
                    }
                    while i < c {
                        let position = Int(argmax[offset &+ i])
                        corner[(position / k) &* rowStride &+ (position % k) &* c &+ i] += dy[offset &+ i]
                        i &+= 1
                    }
                    offset &+= c
                }
            }
        }
    }
}
