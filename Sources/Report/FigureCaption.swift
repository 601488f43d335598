/// A figure's caption in the report: the chart's own caption, or the cell's `#| fig-cap`.
///
/// A cell with one chart shows `fig-cap` alone; a cell with several (a `plot` of two metrics, a
/// `predict`) shows `fig-cap — ` before each chart's own caption, so every figure still says what it is.
enum FigureCaption {
    static func text(default caption: String, figureCaption: String?, chartsInCell: Int) -> String {
        guard let figureCaption, !figureCaption.isEmpty else { return caption }
        return chartsInCell > 1 ? "\(figureCaption) — \(caption)" : figureCaption
    }
}
