import Foundation
import Notebook
import Runner

extension ReportView {
    init(record: RunRecord, css: String, version: String, generatedAt: Date) {
        let document = record.document
        title = document.title ?? URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
        author = document.author ?? ""
        hasAuthor = !author.isEmpty
        date = document.date ?? ""
        hasDate = !date.isEmpty
        hasByline = hasAuthor || hasDate
        description = document.description ?? ""
        hasDescription = !description.isEmpty
        notebook = ReportPath.shown(document.path)
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
        let failure = results.first { $0.status == .error }
        runError = failure.flatMap { result in result.error.map { ErrorView($0, cell: result.cell) } }
        hasRunError = runError != nil
        self.css = css
        var resultByIndex: [Int: CellResult] = [:]
        for result in results { resultByIndex[result.cell.index] = result }
        var rewriter = ProseRewriter(notebookDirectory: ReportPath.folder(of: document.path))
        blocks = document.blocks.map { block in
            switch block {
            case .prose(let prose):
                // The heading that repeats the title, counted from the prose run's first line.
                let omitted = document.titleHeadingLine.map { $0 - prose.startLine + 1 }
                let html = ProseRenderer.html(prose.markdown, omittingHeadingAtLine: omitted, rewriter: &rewriter)
                return BlockView(isProse: true, html: html, cell: nil)
            case .cell(let cell):
                let result = resultByIndex[cell.index] ?? CellResult(cell: cell, status: .notRun)
                return BlockView(isProse: false, html: "", cell: CellView(result))
            }
        }
    }
}

extension ReportView.ErrorView {
    init(_ error: RunError, cell: Cell) {
        var shown = error.location
        shown.file = ReportPath.shown(shown.file)
        location = shown.description
        message = error.message
        hint = error.hint ?? ""
        hasHint = !hint.isEmpty
        anchor = "cell-\(cell.index)"
    }
}

extension ReportView.CellView {
    init(_ result: CellResult) {
        let cell = result.cell
        index = cell.index
        anchor = "cell-\(cell.index)"
        directive = cell.name
        line = cell.location.line
        status = result.status.rawValue.replacingOccurrences(of: "_", with: "-")
        switch result.status {
        case .ok: statusLabel = "ok"
        case .error: statusLabel = "failed"
        case .notRun: statusLabel = "not run"
        }
        seconds = result.status == .notRun ? "" : String(format: "%.2f s", result.seconds)
        cached = result.cached
        source = cell.source
        showSource = cell.display.echo && !cell.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        foldSource = cell.display.codeFold
        outputs = cell.display.output ? result.outputs.map(ReportView.OutputView.init) : []
        showOutputs = !outputs.isEmpty
        cellError = result.error.map { ReportView.ErrorView($0, cell: cell) }
        hasCellError = cellError != nil
    }
}

extension ReportView.OutputView {
    init(_ output: Output) {
        self.init(isText: false, text: "", textHTML: "", isTable: false, table: nil, isChart: false, svg: "", caption: "")
        switch output {
        case .text(let text):
            isText = true
            self.text = text
            textHTML = InlineCode.html(text)
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
