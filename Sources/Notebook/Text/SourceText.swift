/// A notebook's text as UTF-8 bytes split into lines, so that every stage can point at an exact
/// line and column. Lines end at `\n`, `\r\n` or a lone `\r`, as in cmark-gfm, so line numbers agree.
struct SourceText {
    /// The notebook's path, used in every `SourceLocation`.
    let path: String
    let bytes: [UInt8]
    /// For each line (index 0 is line 1): the byte range of its content, terminator excluded.
    private let contentRanges: [Range<Int>]
    /// For each line: the offset just past its terminator (or the end of the text).
    private let lineEnds: [Int]

    init(bytes: [UInt8], path: String) {
        self.path = path
        self.bytes = bytes
        var contents: [Range<Int>] = []
        var ends: [Int] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.newline || byte == ASCII.carriageReturn {
                contents.append(start..<index)
                let crlf = byte == ASCII.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == ASCII.newline
                index += crlf ? 2 : 1
                ends.append(index)
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count {
            contents.append(start..<bytes.count)
            ends.append(bytes.count)
        }
        contentRanges = contents
        lineEnds = ends
    }

    /// How many lines the text has (a final line terminator does not start a new line).
    var lineCount: Int { contentRanges.count }

    /// The bytes of line `number` (1-based) without its terminator; empty past the end.
    func line(_ number: Int) -> [UInt8] {
        guard number >= 1, number <= lineCount else { return [] }
        return Array(bytes[contentRanges[number - 1]])
    }

    /// Whether line `number` holds nothing but spaces and tabs.
    func isBlank(_ number: Int) -> Bool {
        guard number >= 1, number <= lineCount else { return true }
        return bytes[contentRanges[number - 1]].allSatisfy(ASCII.isSpaceOrTab)
    }

    /// The exact text of lines `first...last`, terminators included.
    func text(lines first: Int, through last: Int) -> String {
        let low = max(first, 1)
        let high = min(last, lineCount)
        guard low <= high else { return "" }
        let slice = bytes[contentRanges[low - 1].lowerBound..<lineEnds[high - 1]]
        return String(decoding: slice, as: UTF8.self)
    }

    /// Offset of the first byte after line `number`'s terminator (0 for line 0).
    func offset(afterLine number: Int) -> Int {
        guard number >= 1 else { return 0 }
        return lineEnds[min(number, lineCount) - 1]
    }

    /// Line and column (both 1-based, the column in UTF-8 bytes) of byte `offset`.
    func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineCount
        while low < high {
            let middle = (low + high) / 2
            if lineEnds[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < lineCount else { return (lineCount + 1, 1) }
        return (low + 1, offset - contentRanges[low].lowerBound + 1)
    }

    /// A location in this text.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// This text with some lines' contents replaced (by line number), line terminators kept, so
    /// line numbers stay the same.
    func replacingLines(_ replaced: [Int: [UInt8]]) -> SourceText {
        guard !replaced.isEmpty else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for index in 0..<lineCount {
            result += replaced[index + 1] ?? Array(bytes[contentRanges[index]])
            result += bytes[contentRanges[index].upperBound..<lineEnds[index]]
        }
        return SourceText(bytes: result, path: path)
    }
}
