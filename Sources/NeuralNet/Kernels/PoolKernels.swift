/// Max pooling over channels-last images, forward and backward side by side.
///
/// `x` is (B, H, W, C), `y` is (B, OH, OW, C) (valid padding). A training forward pass records in
/// `argmax` (B, OH, OW, C) which window position (0 ..< k², row-major) held the maximum — the first
/// one on ties — and the backward pass sends each output gradient there. `Float` goes four channels
/// at a time (see `Lanes`), any other scalar one at a time.
enum PoolKernels {
    /// `y[b, oy, ox, c] = max over the window of x`; `argmax`, when given, gets its position.
    @inline(__always)
    static func maxForward<S: NeuralScalar>(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>,
                                            argmax: UnsafeMutablePointer<S>?, batch: Int, geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, rowStride = g.width &* c
        let xf = Lanes.float(x), yf = Lanes.float(y), argmaxf = argmax.flatMap { Lanes.float($0) }
        var offset = 0
        for b in 0..<batch {
            let image = b &* g.inputSize
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let corner = image &+ (oy &* g.stride &* g.width &+ ox &* g.stride) &* c
                    var i = 0
                    if let xf, let yf {
                        while k == 2, i &+ Lanes.width <= c {   // 2×2 windows unrolled, same order
                            let top = xf + (corner &+ i), bottom = top + rowStride
                            var largest = Lanes.load(top), position = Lanes.Vector(repeating: 0)
                            keepLarger(Lanes.load(top + c), index: 1, largest: &largest, position: &position)
                            keepLarger(Lanes.load(bottom), index: 2, largest: &largest, position: &position)
                            keepLarger(Lanes.load(bottom + c), index: 3, largest: &largest, position: &position)
                            Lanes.store(largest, yf + (offset &+ i))
                            if let argmaxf { Lanes.store(position, argmaxf + (offset &+ i)) }
                            i &+= Lanes.width
                        }
                        while i &+ Lanes.width <= c {
                            var largest = Lanes.load(xf + (corner &+ i))
                            var position = Lanes.Vector(repeating: 0)
                            var index: Float = 0
                            for ky in 0..<k {
                                let line = xf + (corner &+ ky &* rowStride &+ i)
                                for kx in 0..<k {
                                    let value = Lanes.load(line + kx &* c)
                                    let larger = value .> largest
                                    largest.replace(with: value, where: larger)
                                    position.replace(with: index, where: larger)
                                    index += 1
                                }
                            }
                            Lanes.store(largest, yf + (offset &+ i))
                            if let argmaxf { Lanes.store(position, argmaxf + (offset &+ i)) }
                            i &+= Lanes.width
                        }
                    }
                    while i < c {
                        var largest = x[corner &+ i]
                        var position: S = 0, index: S = 0
                        for ky in 0..<k {
                            for kx in 0..<k {
                                let value = x[corner &+ ky &* rowStride &+ kx &* c &+ i]
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
    /// (For tiling windows each position is written once, so `dx` is never cleared first.)
    /// With `reluOutput` — the forward output `y`, when `x` is a relu's output — a gradient whose
    /// `y` is not positive is sent as 0: the relu's backward pass, done here on the smaller `y`.
    /// With `channelSums` (C), each channel's sent gradients are added to it — Σ dx per channel,
    /// read from the four-times-smaller `dy`.
    @inline(__always)
    static func maxBackward<S: NeuralScalar>(argmax: UnsafePointer<S>, _ dy: UnsafePointer<S>, _ dx: UnsafeMutablePointer<S>,
                                             reluOutput: UnsafePointer<S>? = nil, channelSums: UnsafeMutablePointer<S>? = nil,
                                             batch: Int, geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, rowStride = g.width &* c
        // Windows that neither overlap nor leave gaps write every position they cover, so only the
        // rows and columns past the last window need zeroing; otherwise gradients accumulate.
        let tiles = g.stride == k
        if tiles {
            let coveredRows = g.outHeight &* k, coveredColumns = g.outWidth &* k
            for b in 0..<batch {
                let image = dx + b &* g.inputSize
                for row in 0..<coveredRows where coveredColumns < g.width {
                    (image + (row &* g.width &+ coveredColumns) &* c).update(repeating: 0, count: (g.width &- coveredColumns) &* c)
                }
                (image + coveredRows &* rowStride).update(repeating: 0, count: (g.height &- coveredRows) &* rowStride)
            }
        } else {
            dx.update(repeating: 0, count: batch &* g.inputSize)
        }
        let argmaxf = Lanes.float(argmax), dyf = Lanes.float(dy), dxf = Lanes.float(dx)
        let reluOutputf = reluOutput.flatMap { Lanes.float($0) }, sumsf = channelSums.flatMap { Lanes.float($0) }
        var offset = 0
        for b in 0..<batch {
            let image = b &* g.inputSize
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let corner = image &+ (oy &* g.stride &* g.width &+ ox &* g.stride) &* c
                    var i = 0
                    if let argmaxf, let dyf, let dxf {
                        while i &+ Lanes.width <= c {
                            let position = Lanes.load(argmaxf + (offset &+ i))
                            var gradient = Lanes.load(dyf + (offset &+ i))
                            if let reluOutputf {
                                let open = Lanes.load(reluOutputf + (offset &+ i)) .> 0
                                gradient = Lanes.Vector(repeating: 0).replacing(with: gradient, where: open)
                            }
                            if let sumsf { Lanes.store(Lanes.load(sumsf + i) + gradient, sumsf + i) }
                            if tiles && k == 2 {   // 2×2 tiles unrolled: each position written once
                                let top = dxf + (corner &+ i), bottom = top + rowStride, zero = Lanes.Vector(repeating: 0)
                                let sum = zero + gradient
                                Lanes.store(zero.replacing(with: sum, where: position .== 0), top)
                                Lanes.store(zero.replacing(with: sum, where: position .== 1), top + c)
                                Lanes.store(zero.replacing(with: sum, where: position .== 2), bottom)
                                Lanes.store(zero.replacing(with: sum, where: position .== 3), bottom + c)
                                i &+= Lanes.width
                                continue
                            }
                            var index: Float = 0
                            for ky in 0..<k {
                                let line = dxf + (corner &+ ky &* rowStride &+ i)
                                for kx in 0..<k {
                                    let target = line + kx &* c
                                    let hit = position .== Lanes.Vector(repeating: index)
                                    var sum = tiles ? Lanes.Vector(repeating: 0) : Lanes.load(target)
                                    sum.replace(with: sum + gradient, where: hit)
                                    Lanes.store(sum, target)
                                    index += 1
                                }
                            }
                            i &+= Lanes.width
                        }
                    }
                    while i < c {
                        let position = Int(argmax[offset &+ i])
                        if tiles {
                            for ky in 0..<k {
                                for kx in 0..<k { dx[corner &+ ky &* rowStride &+ kx &* c &+ i] = 0 }
                            }
                        }
                        let open = reluOutput.map { $0[offset &+ i] > 0 } ?? true
                        let sent: S = open ? dy[offset &+ i] : 0
                        dx[corner &+ (position / k) &* rowStride &+ (position % k) &* c &+ i] += sent
                        channelSums?[i] += sent
                        i &+= 1
                    }
                    offset &+= c
                }
            }
        }
    }

    /// One step of the running maximum: `value` at window position `index` replaces `largest`
    /// where it is strictly larger (so the first maximum wins ties).
    @inline(__always)
    private static func keepLarger(_ value: Lanes.Vector, index: Float, largest: inout Lanes.Vector,
                                   position: inout Lanes.Vector) {
        let larger = value .> largest
        largest.replace(with: value, where: larger)
        position.replace(with: index, where: larger)
    }
}
