/// The outer `<svg>` element every chart shares: size and `viewBox`, accessibility (`role="img"`,
/// `aria-label`, `<title>`, `<desc>`), a system font stack the page may override, a themed background
/// (the report's paper colour, white on its own),
/// and a CSS `min-width` below which its smallest text would render under `Readability.minimumFontSize`.
struct SVGDocument {
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    var width: Double
    var height: Double
    /// The accessible name (also the tooltip of the whole chart).
    var title: String
    /// A one-paragraph text alternative: what the chart shows and its key numbers.
    var description: String

    /// The complete SVG with `body` inside.
    func render(_ body: SVGWriter) -> String {
        let w = SVGWriter.number(width), h = SVGWriter.number(height)
        let name = XMLEscape.escape(title)
        let minimum = Readability.minimumDisplayWidth(width: width, smallestFontSize: body.smallestFontSize)
            .map { "min-width:\(SVGWriter.number($0))px;" } ?? ""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"folio-chart\" viewBox=\"0 0 \(w) \(h)\" "
            + "width=\"\(w)\" height=\"\(h)\" style=\"max-width:100%;\(minimum)height:auto\" role=\"img\" "
            + "aria-label=\"\(name)\" font-family=\"\(Self.fontFamily)\" font-size=\"12\">\n"
            + "<title>\(name)</title>\n<desc>\(XMLEscape.escape(description))</desc>\n"
            + "<rect width=\"\(w)\" height=\"\(h)\" fill=\"\(Palette.background)\"/>\n"
            + body.markup
            + "</svg>\n"
    }

    /// A small chart that says "No data" under `title` — for empty or entirely non-finite input.
    static func noData(title: String, kind: String) -> String {
        let heading = title.isEmpty ? kind : title
        let width = max(320, min(640, TextMetrics.width(heading, fontSize: 15) + 32))
        var body = SVGWriter()
        body.rect(x: 0.5, y: 0.5, width: width - 1, height: 95, fill: "none",
                  extra: "stroke=\"\(Palette.grid)\" rx=\"4\"")
        body.text(TextMetrics.truncated(heading, toWidth: width - 32, fontSize: 15), x: 16, y: 30,
                  size: 15, fill: Palette.title, weight: "600")
        body.text("No data", x: width / 2, y: 64, size: 13, fill: Palette.mutedText, anchor: "middle", middle: true)
        return SVGDocument(width: width, height: 96, title: heading, description: "\(kind): no data to show.")
            .render(body)
    }
}
