/// How small chart text may get on screen. A chart's SVG scales with its box (`viewBox`), so on a
/// phone its text shrinks with it; every chart therefore carries a CSS `min-width` at which its
/// smallest text still renders at `minimumFontSize` pixels, and scrolls inside its box below that.
enum Readability {
    /// The smallest text size, in CSS pixels, a reader should ever be shown.
    static let minimumFontSize = 9.0

    /// The narrowest a chart `width` units wide may be displayed so that text drawn at
    /// `smallestFontSize` units still renders at `minimumFontSize` pixels (rounded up to a pixel);
    /// nil when the chart has no text or the sizes are not usable.
    static func minimumDisplayWidth(width: Double, smallestFontSize: Double?) -> Double? {
        guard let smallest = smallestFontSize, smallest > 0, smallest.isFinite, width.isFinite, width > 0 else {
            return nil
        }
        return (width * minimumFontSize / smallest).rounded(.up)
    }
}
