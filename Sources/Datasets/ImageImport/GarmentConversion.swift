/// Fashion-MNIST's own conversion of a product photo (Xiao, Rasul and Vollgraf 2017), made to
/// cope with a phone photo: trim the edges close to the corners' colour (within 5 % of the
/// intensity range), scale the longest side to the frame with area averaging, sharpen lightly
/// (an unsharp mask with a Gaussian of radius and deviation 1), centre on the canvas, negate
/// and store as 8-bit gray.
///
/// Nothing here looks for "ink": a garment is whatever differs from the background.
struct GarmentConversion {
    /// How far from the background's colour a pixel must be to belong to the object (5 % of 255).
    var tolerance: Float = 0.05 * 255
    /// Strength of the unsharp mask (0 = none).
    var sharpenAmount: Float = 0.5
    /// Regions smaller than this fraction of the largest are specks, not part of the object.
    var speckFraction: Float = 0.1

    /// `gray` (0…255, as in the file) → `width × height` bytes; `negate` turns a light background
    /// black, as Fashion-MNIST's step 6 did for its white studio backgrounds.
    func prepare(_ gray: GrayImage, negate: Bool, width: Int, height: Int) throws -> [UInt8] {
        let background = CornerBackground(gray)
        let box = try objectBounds(gray, background: background)
        let crop = gray.cropped(x: box.minX, y: box.minY, width: box.width, height: box.height)
        let scale = Float(min(width, height)) / Float(box.longestSide)
        let scaledWidth = max(1, min(width, Int((Float(box.width) * scale).rounded())))
        let scaledHeight = max(1, min(height, Int((Float(box.height) * scale).rounded())))
        let sharpened = crop.resized(width: scaledWidth, height: scaledHeight).sharpened(amount: sharpenAmount)

        let ground = background.median
        var canvas = GrayImage(width: width, height: height, value: ground)
        let left = (width - scaledWidth) / 2, top = (height - scaledHeight) / 2
        for y in 0..<scaledHeight {
            for x in 0..<scaledWidth { canvas[left + x, top + y] = sharpened[x, y] }
        }
        // Negate, then let the background's own level be black, as the studio white was.
        let black = negate ? 255 - ground : ground
        let range = max(255 - black, 1)
        return canvas.pixels.map { value in
            let turned = negate ? 255 - value : value
            let stretched = black < 250 ? (turned - black) * 255 / range : turned
            return UInt8(min(max(stretched.rounded(), 0), 255))
        }
    }

    /// The box around the pixels (after a 3×3 blur against noise) further than `tolerance` from the
    /// background, leaving out specks; an error when nothing differs.
    func objectBounds(_ gray: GrayImage, background: CornerBackground) throws -> PixelBounds {
        let smooth = gray.boxBlurred()
        var mask = [Bool](repeating: false, count: gray.pixels.count)
        for y in 0..<gray.height {
            for x in 0..<gray.width {
                mask[y * gray.width + x] = abs(smooth[x, y] - background.level(x: x, y: y, width: gray.width, height: gray.height)) > tolerance
            }
        }
        let components = InkComponents.components(of: mask, width: gray.width, height: gray.height)
        let largest = components.map(\.pixels.count).max() ?? 0
        let minimum = max(4, Int(Float(largest) * speckFraction))
        let kept = components.filter { $0.pixels.count >= minimum }.flatMap(\.pixels)
        guard !kept.isEmpty, largest >= max(4, gray.pixels.count / 2000) else { throw DatasetError.noObject }
        return PixelBounds(kept, width: gray.width)
    }
}

/// The colour of a picture's background, taken at its four corners (the median of a small block
/// at each) and blended between them across the picture, so an even lighting gradient stays background.
struct CornerBackground {
    /// Top-left, top-right, bottom-left, bottom-right.
    var corners: [Float]

    init(_ gray: GrayImage) {
        let side = max(1, min(gray.width, gray.height) / 50)
        func block(_ x0: Int, _ y0: Int) -> Float {
            var values: [Float] = []
            for y in y0..<(y0 + side) { for x in x0..<(x0 + side) { values.append(gray[x, y]) } }
            return GrayImage.quantile(values, 0.5)
        }
        let right = gray.width - side, bottom = gray.height - side
        corners = [block(0, 0), block(right, 0), block(0, bottom), block(right, bottom)]
    }

    /// The median of the four corners: the background's one colour.
    var median: Float {
        let sorted = corners.sorted()
        return (sorted[1] + sorted[2]) / 2
    }

    /// The background's colour at pixel (x, y), blended bilinearly from the corners.
    func level(x: Int, y: Int, width: Int, height: Int) -> Float {
        let u = width > 1 ? Float(x) / Float(width - 1) : 0, v = height > 1 ? Float(y) / Float(height - 1) : 0
        let top = corners[0] + (corners[1] - corners[0]) * u
        let bottom = corners[2] + (corners[3] - corners[2]) * u
        return top + (bottom - top) * v
    }
}

extension GrayImage {
    /// Each pixel the mean of the 3×3 square around it (clipped at the edges).
    func boxBlurred() -> GrayImage {
        filtered(weights: [1, 1, 1])
    }

    /// Unsharp mask: each pixel pushed away from a Gaussian blur of radius 1 and deviation 1.
    func sharpened(amount: Float) -> GrayImage {
        guard amount > 0 else { return self }
        let side: Float = 0.6065   // exp(-1 / 2): the Gaussian's weight one pixel from the centre
        let blurred = filtered(weights: [side, 1, side])
        var result = self
        for index in pixels.indices {
            result.pixels[index] = min(max(pixels[index] + amount * (pixels[index] - blurred.pixels[index]), 0), 255)
        }
        return result
    }

    /// A separable 3-tap filter (`weights` left, centre, right), renormalised where it meets the edges.
    private func filtered(weights: [Float]) -> GrayImage {
        func pass(_ image: GrayImage, horizontal: Bool) -> GrayImage {
            var result = image
            for y in 0..<image.height {
                for x in 0..<image.width {
                    var sum: Float = 0, total: Float = 0
                    for offset in -1...1 {
                        let nx = horizontal ? x + offset : x, ny = horizontal ? y : y + offset
                        guard nx >= 0, ny >= 0, nx < image.width, ny < image.height else { continue }
                        sum += image[nx, ny] * weights[offset + 1]
                        total += weights[offset + 1]
                    }
                    result[x, y] = sum / total
                }
            }
            return result
        }
        return pass(pass(self, horizontal: true), horizontal: false)
    }
}
