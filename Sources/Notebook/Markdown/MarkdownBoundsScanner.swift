/// A cheap line scan, run before cmark-gfm sees the text, for the shapes cmark-gfm takes quadratic
/// time on: lists and block quotes nested deeper than `MarkdownLimits.maximumNesting`, and more than
/// `MarkdownLimits.maximumOpeners` `[` in one paragraph.
///
/// It errs on the side of counting: container markers are matched roughly as CommonMark does
/// (a `>`, or `-` `*` `+` `1.` `1)` followed by a space), lazy continuation lines keep what is open,
/// and a paragraph runs to the next blank line or
/// list item or block quote marker. Lines inside top-level fences are skipped.
struct MarkdownBoundsScanner {
    /// A problem found: where, and what to say.
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    private enum Container: Equatable {
        case quote
        /// A list item and the column (0-based) its content starts at.
        case item(contentColumn: Int)
    }

    private let maximumNesting: Int
    private let maximumOpeners: Int

    init(maximumNesting: Int = MarkdownLimits.maximumNesting, maximumOpeners: Int = MarkdownLimits.maximumOpeners) {
        self.maximumNesting = maximumNesting
        self.maximumOpeners = maximumOpeners
    }

    /// The first problem in `text` from line `firstLine` on, or nil.
    func firstProblem(in text: SourceText, from firstLine: Int) -> Finding? {
        var open: [Container] = []
        var previousBlank = true
        var fence: (character: UInt8, length: Int)?
        var openers = 0
        var paragraphStart = (line: 0, column: 0)
        var line = firstLine
        while line <= text.lineCount {
            defer { line += 1 }
            let bytes = text.line(line)
            if let current = fence {
                if Self.fence(in: bytes, from: 0).map({ $0.character == current.character && $0.length >= current.length }) == true {
                    fence = nil
                }
                continue
            }
            if text.isBlank(line) {
                previousBlank = true
                openers = 0
                continue
            }
            var cursor = LineCursor(bytes: bytes)
            let matched = match(open, on: &cursor)
            var opened: [(Container, Int)] = []
            while let (container, column) = Self.openMarker(on: &cursor) { opened.append((container, column)) }
            if !opened.isEmpty || previousBlank { open.removeLast(open.count - matched) }
            // A new list item or block quote starts a new paragraph (cmark parses inlines per paragraph).
            if !opened.isEmpty { openers = 0 }
            for (container, column) in opened {
                open.append(container)
                if open.count > maximumNesting {
                    return Finding(line: line, column: column + 1,
                                   message: "lists and block quotes are nested more than \(maximumNesting) deep here",
                                   hint: "Folio refuses deeper nesting (docs/notebook-format.md, Limits); flatten the list")
                }
            }
            previousBlank = false
            if open.isEmpty, let started = Self.fence(in: bytes, from: 0) {
                fence = started
                openers = 0
                continue
            }
            for index in cursor.index..<bytes.count where bytes[index] == UInt8(ascii: "[") {
                if index > 0, bytes[index - 1] == UInt8(ascii: "\\") { continue }
                if openers == 0 { paragraphStart = (line, index + 1) }
                openers += 1
                if openers > maximumOpeners {
                    return Finding(line: line, column: index + 1,
                                   message: "more than \(maximumOpeners) link or image openers ('[') in one paragraph "
                                       + "(it starts at line \(paragraphStart.line))",
                                   hint: "Folio refuses more (docs/notebook-format.md, Limits); split the paragraph with blank lines")
                }
            }
        }
        return nil
    }

    /// How many of `open` the line continues, moving `cursor` past their markers and indentation.
    private func match(_ open: [Container], on cursor: inout LineCursor) -> Int {
        var count = 0
        for container in open {
            switch container {
            case .quote:
                var probe = cursor
                probe.skipSpaces(upTo: 3)
                guard probe.peek == UInt8(ascii: ">") else { return count }
                probe.advance()
                probe.skipSpaces(upTo: 1)
                cursor = probe
            case .item(let contentColumn):
                var probe = cursor
                probe.skipSpaces(upTo: contentColumn - cursor.column)
                guard probe.column >= contentColumn else { return count }
                cursor = probe
            }
            count += 1
        }
        return count
    }

    /// A block quote or list item marker at `cursor` (after up to three spaces), with its 0-based byte column.
    private static func openMarker(on cursor: inout LineCursor) -> (Container, Int)? {
        var probe = cursor
        probe.skipSpaces(upTo: 3)
        let column = probe.index
        guard let byte = probe.peek else { return nil }
        if byte == UInt8(ascii: ">") {
            probe.advance()
            probe.skipSpaces(upTo: 1)
            cursor = probe
            return (.quote, column)
        }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            probe.advance()
        } else if (0x30...0x39).contains(byte) {
            var digits = 0
            while let next = probe.peek, (0x30...0x39).contains(next), digits < 9 { probe.advance(); digits += 1 }
            guard probe.peek == UInt8(ascii: ".") || probe.peek == UInt8(ascii: ")") else { return nil }
            probe.advance()
        } else {
            return nil
        }
        guard probe.peek == nil || probe.peek == ASCII.space || probe.peek == ASCII.tab else { return nil }
        let afterMarker = probe.column
        probe.skipSpaces(upTo: 4)
        let content = probe.peek == nil || probe.column - afterMarker > 4 ? afterMarker + 1 : probe.column
        cursor = probe
        return (.item(contentColumn: content), column)
    }

    /// The fence (``` or ~~~, three or more) opening at byte `index` of `bytes` after up to three spaces.
    private static func fence(in bytes: [UInt8], from index: Int) -> (character: UInt8, length: Int)? {
        var position = index
        while position < bytes.count, position - index < 3, bytes[position] == ASCII.space { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "`") || bytes[position] == UInt8(ascii: "~") else { return nil }
        let character = bytes[position]
        var length = 0
        while position < bytes.count, bytes[position] == character { position += 1; length += 1 }
        return length >= 3 ? (character, length) : nil
    }
}

/// A position in one line's bytes with its column (tabs advance to the next multiple of four).
private struct LineCursor {
    let bytes: [UInt8]
    var index = 0
    var column = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() {
        column = peek == ASCII.tab ? (column / 4 + 1) * 4 : column + 1
        index += 1
    }

    /// Skips spaces and tabs while the column stays within `count` of where it started.
    mutating func skipSpaces(upTo count: Int) {
        let limit = column + max(count, 0)
        while let byte = peek, byte == ASCII.space || byte == ASCII.tab {
            let next = byte == ASCII.tab ? (column / 4 + 1) * 4 : column + 1
            guard next <= limit else { return }
            advance()
        }
    }
}
