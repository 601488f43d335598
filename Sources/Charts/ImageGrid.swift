import Foundation

/// A grid of small grayscale images (e.g. MNIST digits), each with its caption below.
///
/// Pixels are drawn as stored — 0 black, 255 white — so dataset images and prepared inputs appear
/// as the model sees them (MNIST: white strokes on black). Each image is embedded as a PNG data URI and upscaled with `image-rendering: pixelated`, so the
/// pixels stay crisp squares in Chromium and Firefox. An invalid image (pixel count not
/// `width × height`) is drawn as an empty grey cell; missing captions are blank; long ones are cut
/// with "…" (the full text is the cell's tooltip).
///
/// ```swift
/// let grid = ImageGrid(images: digits, captions: labels.map { "label \($0)" }, columns: 8)
/// ```
public struct ImageGrid: Sendable {
    public var images: [GrayImage]
    /// `captions[i]` goes under `images[i]`.
    public var captions: [String]
    /// Images per row (at least 1).
    public var columns: Int = 10
    /// The side of each image's square cell, in CSS pixels.
    public var cellSize = 56.0
    /// The chart's accessible name, also drawn above the grid when not empty.
    public var title: String = ""
    /// Indices of images to flag (e.g. wrong predictions): a thick red frame and a red caption.
    public var marked: Set<Int> = []

    public init(images: [GrayImage], captions: [String] = [], columns: Int = 10, cellSize: Double = 56,
                title: String = "", marked: Set<Int> = []) {
        self.images = images
        self.captions = captions
        self.columns = columns
        self.cellSize = cellSize
        self.title = title
        self.marked = marked
    }

    /// The colour of a marked image's frame and caption.
    static let markColor = "#D55E00"

    private static let padding = 12.0
    private static let gap = 10.0
    private static let captionSize = 11.0

    /// The chart as a self-contained SVG element.
    public func svg() -> String {
        guard !images.isEmpty else { return SVGDocument.noData(title: title, kind: "Image grid") }
        let padding = ImageGrid.padding, gap = ImageGrid.gap
        let side = cellSize.isFinite ? min(max(cellSize, 8), 512) : 56
        let perRow = min(max(columns, 1), images.count)
        let rowCount = (images.count + perRow - 1) / perRow
        // Captions wrap (a class name such as "Ankle boot" over two lines) before they are cut.
        let wrapped = images.indices.map { index in
            WrappedText(index < captions.count ? captions[index] : "", width: side + gap - 2,
                        fontSize: ImageGrid.captionSize, maxLines: 3)
        }
        let captionLines = Double(max(1, wrapped.map(\.lines.count).max() ?? 1))
        let lineHeight = ImageGrid.captionSize + 2
        let rowHeight = side + 4 + ImageGrid.captionSize + (captionLines - 1) * lineHeight + 3 + gap
        let top = padding + (title.isEmpty ? 0 : 28)
        let gridWidth = Double(perRow) * side + Double(perRow - 1) * gap
        let width = max(2 * padding + gridWidth, 120)
        let height = top + Double(rowCount) * rowHeight - gap + padding

        var svg = SVGWriter()
        if !title.isEmpty {
            svg.text(TextMetrics.truncated(title, toWidth: width - 2 * padding, fontSize: 15), x: padding,
                     y: padding + 12, size: 15, fill: Palette.title, weight: "600")
        }
        for (index, image) in images.enumerated() {
            let x = padding + Double(index % perRow) * (side + gap)
            let y = top + Double(index / perRow) * rowHeight
            let caption = index < captions.count ? captions[index] : ""
            let isMarked = marked.contains(index)
            drawImage(image, caption: caption, marked: isMarked, x: x, y: y, side: side, into: &svg)
            for (line, text) in wrapped[index].lines.enumerated() where !text.isEmpty {
                svg.text(text, x: x + side / 2, y: y + side + 4 + ImageGrid.captionSize + Double(line) * lineHeight,
                         size: ImageGrid.captionSize, fill: isMarked ? ImageGrid.markColor : Palette.text, anchor: "middle",
                         weight: isMarked ? "600" : nil)
            }
        }
        let document = SVGDocument(width: width, height: height, title: title.isEmpty ? "Image grid" : title,
                                   description: description())
        return document.render(svg)
    }

    private func drawImage(_ image: GrayImage, caption: String, marked: Bool, x: Double, y: Double, side: Double,
                           into svg: inout SVGWriter) {
        let box = "x=\"\(SVGWriter.number(x))\" y=\"\(SVGWriter.number(y))\" "
            + "width=\"\(SVGWriter.number(side))\" height=\"\(SVGWriter.number(side))\""
        let tooltip = caption.isEmpty ? "" : "<title>\(XMLEscape.escape(caption))</title>"
        if image.isValid, let png = PNGEncoder.grayscale(width: image.width, height: image.height, gray: image.pixels) {
            svg.raw("<image \(box) href=\"data:image/png;base64,\(Data(png).base64EncodedString())\" "
                    + "preserveAspectRatio=\"xMidYMid meet\" "
                    + "style=\"image-rendering:crisp-edges;image-rendering:pixelated\">\(tooltip)</image>")
        } else {
            svg.raw("<rect \(box) fill=\"\(Palette.panel)\">\(tooltip.isEmpty ? "<title>invalid image</title>" : tooltip)</rect>")
        }
        let frame = marked ? "stroke=\"\(ImageGrid.markColor)\" stroke-width=\"3\"" : "stroke=\"\(Palette.imageFrame)\""
        svg.rect(x: x - 0.5, y: y - 0.5, width: side + 1, height: side + 1, fill: "none", extra: frame)
    }

    private func description() -> String {
        let sizes = Set(images.map { "\($0.width)×\($0.height)" }).sorted()
        var text = "Grid of \(images.count) image\(images.count == 1 ? "" : "s") (\(sizes.joined(separator: ", ")) pixels, "
            + "0 drawn black and 255 white)."
        if !marked.isEmpty { text += " \(marked.count) marked." }
        let shown = captions.prefix(images.count).prefix(100)
        if shown.contains(where: { !$0.isEmpty }) {
            text += " Captions: " + shown.joined(separator: "; ") + (images.count > 100 ? "; …" : "") + "."
        }
        return text
    }
}
