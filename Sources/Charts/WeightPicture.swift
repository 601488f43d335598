/// One unit's (or one filter's) weights laid out as a picture: one `width`×`height` plane per input
/// channel, row-major, drawn side by side.
public struct WeightPicture: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `planes[c]` holds the `width × height` weights the unit gives input channel `c`.
    public var planes: [[Float]]
    /// The text under the picture, e.g. "unit 3".
    public var caption: String

    public init(width: Int, height: Int, planes: [[Float]], caption: String) {
        self.width = width
        self.height = height
        self.planes = planes
        self.caption = caption
    }

    /// True when the dimensions are positive, there is a plane, and each holds `width × height` values.
    public var isValid: Bool {
        guard width > 0, height > 0, !planes.isEmpty else { return false }
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        return !overflow && planes.allSatisfy { $0.count == count }
    }

    /// The largest finite magnitude among the weights (0 when there is none).
    var largestMagnitude: Double {
        planes.joined().reduce(0) { largest, weight in weight.isFinite ? max(largest, Double(abs(weight))) : largest }
    }

    /// The plane as an RGB PNG on the diverging scale −`limit`…`limit`; nil when the picture is invalid.
    func png(plane: Int, limit: Double) -> [UInt8]? {
        guard isValid, planes.indices.contains(plane) else { return nil }
        var rgb: [UInt8] = []
        rgb.reserveCapacity(planes[plane].count * 3)
        for weight in planes[plane] {
            let color = Palette.diverging(Double(weight), limit: limit)
            rgb += [color.red, color.green, color.blue]
        }
        return PNGEncoder.rgb(width: width, height: height, rgb: rgb)
    }
}
