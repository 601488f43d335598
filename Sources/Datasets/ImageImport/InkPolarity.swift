/// Telling dark ink on light paper from light strokes on a dark ground (MNIST's own look).
enum InkPolarity {
    /// Whether the marks are darker than their ground: after fitting the smoothly lit ground,
    /// the pixels furthest from it lie below it rather than above.
    ///
    /// Only the inner 80% of each side is looked at, so shadows and paper edges along the
    /// border do not count as marks; a fitted ground, not a fixed 128, copes with grey paper,
    /// dim photos and lighting gradients.
    static func isDarkOnLight(_ image: GrayImage) -> Bool {
        let marginX = image.width / 10, marginY = image.height / 10
        let inner = image.cropped(x: marginX, y: marginY, width: image.width - 2 * marginX, height: image.height - 2 * marginY)
        let ground = PaperBackground(fitting: inner, inkIsDark: false)
        let stride = max(1, inner.pixels.count / 10_000)
        var residuals: [Float] = []
        for index in Swift.stride(from: 0, to: inner.pixels.count, by: stride) {
            residuals.append(inner.pixels[index] - ground.level(x: index % inner.width, y: index / inner.width))
        }
        return -GrayImage.quantile(residuals, 0.005) > GrayImage.quantile(residuals, 0.995)
    }
}
