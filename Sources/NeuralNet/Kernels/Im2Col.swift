/// Unfolds image patches into matrix rows so a convolution is one matrix product, and folds row
/// gradients back (col2im).
///
/// `x` is (B, H, W, C); `col` is (B·OH·OW, KH·KW·C), row `(b·OH + oy)·OW + ox` holding the patch under
/// output pixel (oy, ox) in (ky, kx, c) order — the row order of a Keras kernel (KH, KW, C, F) read
/// as a (KH·KW·C, F) matrix. Padding positions are zeros.
enum Im2Col {
    /// `col ← patches(x)`.
    @inline(__always)
    static func unfold<S: NeuralScalar>(_ x: UnsafePointer<S>, into col: UnsafeMutablePointer<S>,
                                        batch: Int, geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, span = k &* c
        var row = col
        for b in 0..<batch {
            let image = x + b &* g.inputSize
            for oy in 0..<g.outHeight {
                let top = oy &* g.stride &- g.padTop
                let rowsInside = top >= 0 && top &+ k <= g.height
                for ox in 0..<g.outWidth {
                    let left = ox &* g.stride &- g.padLeft
                    let inside = left >= 0 && left &+ k <= g.width
                    if rowsInside && inside {
                        // The common case: the whole window is inside the image.
                        var source = image + (top &* g.width &+ left) &* c, target = row
                        for _ in 0..<k {
                            copy(source, to: target, count: span)
                            source += g.width &* c
                            target += span
                        }
                        row += g.patchSize
                        continue
                    }
                    for ky in 0..<k {
                        let target = row + ky &* span
                        let iy = top &+ ky
                        guard iy >= 0, iy < g.height else {
                            target.update(repeating: 0, count: span)
                            continue
                        }
                        let source = image + (iy &* g.width &+ left) &* c
                        if inside {
                            copy(source, to: target, count: span)
                        } else {
                            for kx in 0..<k {
                                let ix = left &+ kx
                                if ix >= 0, ix < g.width {
                                    copy(source + kx &* c, to: target + kx &* c, count: c)
                                } else {
                                    (target + kx &* c).update(repeating: 0, count: c)
                                }
                            }
                        }
                    }
                    row += g.patchSize
                }
            }
        }
    }

    /// `dx ← Σ` of each `dcol` row's entries at the image positions `unfold` read them from
    /// (positions no patch covers get 0).
    @inline(__always)
    static func fold<S: NeuralScalar>(_ dcol: UnsafePointer<S>, into dx: UnsafeMutablePointer<S>,
                                      batch: Int, geometry g: ConvGeometry) {
        let c = g.channels, k = g.window, span = k &* c
        dx.update(repeating: 0, count: batch &* g.inputSize)
        var row = dcol
        for b in 0..<batch {
            let image = dx + b &* g.inputSize
            for oy in 0..<g.outHeight {
                let top = oy &* g.stride &- g.padTop
                for ox in 0..<g.outWidth {
                    let left = ox &* g.stride &- g.padLeft
                    let inside = left >= 0 && left &+ k <= g.width
                    for ky in 0..<k {
                        let iy = top &+ ky
                        guard iy >= 0, iy < g.height else { continue }
                        let source = row + ky &* span
                        let target = image + (iy &* g.width &+ left) &* c
                        if inside {
                            add(source, to: target, count: span)
                        } else {
                            for kx in 0..<k {
                                let ix = left &+ kx
                                if ix >= 0, ix < g.width { add(source + kx &* c, to: target + kx &* c, count: c) }
                            }
                        }
                    }
                    row += g.patchSize
                }
            }
        }
    }

    /// A short copy inline (a call to memmove costs more than moving a few floats), a long one through memmove.
    @inline(__always)
    private static func copy<S>(_ source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, count: Int) {
        if count == 3 {   // a 3-wide window over one channel: the first layer of most image models
            target[0] = source[0]
            target[1] = source[1]
            target[2] = source[2]
        } else if count < 16 {
            var i = 0
            while i < count {
                target[i] = source[i]
                i &+= 1
            }
        } else {
            target.update(from: source, count: count)
        }
    }

    @inline(__always)
    private static func add<S: NeuralScalar>(_ source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, count: Int) {
        Lanes.add(source, to: target, count: count)
    }
}
