import Foundation
import Notebook
import Runner

/// The values a report template sees. Field names are the template's vocabulary
/// (documented in templates/README.md); every string here is escaped by `{{…}}` in the template,
/// except `html` and `svg`, which Folio produced itself and the template inserts with `{{{…}}}`.
struct ReportView {
    struct Summary {
        var cells: Int
        var ok: Int
        var failed: Int
        var notRun: Int
        var seconds: String
        /// Mustache treats 0 as true, so sections test these instead of the counts.
        var hasFailed: Bool
        var hasNotRun: Bool
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
        var source: String
        var hasSource: Bool
        var outputs: [OutputView]
        var error: ErrorView?
    }
    struct ErrorView {
        var location: String
        var message: String
        var hint: String?
    }
    struct OutputView {
        var isText: Bool
        var text: String
        var isTable: Bool
        var table: TableView?
        var isChart: Bool
        var svg: String
        var caption: String
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
    var notebook: String
    var seed: UInt64
    var generated: String
    var folioVersion: String
    var failed: Bool
    var summary: Summary
    var error: ErrorView?
    var errorAnchor: String
    var css: String
    var blocks: [BlockView]
}

extension ReportView {
    init(record: RunRecord, css: String, version: String, generatedAt: Date) {
        let document = record.document
        title = document.title ?? URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
        notebook = document.path
        seed = document.seed
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        generated = formatter.string(from: generatedAt) + " UTC"
        folioVersion = version
        failed = record.failed
        let results = record.results
        let failedCount = results.filter { $0.status == .error }.count
        let notRunCount = results.filter { $0.status == .notRun }.count
        summary = Summary(cells: results.count, ok: results.filter { $0.status == .ok }.count,
                          failed: failedCount, notRun: notRunCount, seconds: String(format: "%.2f s", record.seconds),
                          hasFailed: failedCount > 0, hasNotRun: notRunCount > 0)
        error = record.error.map(ErrorView.init)
        errorAnchor = results.first { $0.status == .error }.map { "cell-\($0.cell.index)" } ?? ""
        self.css = css
        var resultByIndex: [Int: CellResult] = [:]
        for result in results { resultByIndex[result.cell.index] = result }
        blocks = document.blocks.map { block in
            switch block {
            case .prose(let prose):
                return BlockView(isProse: true, html: ProseRenderer.html(prose.markdown), cell: nil)
            case .cell(let cell):
                let result = resultByIndex[cell.index] ?? CellResult(cell: cell, status: .notRun)
                return BlockView(isProse: false, html: "", cell: CellView(result))
            }
        }
    }
}

extension ReportView.ErrorView {
    init(_ error: RunError) {
        location = error.location.description
        message = error.message
        hint = error.hint
    }
}

extension ReportView.CellView {
    init(_ result: CellResult) {
        index = result.cell.index
        anchor = "cell-\(result.cell.index)"
        directive = result.cell.name
        line = result.cell.location.line
        status = result.status.rawValue.replacingOccurrences(of: "_", with: "-")
        switch result.status {
        case .ok: statusLabel = "ok"
        case .error: statusLabel = "failed"
        case .notRun: statusLabel = "not run"
        }
        seconds = result.status == .notRun ? "" : String(format: "%.2f s", result.seconds)
        source = result.cell.source
        hasSource = !result.cell.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        outputs = result.outputs.map(ReportView.OutputView.init)
        error = result.error.map(ReportView.ErrorView.init)
    }
}

extension ReportView.OutputView {
    init(_ output: Output) {
        self.init(isText: false, text: "", isTable: false, table: nil, isChart: false, svg: "", caption: "")
        switch output {
        case .text(let text):
            isText = true
            self.text = text
        case .table(let table):
            isTable = true
            self.table = ReportView.TableView(table)
        case .chart(let svg, let caption):
            isChart = true
            self.svg = svg
            self.caption = caption
        }
    }
}

extension ReportView.TableView {
    init(_ table: Table) {
        caption = table.caption
        let numeric = table.numericColumns
        header = table.header.enumerated().map { ReportView.CellText(text: $0.element, numeric: numeric.contains($0.offset)) }
        let row = { (cells: [String]) in
            ReportView.RowView(cells: cells.enumerated().map {
                ReportView.CellText(text: $0.element, numeric: numeric.contains($0.offset))
            })
        }
        rows = table.rows.map(row)
        footer = table.footerRows.map(row)
        hasFooter = !table.footerRows.isEmpty
    }
}
