/// The rectangle inside the axes where data is drawn, in SVG user units.
struct PlotArea {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }

    /// Opens a nested `<svg>` that clips its content to this area plus `margin` on every side (so
    /// lines and markers on the edge stay whole). Coordinates inside stay those of the outer chart.
    /// It needs no element id, unlike `clipPath`, so many charts can share one HTML page.
    func clipOpen(margin: Double = 6) -> String {
        let box = [left - margin, top - margin, width + 2 * margin, height + 2 * margin].map(SVGWriter.number)
        return "<svg x=\"\(box[0])\" y=\"\(box[1])\" width=\"\(box[2])\" height=\"\(box[3])\" "
            + "viewBox=\"\(box.joined(separator: " "))\" overflow=\"hidden\">"
    }
}
