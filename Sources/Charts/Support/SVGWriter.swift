/// Accumulates SVG markup. Coordinates go through `number(_:)`, so no `nan` or `inf` ever reaches an
/// attribute; text goes through `XMLEscape`.
struct SVGWriter {
    private(set) var markup = ""
    /// The smallest `font-size` written so far (nil before any text): what `Readability` needs.
    private(set) var smallestFontSize: Double?

    /// Appends raw, already-safe markup.
    mutating func raw(_ text: String) {
        markup += text
        markup += "\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       extra: String = "", tooltip: String? = nil) {
        let attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" "
            + "height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)"
        if let tooltip {
            raw("<rect \(attributes)><title>\(XMLEscape.escape(tooltip))</title></rect>")
        } else {
            raw("<rect \(attributes)/>")
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       extra: String = "") {
        raw("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(extra.isEmpty ? "" : " " + extra)/>")
    }

    /// A text element; `anchor` is start, middle or end; `rotation` in degrees about (x, y);
    /// `middle` centres it vertically on `y`.
    mutating func text(_ content: String, x: Double, y: Double, size: Double, fill: String = Palette.text,
                       anchor: String = "start", weight: String? = nil, rotation: Double = 0,
                       middle: Bool = false) {
        let attributes = textAttributes(x: x, y: y, size: size, fill: fill, anchor: anchor, weight: weight,
                                        rotation: rotation, middle: middle)
        raw("<text \(attributes)>\(XMLEscape.escape(content))</text>")
    }

    /// Several lines as one text element (one `<tspan>` per line, `lineHeight` ems apart). The first
    /// line's baseline is at `y`; with `middle`, the block of lines is centred vertically on `y`.
    /// One line is drawn exactly as `text(_:…)` draws it.
    mutating func text(lines: [String], x: Double, y: Double, size: Double, fill: String = Palette.text,
                       anchor: String = "start", weight: String? = nil, rotation: Double = 0,
                       middle: Bool = false, lineHeight: Double = 1.15) {
        guard lines.count > 1 else {
            text(lines.first ?? "", x: x, y: y, size: size, fill: fill, anchor: anchor, weight: weight,
                 rotation: rotation, middle: middle)
            return
        }
        let attributes = textAttributes(x: x, y: y, size: size, fill: fill, anchor: anchor, weight: weight,
                                        rotation: rotation, middle: false)
        let first = middle ? 0.35 - lineHeight * Double(lines.count - 1) / 2 : 0
        let spans = lines.enumerated().map { index, line in
            let dy = index == 0 ? first : lineHeight
            return "<tspan x=\"\(Self.number(x))\" dy=\"\(Self.number(dy))em\">\(XMLEscape.escape(line))</tspan>"
        }
        raw("<text \(attributes)>\(spans.joined())</text>")
    }

    private mutating func textAttributes(x: Double, y: Double, size: Double, fill: String, anchor: String,
                                         weight: String?, rotation: Double, middle: Bool) -> String {
        if size.isFinite, size > 0 { smallestFontSize = min(smallestFontSize ?? size, size) }
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" fill=\"\(fill)\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if middle { attributes += " dy=\"0.35em\"" }
        if rotation != 0 {
            attributes += " transform=\"rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))\""
        }
        return attributes
    }

    /// A coordinate or length for an attribute: at most two decimals, trailing zeros trimmed;
    /// non-finite values become 0 (callers skip such points before they get here), and magnitudes
    /// are capped at a million units — far outside any chart, so the drawing looks the same.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (min(max(value, -1e6), 1e6) * 100).rounded()
        let whole = Int(hundredths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let integer = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return magnitude == 0 ? "0" : sign + String(integer) }
        let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(integer) + "." + decimals
    }

}
