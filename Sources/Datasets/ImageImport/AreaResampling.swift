/// Resizing by area averaging: each output pixel is the mean of the source area it covers,
/// weighted by exact overlap, so downscaling is anti-aliased (like OpenCV's INTER_AREA).
extension GrayImage {
    func resized(width newWidth: Int, height newHeight: Int) -> GrayImage {
        let columns = AreaResampling.weights(from: width, to: newWidth)
        let rows = AreaResampling.weights(from: height, to: newHeight)
        // Horizontal pass: height × newWidth.
        var horizontal = [Float](repeating: 0, count: height * newWidth)
        for y in 0..<height {
            let row = y * width
            for (x, taps) in columns.enumerated() {
                var sum: Float = 0
                for tap in taps { sum += pixels[row + tap.index] * tap.weight }
                horizontal[y * newWidth + x] = sum
            }
        }
        // Vertical pass: newHeight × newWidth.
        var result = GrayImage(width: newWidth, height: newHeight)
        for (y, taps) in rows.enumerated() {
            for tap in taps {
                let source = tap.index * newWidth
                for x in 0..<newWidth { result.pixels[y * newWidth + x] += horizontal[source + x] * tap.weight }
            }
        }
        return result
    }
}

enum AreaResampling {
    struct Tap { var index: Int; var weight: Float }

    /// For each of `outputCount` cells, the source cells it overlaps and their weights (summing to 1).
    static func weights(from inputCount: Int, to outputCount: Int) -> [[Tap]] {
        let ratio = Double(inputCount) / Double(outputCount)
        return (0..<outputCount).map { out in
            let start = Double(out) * ratio, end = Double(out + 1) * ratio
            var taps: [Tap] = []
            var index = Int(start)
            while Double(index) < end && index < inputCount {
                let overlap = min(end, Double(index + 1)) - max(start, Double(index))
                if overlap > 1e-9 { taps.append(Tap(index: index, weight: Float(overlap / ratio))) }
                index += 1
            }
            return taps
        }
    }
}
