/// One thing a cell shows in the report, in the order the cell produced it.
public enum Output: Sendable, Equatable, Codable {
    /// A short paragraph of plain text.
    case text(String)
    /// A table with a header row.
    case table(Table)
    /// An inline SVG chart, produced by the `Charts` module, with a caption for screen readers and print.
    case chart(svg: String, caption: String)
}

/// A small table of text cells, e.g. a model summary or per-epoch metrics.
public struct Table: Sendable, Equatable, Codable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    /// Rows after this many are a footer (totals), drawn apart.
    public var footerRows: [[String]]
    /// Columns whose cells are numbers (right-aligned).
    public var numericColumns: Set<Int>

    public init(caption: String, header: [String], rows: [[String]], footerRows: [[String]] = [],
                numericColumns: Set<Int> = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.footerRows = footerRows
        self.numericColumns = numericColumns
    }
}
