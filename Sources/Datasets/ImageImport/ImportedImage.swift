/// A picture prepared as model input: MNIST-style light ink on a black background.
public struct ImportedImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Row-major intensities: 0 = background, 255 = ink.
    public var pixels: [UInt8]
    /// Whether the source was inverted (it had dark ink on light paper).
    public var inverted: Bool
    /// The picture as it was in the file, shrunk for showing beside the prepared one.
    public var preview: Preview

    public init(width: Int, height: Int, pixels: [UInt8], inverted: Bool,
                preview: Preview = Preview(width: 0, height: 0, pixels: [])) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.inverted = inverted
        self.preview = preview
    }

    /// A small gray copy of the original picture (longest side at most 112 pixels), colours as in the file.
    public struct Preview: Sendable, Equatable {
        /// The longest side a preview is shrunk to.
        public static let longestSide = 112
        public var width: Int
        public var height: Int
        /// Row-major gray levels, 0 = black, as in the file.
        public var pixels: [UInt8]

        public init(width: Int, height: Int, pixels: [UInt8]) {
            self.width = width
            self.height = height
            self.pixels = pixels
        }

        init(_ image: GrayImage) {
            self.init(width: image.width, height: image.height,
                      pixels: image.pixels.map { UInt8(min(max($0.rounded(), 0), 255)) })
        }
    }

    /// The pixels divided by 255, ready to feed a model trained with `scale: 255`.
    public var normalized: [Float] { pixels.map { Float($0) / 255 } }
}

/// How a picture becomes model input (`center:` in a `predict` cell picks one).
public enum ImagePreparation: String, Sendable, CaseIterable {
    /// MNIST's centring of a handwritten digit: ink cropped, longest side 20 px, centre of mass in the middle.
    case digit
    /// Fashion-MNIST's conversion of a product photo: edges trimmed, longest side 28 px, sharpened, centred, negated.
    case garment
    /// The whole picture resized to the model's input, nothing cropped or centred.
    case resize
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
