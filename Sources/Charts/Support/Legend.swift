/// A horizontal legend that wraps into rows, placed above the plot so it never covers data.
struct Legend {
    /// One entry: a short line swatch in the series' style, then its name.
    struct Item {
        var name: String
        var color: String
        var dashed: Bool
        var marker: Bool
    }

    static let fontSize = 12.0
    static let rowHeight = 18.0
    private static let swatchWidth = 22.0
    private static let gap = 6.0
    private static let spacing = 18.0
    private static let fallbackFontAllowance = 1.12

    /// The items with the position (left end of the swatch, vertical centre) each is drawn at.
    private(set) var placed: [(item: Item, x: Double, y: Double)] = []
    /// The y just below the last row (equal to `top` when there are no items).
    private(set) var bottom: Double

    /// Lays out `items` in rows between `left` and `right`, the first row's top at `top`.
    init(items: [Item], left: Double, right: Double, top: Double) {
        var x = left
        var rowCentre = top + Legend.rowHeight / 2
        let maxName = max(right - left - Legend.swatchWidth - Legend.gap, 20)
        for var item in items {
            item.name = TextMetrics.truncated(item.name, toWidth: maxName, fontSize: Legend.fontSize)
            // Names are measured on Helvetica-like widths; DejaVu Sans, the usual fallback on Linux, is
            // up to about 12% wider, so a long name keeps that much room before the next entry.
            let width = Legend.swatchWidth + Legend.gap + TextMetrics.width(item.name, fontSize: Legend.fontSize) * Legend.fallbackFontAllowance
            if x > left && x + width > right {
                x = left
                rowCentre += Legend.rowHeight
            }
            placed.append((item, x, rowCentre))
            x += width + Legend.spacing
        }
        bottom = placed.isEmpty ? top : rowCentre + Legend.rowHeight / 2
    }

    func draw(into svg: inout SVGWriter) {
        for (item, x, y) in placed {
            svg.line(x1: x, y1: y, x2: x + Legend.swatchWidth, y2: y, stroke: item.color, width: 2,
                     extra: item.dashed ? "stroke-dasharray=\"5 3\"" : "")
            if item.marker {
                svg.raw("<circle cx=\"\(SVGWriter.number(x + Legend.swatchWidth / 2))\" "
                        + "cy=\"\(SVGWriter.number(y))\" r=\"3\" fill=\"\(item.color)\"/>")
            }
            svg.text(item.name, x: x + Legend.swatchWidth + Legend.gap, y: y, size: Legend.fontSize,
                     fill: Palette.text, middle: true)
        }
    }
}
