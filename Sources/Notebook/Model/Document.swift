/// A parsed notebook: its front matter and its blocks in source order.
public struct Document: Sendable {
    /// The notebook's path as given by the user (used in diagnostics).
    public var path: String
    /// `title:` from front matter, else the text of the first level-1 heading, else nil.
    public var title: String?
    /// `seed:` from front matter (default 42).
    public var seed: UInt64
    /// Whether `seed` was written in the front matter or is the default.
    public var seedIsExplicit: Bool
    /// `author:` from front matter; a list of authors is joined with ", ".
    public var author: String?
    /// `date:` from front matter, exactly as written (`2024-05-01`, `today`, …).
    public var date: String?
    /// `description:` from front matter.
    public var description: String?
    public var blocks: [Block]
    /// The line of the first level-1 heading when its text is the title: the report shows the title
    /// in its header and leaves this heading out of the prose, so it is not shown twice.
    public var titleHeadingLine: Int?
    /// The front matter's `params:` with their final values (default, `--params` file or `-p`), in
    /// the order declared.
    public var parameters: [Parameter]
    /// Where the columns of lines that had `{{ name }}` substituted were in the notebook as written.
    /// Locations in `blocks` already point at the text as written; this is for positions found
    /// later in `Prose.markdown`, which holds the substituted text.
    public var columnMap: ColumnMap
    /// Notes found while parsing (e.g. front matter keys Folio does not use), in source order.
    /// They do not stop the notebook from running; the command line prints them.
    public var notes: [Diagnostic]

    public init(path: String, title: String?, seed: UInt64, seedIsExplicit: Bool, blocks: [Block],
                author: String? = nil, date: String? = nil, description: String? = nil, titleHeadingLine: Int? = nil,
                parameters: [Parameter] = [], columnMap: ColumnMap = ColumnMap(), notes: [Diagnostic] = []) {
        self.path = path
        self.title = title
        self.seed = seed
        self.seedIsExplicit = seedIsExplicit
        self.blocks = blocks
        self.author = author
        self.date = date
        self.description = description
        self.titleHeadingLine = titleHeadingLine
        self.parameters = parameters
        self.columnMap = columnMap
        self.notes = notes
    }

    /// The directive cells, in order.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let cell) = $0 { return cell } else { return nil } }
    }
}

/// One piece of a notebook: prose to render, or a directive cell to run.
public enum Block: Sendable {
    case prose(Prose)
    case cell(Cell)
}

/// A run of consecutive Markdown blocks between cells.
public struct Prose: Sendable, Equatable {
    /// The Markdown source of the run as written (front matter excluded), with the parameters'
    /// values in place of their `{{ name }}` (see `Document.columnMap`).
    public var markdown: String
    /// First source line of the run (1-based).
    public var startLine: Int

    public init(markdown: String, startLine: Int) {
        self.markdown = markdown
        self.startLine = startLine
    }
}

/// A fenced block whose info string names a directive.
public struct Cell: Sendable {
    /// 1-based position among the notebook's cells.
    public var index: Int
    /// Where the opening fence starts.
    public var location: SourceLocation
    /// The block's body as written, without its leading `#|` option lines, with the parameters'
    /// values in place of their `{{ name }}` (what runs and what the report shows as the cell's source).
    public var source: String
    public var directive: Directive
    /// How the report shows the cell, from its `#|` option lines.
    public var display: CellDisplay
    /// Where each `key: value` option of the body has its value, by key — so later stages can point
    /// at the option a problem is about (`loss:` of a fit, `scale:` of a preprocess).
    public var optionLocations: [String: SourceLocation]

    public init(index: Int, location: SourceLocation, source: String, directive: Directive,
                display: CellDisplay = CellDisplay(), optionLocations: [String: SourceLocation] = [:]) {
        self.index = index
        self.location = location
        self.source = source
        self.directive = directive
        self.display = display
        self.optionLocations = optionLocations
    }

    /// Where option `key`'s value is written, else the cell's fence.
    public func location(ofOption key: String) -> SourceLocation { optionLocations[key] ?? location }

    /// The directive's name as written in the info string (`load`, `fit`, …).
    public var name: String { directive.name }
}
