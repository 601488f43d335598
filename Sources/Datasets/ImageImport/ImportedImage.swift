/// A picture prepared as model input: MNIST-style light ink on a black background.
public struct ImportedImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Row-major intensities: 0 = background, 255 = ink.
    public var pixels: [UInt8]
    /// Whether the source was inverted (it had dark ink on light paper).
    public var inverted: Bool

    public init(width: Int, height: Int, pixels: [UInt8], inverted: Bool) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.inverted = inverted
    }

    /// The pixels divided by 255, ready to feed a model trained with `scale: 255`.
    public var normalized: [Float] { pixels.map { Float($0) / 255 } }
}

/// Whether to invert a picture's intensities before use (`invert:` in a `predict` cell).
public enum InvertMode: String, Sendable, CaseIterable {
    /// Invert when the picture's border is light, i.e. dark ink on light paper.
    case auto
    /// Always invert: the picture has dark ink on light paper.
    case always = "true"
    /// Never invert: the picture already has light ink on a dark background, like MNIST.
    case never = "false"
}
