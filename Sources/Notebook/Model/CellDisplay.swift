/// What the report shows of one cell, set with Quarto-style `#| key: value` lines at the top of
/// the cell's body. The cell runs the same whatever these say; `label` only names the model it makes.
public struct CellDisplay: Sendable, Equatable {
    /// `#| echo: false` hides the cell's source.
    public var echo: Bool
    /// `#| output: false` hides the cell's outputs (an error is still shown).
    public var output: Bool
    /// `#| code-fold: true` shows the source folded, to be opened by the reader.
    public var codeFold: Bool
    /// `#| fig-cap: …` captions the cell's figures in the report (nil: each chart's own caption).
    public var figureCaption: String?
    /// `#| label: wide-mlp` names the model a `build` or `load model:` cell makes (nil: "model N").
    public var label: String?

    public init(echo: Bool = true, output: Bool = true, codeFold: Bool = false, figureCaption: String? = nil,
                label: String? = nil) {
        self.echo = echo
        self.output = output
        self.codeFold = codeFold
        self.figureCaption = figureCaption
        self.label = label
    }
}
