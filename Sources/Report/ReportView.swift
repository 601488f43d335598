import Foundation
import Notebook
import Runner

/// The values a report template sees. Field names are the template's vocabulary
/// (documented in templates/README.md); every string here is escaped by `{{…}}` in the template,
/// except `css`, `html`, `textHTML`, `svg` and `padHTML`, which Folio produced itself and the template inserts with `{{{…}}}`.
///
/// Mustache looks a name up the whole context stack, and a nil optional counts as "not here", so an
/// optional field of a nested view must not share its name with a field of an enclosing one (a
/// cell without an error would otherwise show the run's error). Sections test the `has…`/`show…`
/// booleans; `ReportTemplateFieldTests` checks the template against these types.
struct ReportView {
    struct Summary {
        var cells: Int
        var ok: Int
        var failed: Int
        var notRun: Int
        var interrupted: Int
        var seconds: String
        /// Mustache treats 0 as true, so sections test these instead of the counts.
        var hasFailed: Bool
        var hasNotRun: Bool
        var hasInterrupted: Bool
    }
    struct BlockView {
        var isProse: Bool
        var html: String
        var cell: CellView?
    }
    struct CellView {
        var index: Int
        var anchor: String
        var directive: String
        var line: Int
        var status: String
        var statusLabel: String
        var seconds: String
        /// The outputs were restored from the cell cache (the header shows a "cached" badge).
        var cached: Bool
        var source: String
        /// There is source and `#| echo` is not false.
        var showSource: Bool
        /// `#| code-fold: true`: the source sits in a closed `<details>`.
        var foldSource: Bool
        /// There are outputs and `#| output` is not false.
        var showOutputs: Bool
        var outputs: [OutputView]
        var hasCellError: Bool
        var cellError: ErrorView?
        /// An interrupted cell: "Interrupted by Ctrl-C during epoch 3 of 100 (after batch 12 of 30)."
        var hasCellInterruption: Bool
        var cellInterruption: String
        /// A cell skipped under `--allow-errors`: which failed cell it depends on.
        var hasSkipNote: Bool
        var skipNote: String
    }
    /// The run was stopped early: by what, and the cell that was running (if one was).
    struct InterruptionView {
        var message: String
        var hasInterruptedCell: Bool
        var interruptedAnchor: String
        var interruptedCell: String
    }
    /// One row of the parameters table: a parameter, its final value as written into the
    /// notebook, and where it came from ("default", "file", "-p").
    struct ParameterView {
        var name: String
        var value: String
        var origin: String
    }
    struct ErrorView {
        var location: String
        var message: String
        var hasHint: Bool
        var hint: String
        /// The anchor of the cell that failed.
        var anchor: String
    }
    struct TOCItem {
        /// 1…3.
        var level: Int
        /// 1 for the highest level present in the contents (so a report of `##` headings is not indented).
        var depth: Int
        var id: String
        var text: String
        /// Shown only once a script reveals what it links to (the pad, hidden with script off).
        var hidden = false
    }
    struct OutputView {
        var isText: Bool
        var text: String
        /// `text` as HTML: escaped, with its backtick spans as `<code>` (inserted with `{{{…}}}`).
        var textHTML: String
        var isTable: Bool
        var table: TableView?
        var isChart: Bool
        var svg: String
        var caption: String
        /// A chart's number in the report (1, 2, …; 0 for other outputs) and its id, `figure-N`.
        var figureNumber: Int
        var figureID: String
    }
    struct TableView {
        var caption: String
        var header: [CellText]
        var rows: [RowView]
        var footer: [RowView]
        var hasFooter: Bool
    }
    struct RowView { var cells: [CellText] }
    struct CellText {
        var text: String
        var numeric: Bool
    }

    var title: String
    var hasAuthor: Bool
    var author: String
    var hasDate: Bool
    var date: String
    /// Author or date: the header's byline line is shown.
    var hasByline: Bool
    var hasDescription: Bool
    var description: String
    var notebook: String
    var seed: UInt64
    var hasParameters: Bool
    var parameters: [ParameterView]
    var generated: String
    var folioVersion: String
    var failed: Bool
    var summary: Summary
    var hasRunError: Bool
    /// "The run stopped with an error." or, under `--allow-errors`, "3 cells failed."
    var runErrorTitle: String
    /// Every failed cell's error, in notebook order.
    var runErrors: [ErrorView]
    var hasInterruption: Bool
    var interruption: InterruptionView?
    var css: String
    var blocks: [BlockView]
    /// The prose headings of levels 1–3 (the title heading left out), and whether there are at
    /// least two of them, so the table of contents is shown.
    var toc: [TOCItem]
    var hasToc: Bool
    /// The renderer adds Folio's own inline scripts (the footer says so instead of "no scripts").
    var hasScripts: Bool
    /// The "Try the model" section (Folio's own HTML, inserted with `{{{…}}}`), or "".
    var padHTML: String
    /// The report carries the pad and so its one script.
    var hasPad: Bool
}
