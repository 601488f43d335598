/// MNIST's own preparation of a digit, made robust for phone photos of pen on paper:
/// flatten the paper's lighting, find the ink, drop specks and edge shadows, crop to the ink,
/// thicken thin pen strokes, scale the longest side to 20/28 of the frame with area averaging,
/// and place the digit so its centre of mass is at the frame's centre.
struct DigitCentering {
    /// Widen strokes thinner than `targetStrokeWidth` before scaling down.
    var thickenStrokes = true
    /// Stroke width, in output pixels, that thin strokes are widened to (MNIST's are about 2–3).
    var targetStrokeWidth: Float = 2.4
    /// Which quantile of the digit's ink becomes full intensity (255) in the contrast stretch.
    var inkLevelQuantile: Float = 0.9
    /// Ink fainter than this fraction of the ink threshold counts as background.
    var floorFraction: Float = 0.5
    /// Strokes fainter than this fraction of full ink lie outside the digit's bounding box.
    var boundsLevel: Float = 0.1
    /// Side of the square box the digit is scaled into, as a fraction of the frame (MNIST: 20/28).
    var boxFraction: Float = 20.0 / 28.0

    /// `gray` with light ink on dark ground (0…255) → `width × height` bytes, 0 = background, 255 = ink.
    func prepare(_ gray: GrayImage, width: Int, height: Int) throws -> [UInt8] {
        let paper = gray.map { 255 - $0 }
        let background = PaperBackground(fitting: paper)
        let ink = background.ink(of: paper)
        let sample = ink.sample()
        let noise = background.noise
        let threshold = max(InkComponents.otsuThreshold(sample), 4 * noise, 12)

        let mask = ink.pixels.map { $0 > threshold }
        let digit = InkComponents.digit(InkComponents.components(of: mask, width: ink.width, height: ink.height),
                                        width: ink.width, height: ink.height)
        let digitPixels = digit.flatMap(\.pixels)
        // Ink must stand well clear of the paper's noise, not just graze the threshold.
        guard !digitPixels.isEmpty,
              GrayImage.quantile(digitPixels.map { ink.pixels[$0] }, 0.9) >= max(6 * noise, 24) else {
            throw DatasetError.noInk
        }

        var strokes = softStrokes(ink, digitPixels: digitPixels, threshold: threshold)
        // The box includes the faint edge of the strokes, as MNIST's anti-aliased 20×20 box did.
        let visible = strokes.pixels.indices.filter { strokes.pixels[$0] > boundsLevel * 255 }
        var bounds = PixelBounds(visible.isEmpty ? digitPixels : visible, width: ink.width)
        let boxSide = Float(min(width, height)) * boxFraction
        if thickenStrokes {
            let strokeWidth = DigitCentering.strokeWidth(digitPixels, width: ink.width, height: ink.height)
            let scale = boxSide / Float(bounds.longestSide)
            let radius = Int(((targetStrokeWidth / scale - strokeWidth) / 2).rounded())
            if radius >= 1 {
                strokes = strokes.maxFiltered(radius: radius)
                bounds = bounds.expanded(by: radius, width: ink.width, height: ink.height)
            }
        }
        let scale = boxSide / Float(bounds.longestSide)
        let boxWidth = max(1, min(width, Int((Float(bounds.width) * scale).rounded())))
        let boxHeight = max(1, min(height, Int((Float(bounds.height) * scale).rounded())))
        var box = strokes.cropped(x: bounds.minX, y: bounds.minY, width: bounds.width, height: bounds.height)
            .resized(width: boxWidth, height: boxHeight)
        if let peak = box.pixels.max(), peak > 0 { box = box.map { $0 * 255 / peak } }
        return try DigitCentering.placeByCentreOfMass(box, width: width, height: height)
    }

    /// The ink near the digit's components, stretched so the darkest ink reaches 255; all else 0.
    private func softStrokes(_ ink: GrayImage, digitPixels: [Int], threshold: Float) -> GrayImage {
        let level = max(GrayImage.quantile(digitPixels.map { ink.pixels[$0] }, inkLevelQuantile), threshold + 1)
        let floor = threshold * floorFraction
        var near = [Bool](repeating: false, count: ink.pixels.count)
        for index in digitPixels {
            let x = index % ink.width, y = index / ink.width
            for ny in max(0, y - 2)...min(ink.height - 1, y + 2) {
                for nx in max(0, x - 2)...min(ink.width - 1, x + 2) { near[ny * ink.width + nx] = true }
            }
        }
        var result = GrayImage(width: ink.width, height: ink.height)
        for index in 0..<ink.pixels.count where near[index] {
            result.pixels[index] = min(max((ink.pixels[index] - floor) / (level - floor), 0), 1) * 255
        }
        return result
    }

    /// Mean stroke width of the ink pixels, from area and outline: width ≈ 2 × area / outline.
    static func strokeWidth(_ pixels: [Int], width: Int, height: Int) -> Float {
        var inside = Set(pixels)
        inside.reserveCapacity(pixels.count)
        var outline = 0
        for index in pixels {
            let x = index % width, y = index / width
            let neighbours = [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
            if neighbours.contains(where: { $0.0 < 0 || $0.1 < 0 || $0.0 >= width || $0.1 >= height
                                       || !inside.contains($0.1 * width + $0.0) }) {
                outline += 1
            }
        }
        return 2 * Float(pixels.count) / Float(max(outline, 1))
    }

    /// `box` pasted into a `width × height` frame so its centre of mass lands on the centre
    /// (as far as the frame allows without cutting the digit).
    static func placeByCentreOfMass(_ box: GrayImage, width: Int, height: Int) throws -> [UInt8] {
        var total: Float = 0, sumX: Float = 0, sumY: Float = 0
        for y in 0..<box.height {
            for x in 0..<box.width {
                let value = box[x, y]
                total += value
                sumX += value * (Float(x) + 0.5)
                sumY += value * (Float(y) + 0.5)
            }
        }
        guard total > 0 else { throw DatasetError.noInk }
        // MNIST puts the centre of mass on pixel (14, 14) of 28×28, i.e. at 14.5 in continuous coordinates.
        let left = min(max(Int((Float(width / 2) + 0.5 - sumX / total).rounded()), 0), width - box.width)
        let top = min(max(Int((Float(height / 2) + 0.5 - sumY / total).rounded()), 0), height - box.height)
        var frame = [UInt8](repeating: 0, count: width * height)
        for y in 0..<box.height {
            for x in 0..<box.width {
                frame[(top + y) * width + left + x] = UInt8(min(max(box[x, y].rounded(), 0), 255))
            }
        }
        return frame
    }
}

/// The bounding box of a set of pixel indices.
struct PixelBounds: Equatable {
    var minX: Int, minY: Int, maxX: Int, maxY: Int

    init(_ pixels: [Int], width: Int) {
        minX = Int.max; minY = Int.max; maxX = Int.min; maxY = Int.min
        for index in pixels {
            let x = index % width, y = index / width
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
    }

    var width: Int { maxX - minX + 1 }
    var height: Int { maxY - minY + 1 }
    var longestSide: Int { max(width, height) }

    func expanded(by margin: Int, width imageWidth: Int, height imageHeight: Int) -> PixelBounds {
        var result = self
        result.minX = max(0, minX - margin); result.minY = max(0, minY - margin)
        result.maxX = min(imageWidth - 1, maxX + margin); result.maxY = min(imageHeight - 1, maxY + margin)
        return result
    }
}

extension GrayImage {
    /// Each pixel replaced by the maximum of the square of side `2 × radius + 1` around it.
    func maxFiltered(radius: Int) -> GrayImage {
        var horizontal = self
        for y in 0..<height {
            for x in 0..<width {
                var best: Float = 0
                for nx in max(0, x - radius)...min(width - 1, x + radius) { best = Swift.max(best, self[nx, y]) }
                horizontal[x, y] = best
            }
        }
        var result = horizontal
        for y in 0..<height {
            for x in 0..<width {
                var best: Float = 0
                for ny in max(0, y - radius)...min(height - 1, y + radius) { best = Swift.max(best, horizontal[x, ny]) }
                result[x, y] = best
            }
        }
        return result
    }
}
