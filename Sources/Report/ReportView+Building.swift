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
        parameters = document.parameters.map {
            ParameterView(name: $0.name, value: $0.value.text, origin: $0.source.rawValue)
        }
        hasParameters = !parameters.isEmpty
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        generated = formatter.string(from: generatedAt) + " UTC"
        folioVersion = version
        failed = record.failed
        let results = record.results
        let failedCount = results.filter { $0.status == .error }.count
        let notRunCount = results.filter { $0.status == .notRun }.count
        let interruptedCount = results.filter { $0.status == .interrupted }.count
        summary = Summary(cells: results.count, ok: results.filter { $0.status == .ok }.count,
                          failed: failedCount, notRun: notRunCount, interrupted: interruptedCount,
                          seconds: String(format: "%.2f s", record.seconds),
                          hasFailed: failedCount > 0, hasNotRun: notRunCount > 0, hasInterrupted: interruptedCount > 0)
        runErrors = results.compactMap { result in result.error.map { ErrorView($0, cell: result.cell) } }
        hasRunError = !runErrors.isEmpty
        runErrorTitle = runErrors.count > 1 ? "\(runErrors.count) cells failed." : "The run stopped with an error."
        if runErrors.count == 1, let failed = results.firstIndex(where: { $0.status == .error }),
           results[(failed + 1)...].contains(where: { $0.status == .ok }) {
            runErrorTitle = "A cell failed; the cells that did not depend on it ran."
        }
        interruption = record.interruption.map { interruption in
            let cell = results.first { $0.status == .interrupted }?.cell
            return InterruptionView(message: interruption.message, hasInterruptedCell: cell != nil,
                                    interruptedAnchor: cell.map { "cell-\($0.index)" } ?? "",
                                    interruptedCell: cell.map { "[\($0.index)] \($0.name), line \($0.location.line)" } ?? "")
        }
        hasInterruption = interruption != nil
        self.css = css
        hasScripts = false
        // With several models, the pad says which one it runs: the last, the session's model at the end.
        padHTML = PadSection.html(record.pad, modelName: record.models.count > 1 ? record.models.last?.name : nil)
        if case .drawable? = record.pad { hasPad = !padHTML.isEmpty } else { hasPad = false }
        var resultByIndex: [Int: CellResult] = [:]
        for result in results { resultByIndex[result.cell.index] = result }
        var rewriter = ProseRewriter(notebookDirectory: ReportPath.folder(of: document.path))
        var slugger = HeadingSlugger()
        var figures = 0
        var passage = 0
        var contents: [TOCItem] = []
        let footnotes = Footnotes(passages: document.blocks.compactMap { if case .prose(let prose) = $0 { return prose.markdown } else { return nil } })
        blocks = document.blocks.map { block in
            switch block {
            case .prose(let prose):
                // The heading that repeats the title, counted from the prose run's first line.
                let omitted = document.titleHeadingLine.map { $0 - prose.startLine + 1 }
                passage += 1
                let markdown = footnotes.markdown(prose.markdown, passage: passage - 1)
                let rendered = ProseRenderer.html(markdown, omittingHeadingAtLine: omitted, rewriter: &rewriter)
                let anchored = HeadingAnchors.decorate(Footnotes.uniqueIDs(rendered, passage: passage), slugger: &slugger)
                contents += anchored.toc.map { TOCItem(level: $0.level, depth: $0.level, id: $0.id, text: $0.text) }
                return BlockView(isProse: true, html: anchored.html, cell: nil)
            case .cell(let cell):
                let result = resultByIndex[cell.index] ?? CellResult(cell: cell, status: .notRun)
                return BlockView(isProse: false, html: "", cell: CellView(result, figures: &figures))
            }
        }
        if hasPad {
            contents.append(TOCItem(level: 2, depth: 2, id: PadSection.id, text: PadSection.title, hidden: true))
        }
        let top = contents.map(\.level).min() ?? 1
        toc = contents.map { item in
            var item = item
            item.depth = item.level - top + 1
            return item
        }
        hasToc = contents.count >= 2
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
    /// `figures`: the charts numbered so far in the report; this cell's shown charts continue the count.
    init(_ result: CellResult, figures: inout Int) {
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
        case .interrupted: statusLabel = "interrupted"
        }
        seconds = result.status == .notRun ? "" : String(format: "%.2f s", result.seconds)
        cached = result.cached
        source = cell.source
        showSource = cell.display.echo && !cell.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        foldSource = cell.display.codeFold
        let shown = cell.display.output ? result.outputs : []
        let charts = shown.filter { if case .chart = $0 { return true } else { return false } }.count
        outputs = shown.map { output in
            guard case .chart(_, let caption) = output else { return ReportView.OutputView(output) }
            figures += 1
            let written = FigureCaption.text(default: caption, figureCaption: cell.display.figureCaption, chartsInCell: charts)
            return ReportView.OutputView(output).numbered(figures, caption: written)
        }
        showOutputs = !outputs.isEmpty
        cellError = result.error.map { ReportView.ErrorView($0, cell: cell) }
        hasCellError = cellError != nil
        cellInterruption = result.interruption?.message ?? ""
        hasCellInterruption = !cellInterruption.isEmpty
        skipNote = result.note ?? ""
        hasSkipNote = !skipNote.isEmpty
    }
}

extension ReportView.OutputView {
    init(_ output: Output) {
        self.init(isText: false, text: "", textHTML: "", isTable: false, table: nil, isChart: false, svg: "", caption: "",
                  figureNumber: 0, figureID: "")
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

    /// This chart as figure `number` of the report, captioned `caption`.
    func numbered(_ number: Int, caption: String) -> Self {
        var figure = self
        figure.figureNumber = number
        figure.figureID = "figure-\(number)"
        figure.caption = caption
        return figure
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
