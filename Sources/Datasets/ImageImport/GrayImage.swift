/// A grayscale image of floats (0…255), row-major; the working form of image import.
struct GrayImage: Equatable {
    var width: Int
    var height: Int
    var pixels: [Float]

    init(width: Int, height: Int, pixels: [Float]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(width: Int, height: Int, value: Float = 0) {
        self.init(width: width, height: height, pixels: [Float](repeating: value, count: width * height))
    }

    subscript(x: Int, y: Int) -> Float {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Every pixel mapped through `transform`.
    func map(_ transform: (Float) -> Float) -> GrayImage {
        GrayImage(width: width, height: height, pixels: pixels.map(transform))
    }

    /// The `fraction` quantile (0…1) of `values`, estimated from at most about 8192 of them
    /// taken evenly (plenty for the statistics of an image, and fast).
    static func quantile(_ values: [Float], _ fraction: Float) -> Float {
        guard !values.isEmpty else { return 0 }
        let step = max(1, values.count / 8192)
        let sorted = (step == 1 ? values : Swift.stride(from: 0, to: values.count, by: step).map { values[$0] }).sorted()
        let index = Int((Float(sorted.count - 1) * min(max(fraction, 0), 1)).rounded())
        return sorted[index]
    }

    /// A sample of at most about `limit` pixels spread evenly over the image.
    func sample(limit: Int = 40_000) -> [Float] {
        var stride = max(1, pixels.count / limit)
        // A stride sharing a factor with the width would sample the same few columns in every row.
        while stride > 1 && GrayImage.greatestCommonDivisor(stride, width) != 1 { stride += 1 }
        return Swift.stride(from: 0, to: pixels.count, by: stride).map { pixels[$0] }
    }

    static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }

    /// The rectangle `x..<x+w`, `y..<y+h` (which must lie inside the image).
    func cropped(x: Int, y: Int, width w: Int, height h: Int) -> GrayImage {
        var result = GrayImage(width: w, height: h)
        for row in 0..<h {
            let source = (y + row) * width + x
            result.pixels.replaceSubrange((row * w)..<(row * w + w), with: pixels[source..<(source + w)])
        }
        return result
    }
}
