/// A grayscale image as stored by a dataset: `pixels` row-major, `width × height` of them,
/// 0 = background (drawn white) … 255 = ink (drawn black), like MNIST.
public struct GrayImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// True when the dimensions are positive and `pixels` holds exactly `width × height` values.
    public var isValid: Bool {
        guard width > 0, height > 0 else { return false }
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        return !overflow && count == pixels.count
    }

    /// The image as a PNG file, ink black on white; nil when the image is not valid.
    public func png() -> [UInt8]? {
        guard isValid else { return nil }
        return PNGEncoder.grayscale(width: width, height: height, gray: pixels.map { 255 - $0 })
    }
}
