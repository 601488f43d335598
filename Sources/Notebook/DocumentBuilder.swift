import Foundation

/// Builds one `Document` from a notebook's text: front matter, then cmark-gfm's top-level blocks,
/// split into prose runs and directive cells, with the parameters' values in place of their
/// `{{ name }}`. Problems go to `diagnostics`, at the text as written.
struct DocumentBuilder {
    let text: SourceText
    let overrides: ParameterOverrides
    /// `text` with the parameters substituted (the same lines; only prose and cell bodies change).
    private var substituted: SourceText
    private var columnMap = ColumnMap()
    private var linesWithUnknownNames = Set<Int>()
    private(set) var diagnostics: DiagnosticCollector
    private var blocks: [Block] = []
    /// The first line not yet assigned to a block.
    private var cursor = 1
    private var cellCount = 0
    private var modelLabels = ModelLabels()

    init(text: SourceText, overrides: ParameterOverrides = .none) {
        self.text = text
        self.overrides = overrides
        substituted = text
        diagnostics = DiagnosticCollector(path: text.path)
    }

    /// The document, or nil when it could not be built at all (the reason is in `diagnostics`).
    mutating func build() -> Document? {
        reportNULs()
        let matter = FrontMatter.read(text, diagnostics: &diagnostics)
        guard withinLimits(from: matter.lastLine + 1) else { return nil }
        // Front matter lines become blank lines, so cmark's line numbers are the file's.
        let markdown = [UInt8](repeating: ASCII.newline, count: matter.lastLine)
            + text.bytes[text.offset(afterLine: matter.lastLine)...]
        guard let outline = MarkdownOutline.read(markdown) else {
            diagnostics.error(line: 1, column: 1, "the Markdown parser could not start (out of memory?)")
            return nil
        }
        let resolver = ParameterResolver(declarations: matter.parameters, parametersLocation: matter.parametersLocation,
                                         notebookPath: text.path)
        let parameters = resolver.resolve(overrides, diagnostics: &diagnostics)
        // Cells come from the text as written; the title from a heading with its values in place.
        let headings = substitute(parameters, outline: outline, afterLine: matter.lastLine) ?? outline
        cursor = matter.lastLine + 1
        for block in outline.blocks {
            guard let fence = block.fence else { continue }
            let kind = FenceKind(info: fence.info)
            guard kind != .code else { continue }
            addProse(before: block.startLine)
            addCell(block, fence: fence, kind: kind)
            cursor = block.endLine + 1
        }
        addProse(before: text.lineCount + 1)
        let heading = headings.blocks.lazy.filter { $0.levelOneHeading?.isEmpty == false }.first
        let title = matter.title ?? heading?.levelOneHeading
        let repeatsTitle = heading.map { $0.levelOneHeading == title?.trimmingCharacters(in: .whitespaces) } ?? false
        return Document(path: text.path, title: title, seed: matter.seed,
                        seedIsExplicit: matter.seedIsExplicit, blocks: blocks,
                        author: matter.author, date: matter.date, description: matter.description,
                        titleHeadingLine: repeatsTitle ? heading?.startLine : nil,
                        parameters: parameters, columnMap: columnMap)
    }

    // MARK: - Parameters

    /// Substitutes the parameters in prose (outside code and HTML blocks) and in cell bodies. Returns the
    /// outline of the substituted prose when it changed (for its headings), else nil.
    private mutating func substitute(_ parameters: [Parameter], outline: MarkdownOutline, afterLine first: Int) -> MarkdownOutline? {
        let growthLimit = max(0, MarkdownLimits.maximumSize - text.bytes.count)
        var substitution = ParameterSubstitution(parameters: parameters, growthLimit: growthLimit)
        var code = Set<Int>()
        for range in outline.literalBlockLines { code.formUnion(range) }
        var block: [(number: Int, bytes: [UInt8])] = []
        for number in (first + 1)..<(text.lineCount + 2) {
            if number <= text.lineCount, !code.contains(number), !text.isBlank(number) {
                block.append((number, text.line(number)))
            } else if !block.isEmpty {
                substitution.substituteProse(block, diagnostics: &diagnostics)
                block = []
            }
        }
        let proseLines = substitution.lines
        for fenced in outline.blocks where fenced.fence.map({ FenceKind(info: $0.info) != .code }) ?? false {
            guard fenced.endLine > fenced.startLine else { continue }
            for number in (fenced.startLine + 1)...min(fenced.endLine, text.lineCount) {
                substitution.substituteCellLine(text.line(number), line: number, diagnostics: &diagnostics)
            }
        }
        substituted = text.replacingLines(substitution.lines)
        columnMap = substitution.columnMap
        linesWithUnknownNames = substitution.linesWithUnknownNames
        guard !proseLines.isEmpty else { return nil }
        let proseText = text.replacingLines(proseLines)
        let markdown = [UInt8](repeating: ASCII.newline, count: first) + proseText.bytes[proseText.offset(afterLine: first)...]
        return MarkdownOutline.read(markdown)
    }

    // MARK: - Blocks

    /// Adds the lines from `cursor` up to `line` as one prose run, without leading and
    /// trailing blank lines (nothing when they are all blank).
    private mutating func addProse(before line: Int) {
        var first = cursor
        var last = min(line, text.lineCount + 1) - 1
        while first <= last, text.isBlank(first) { first += 1 }
        while last >= first, text.isBlank(last) { last -= 1 }
        guard first <= last else { return }
        blocks.append(.prose(Prose(markdown: substituted.text(lines: first, through: last), startLine: first)))
    }

    private mutating func addCell(_ block: MarkdownOutline.Block, fence: MarkdownOutline.Fence, kind: FenceKind) {
        let opening = OpeningFence(line: text.line(block.startLine), character: fence.character)
        let fenceLocation = text.location(line: block.startLine, column: opening.fenceColumn)
        guard case .directive(let name, let extraWords) = kind else {
            if case .unknown(let word) = kind { reportUnknownDirective(word, at: block.startLine, column: opening.infoColumn) }
            return
        }
        cellCount += 1
        if extraWords {
            diagnostics.error(line: block.startLine, column: opening.secondWordColumn ?? opening.infoColumn,
                              "unexpected text after the directive name '\(name)'",
                              hint: "put options in the cell body as `key: value` lines")
        }
        let closed = block.endLine > block.startLine
            && OpeningFence.isClosingFence(text.line(block.endLine), character: fence.character, length: fence.length)
        let bodyEnd = min(closed ? block.endLine - 1 : block.endLine, text.lineCount)
        // The grammars read the substituted lines; what they report is moved back to the text as written.
        let lines = bodyEnd > block.startLine
            ? (block.startLine + 1...bodyEnd).map { CellBody.Line(number: $0, bytes: substituted.line($0)) }
            : []
        let body = CellBody(name: name, fence: fenceLocation, lines: lines)
        var cellDiagnostics = DiagnosticCollector(path: text.path)
        defer {
            let shown = cellDiagnostics.all.filter { !linesWithUnknownNames.contains($0.location.line) }
            diagnostics.append(shown.map { relocated($0) })
        }
        let options = DisplayOptionsGrammar.read(body, diagnostics: &cellDiagnostics)
        let reportedBefore = cellDiagnostics.count
        guard let directive = DirectiveGrammar.parse(body, diagnostics: &cellDiagnostics) else {
            if cellDiagnostics.count == reportedBefore {
                cellDiagnostics.error(at: fenceLocation, "this version of Folio cannot run '\(name)' cells")
            }
            return
        }
        guard !extraWords else { return }
        if directive.makesModel { modelLabels.countModelCell() }
        if let label = options.display.label, let location = options.labelLocation {
            modelLabels.check(label, at: location, directive: directive, diagnostics: &cellDiagnostics)
        }
        // The source the report shows starts after the `#|` lines and the blank lines below them.
        var sourceStart = (options.lastOptionLine ?? block.startLine) + 1
        while sourceStart <= bodyEnd, options.lastOptionLine != nil, text.isBlank(sourceStart) { sourceStart += 1 }
        let source = bodyEnd >= sourceStart ? substituted.text(lines: sourceStart, through: bodyEnd) : ""
        let map = columnMap
        blocks.append(.cell(Cell(index: cellCount, location: fenceLocation, source: source,
                                 directive: directive.relocated(map.original), display: options.display,
                                 optionLocations: body.optionValueLocations.mapValues(map.original))))
    }

    private func relocated(_ diagnostic: Diagnostic) -> Diagnostic {
        var moved = diagnostic
        moved.location = columnMap.original(diagnostic.location)
        return moved
    }

    // MARK: - Diagnostics

    private mutating func reportUnknownDirective(_ word: String, at line: Int, column: Int) {
        diagnostics.error(line: line, column: column,
                          "unknown directive '\(word)'" + Suggestion.didYouMean(word, among: Directive.allNames),
                          hint: "directives are \(Directive.allNames.joined(separator: ", ")); to show code that is not "
                              + "a directive, fence it with a language name such as ```python or ```text")
    }

    /// Whether the text keeps `MarkdownLimits` (else a diagnostic says where it does not): cmark-gfm
    /// must not see text it would take quadratic time on.
    private mutating func withinLimits(from line: Int) -> Bool {
        if text.bytes.count > MarkdownLimits.maximumSize {
            let position = text.position(ofOffset: MarkdownLimits.maximumSize)
            diagnostics.error(line: position.line, column: position.column,
                              "the notebook is larger than \(MarkdownLimits.sizeDescription) (it passes the limit here)",
                              hint: "split it into smaller notebooks (docs/notebook-format.md, Limits)")
            return false
        }
        guard let finding = MarkdownBoundsScanner().firstProblem(in: text, from: line) else { return true }
        diagnostics.error(line: finding.line, column: finding.column, finding.message, hint: finding.hint)
        return false
    }

    /// One diagnostic per line holding a NUL byte (cmark would silently replace it).
    private mutating func reportNULs() {
        var lastLine = 0
        for (offset, byte) in text.bytes.enumerated() where byte == ASCII.nul {
            let position = text.position(ofOffset: offset)
            guard position.line != lastLine else { continue }
            lastLine = position.line
            diagnostics.error(line: position.line, column: position.column, "the notebook contains a NUL byte",
                              hint: "this looks like a binary file; a notebook is UTF-8 Markdown text")
        }
    }
}
