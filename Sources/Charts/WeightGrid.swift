import Foundation

/// What a layer learned: each unit's (or filter's) weights as a small picture on one diverging
/// scale — blue negative, near-white zero, red positive — with one symmetric range shared by every
/// picture (±the largest magnitude shown), so pictures compare with each other. A colour bar under
/// the grid gives the range. Each plane is a PNG data URI scaled up with `image-rendering: pixelated`;
/// an invalid picture is an empty grey box.
///
/// ```swift
/// let grid = WeightGrid(title: "First layer's weights", pictures: units, note: "first 64 of 128 units")
/// ```
public struct WeightGrid: Sendable {
    public var title: String
    public var pictures: [WeightPicture]
    /// The side of one plane on screen, in CSS pixels.
    public var planeSize: Double
    /// Drawn under the colour bar when not empty (e.g. "first 64 of 512 units").
    public var note: String

    public init(title: String, pictures: [WeightPicture], planeSize: Double = 40, note: String = "") {
        self.title = title
        self.pictures = pictures
        self.planeSize = planeSize
        self.note = note
    }

    /// The shared range: the largest finite magnitude among all pictures.
    public var limit: Double { pictures.map(\.largestMagnitude).max() ?? 0 }

    static let padding = 12.0
    static let gap = 10.0
    static let planeGap = 3.0
    static let captionSize = 11.0
    static let targetWidth = 420.0
    static let barWidth = 180.0
    static let barHeight = 10.0

    /// The chart as a self-contained SVG element.
    public func svg() -> String {
        guard !pictures.isEmpty else { return SVGDocument.noData(title: title, kind: "Weights") }
        let padding = Self.padding, gap = Self.gap
        let side = planeSize.isFinite ? min(max(planeSize, 8), 256) : 40
        let planes = max(1, pictures.map(\.planes.count).max() ?? 1)
        let cellWidth = Double(planes) * side + Double(planes - 1) * Self.planeGap
        // As many per row as fit the target width, then evened out over the rows that takes: 10 units
        // are two rows of 5 (narrow enough for a phone), not 8 and 2.
        let widest = min(max(1, Int((Self.targetWidth - 2 * padding + gap) / (cellWidth + gap))), pictures.count)
        let rows = (pictures.count + widest - 1) / widest
        let perRow = (pictures.count + rows - 1) / rows
        let rowHeight = side + 4 + Self.captionSize + 3 + gap
        let top = padding + (title.isEmpty ? 0 : 28)
        let gridWidth = Double(perRow) * cellWidth + Double(perRow - 1) * gap
        let width = max(2 * padding + gridWidth, 2 * padding + Self.barWidth + 80)
        let barTop = top + Double(rows) * rowHeight + 4
        let height = barTop + Self.barHeight + 16 + (note.isEmpty ? 0 : 16) + padding
        let limit = self.limit

        var svg = SVGWriter()
        if !title.isEmpty {
            svg.text(TextMetrics.truncated(title, toWidth: width - 2 * padding, fontSize: 15), x: padding,
                     y: padding + 12, size: 15, fill: Palette.title, weight: "600")
        }
        for (index, picture) in pictures.enumerated() {
            let x = padding + Double(index % perRow) * (cellWidth + gap)
            let y = top + Double(index / perRow) * rowHeight
            draw(picture, x: x, y: y, side: side, limit: limit, into: &svg)
            svg.text(TextMetrics.truncated(picture.caption, toWidth: cellWidth + gap - 2, fontSize: Self.captionSize),
                     x: x + cellWidth / 2, y: y + side + 4 + Self.captionSize, size: Self.captionSize, anchor: "middle")
        }
        drawColorBar(x: padding, y: barTop, limit: limit, into: &svg)
        if !note.isEmpty {
            svg.text(TextMetrics.truncated(note, toWidth: width - 2 * padding, fontSize: Self.captionSize), x: padding,
                     y: barTop + Self.barHeight + 30, size: Self.captionSize, fill: Palette.mutedText)
        }
        let document = SVGDocument(width: width, height: height, title: title.isEmpty ? "Weights" : title,
                                   description: description(limit: limit))
        return document.render(svg)
    }

    private func draw(_ picture: WeightPicture, x: Double, y: Double, side: Double, limit: Double,
                      into svg: inout SVGWriter) {
        let range = picture.largestMagnitude
        let tooltip = "<title>\(XMLEscape.escape(picture.caption)): largest weight magnitude \(NumberFormat.compact(range))</title>"
        for plane in 0..<max(picture.planes.count, 1) {
            let planeX = x + Double(plane) * (side + Self.planeGap)
            let box = "x=\"\(SVGWriter.number(planeX))\" y=\"\(SVGWriter.number(y))\" "
                + "width=\"\(SVGWriter.number(side))\" height=\"\(SVGWriter.number(side))\""
            if let png = picture.png(plane: plane, limit: limit) {
                svg.raw("<image \(box) href=\"data:image/png;base64,\(Data(png).base64EncodedString())\" "
                        + "preserveAspectRatio=\"none\" "
                        + "style=\"image-rendering:crisp-edges;image-rendering:pixelated\">\(tooltip)</image>")
            } else {
                svg.raw("<rect \(box) fill=\"\(Palette.panel)\"><title>invalid weights</title></rect>")
            }
            svg.rect(x: planeX - 0.5, y: y - 0.5, width: side + 1, height: side + 1, fill: "none",
                     extra: "stroke=\"\(Palette.imageFrame)\"")
        }
    }

    /// A horizontal bar from −limit (blue) through 0 to +limit (red), labelled at both ends and the middle.
    private func drawColorBar(x: Double, y: Double, limit: Double, into svg: inout SVGWriter) {
        let steps = 32, stepWidth = Self.barWidth / Double(steps)
        for step in 0..<steps {
            let value = (-1 + 2 * (Double(step) + 0.5) / Double(steps)) * limit
            svg.rect(x: x + Double(step) * stepWidth, y: y, width: stepWidth + 0.5, height: Self.barHeight,
                     fill: Palette.diverging(value, limit: limit).hex)
        }
        svg.rect(x: x, y: y, width: Self.barWidth, height: Self.barHeight, fill: "none",
                 extra: "stroke=\"\(Palette.imageFrame)\"")
        let labelY = y + Self.barHeight + 13
        svg.text(NumberFormat.compact(-limit), x: x, y: labelY, size: 10, fill: Palette.mutedText)
        svg.text("0", x: x + Self.barWidth / 2, y: labelY, size: 10, fill: Palette.mutedText, anchor: "middle")
        svg.text(NumberFormat.compact(limit), x: x + Self.barWidth, y: labelY, size: 10, fill: Palette.mutedText, anchor: "end")
        svg.text("weight", x: x + Self.barWidth + 8, y: y + Self.barHeight / 2, size: 11, fill: Palette.mutedText, middle: true)
    }

    private func description(limit: Double) -> String {
        let sizes = Set(pictures.map { "\($0.width)×\($0.height)" + ($0.planes.count > 1 ? "×\($0.planes.count)" : "") }).sorted()
        var text = "\(pictures.count) weight picture\(pictures.count == 1 ? "" : "s") (\(sizes.joined(separator: ", "))), "
            + "blue negative, white zero, red positive, on one range from \(NumberFormat.compact(-limit)) to \(NumberFormat.compact(limit))."
        if !note.isEmpty { text += " " + note + "." }
        return text
    }
}
