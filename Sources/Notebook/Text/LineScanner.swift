/// Small scans over one line's bytes. Indices are 0-based offsets into the line;
/// the column of index `i` is `i + 1`.
enum LineScanner {
    /// The first index at or after `start` that is not a space or tab.
    static func skipSpaces(_ line: [UInt8], from start: Int) -> Int {
        var index = start
        while index < line.count, ASCII.isSpaceOrTab(line[index]) { index += 1 }
        return index
    }

    /// Whether the line is blank or a whole-line `# comment`.
    static func isBlankOrComment(_ line: [UInt8]) -> Bool {
        let first = skipSpaces(line, from: 0)
        return first == line.count || line[first] == ASCII.hash
    }

    /// The end of the meaningful text in `line[start...]`: a `#` at `start` or after a space or
    /// tab starts a comment, and trailing spaces and tabs do not count.
    static func contentEnd(_ line: [UInt8], from start: Int) -> Int {
        var end = line.count
        var index = start
        while index < line.count {
            if line[index] == ASCII.hash, index == start || ASCII.isSpaceOrTab(line[index - 1]) {
                end = index
                break
            }
            index += 1
        }
        while end > start, ASCII.isSpaceOrTab(line[end - 1]) { end -= 1 }
        return end
    }

    /// The words of `line[start..<end]`, separated by spaces and tabs.
    static func words(_ line: [UInt8], from start: Int, to end: Int) -> [Token] {
        var tokens: [Token] = []
        var index = start
        while index < end {
            index = skipSpaces(line, from: index)
            guard index < end else { break }
            let wordStart = index
            while index < end, !ASCII.isSpaceOrTab(line[index]) { index += 1 }
            tokens.append(Token(line[wordStart..<index], column: wordStart + 1))
        }
        return tokens
    }

    /// The pieces of `line[start..<end]` between commas, trimmed; empty pieces are left out.
    static func commaSeparated(_ line: [UInt8], from start: Int, to end: Int) -> [Token] {
        var tokens: [Token] = []
        var pieceStart = start
        var index = start
        while index <= end {
            if index == end || line[index] == ASCII.comma {
                var low = skipSpaces(line, from: pieceStart)
                low = min(low, index)
                var high = index
                while high > low, ASCII.isSpaceOrTab(line[high - 1]) { high -= 1 }
                if low < high { tokens.append(Token(line[low..<high], column: low + 1)) }
                pieceStart = index + 1
            }
            index += 1
        }
        return tokens
    }
}
