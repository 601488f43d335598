/// Where the parts of an opening fence line are, counted on the original line (cmark only gives
/// the block's line and a decoded info string).
struct OpeningFence {
    /// Column of the first fence character.
    var fenceColumn: Int
    /// Column where the info string starts (just past the fence when there is none).
    var infoColumn: Int
    /// Column of the info string's second word, if it has one.
    var secondWordColumn: Int?

    init(line: [UInt8], character: UInt8) {
        let fenceStart = LineScanner.skipSpaces(line, from: 0)
        var index = fenceStart
        while index < line.count, line[index] == character { index += 1 }
        let infoStart = LineScanner.skipSpaces(line, from: index)
        index = infoStart
        while index < line.count, !ASCII.isSpaceOrTab(line[index]) { index += 1 }
        let second = LineScanner.skipSpaces(line, from: index)
        fenceColumn = fenceStart + 1
        infoColumn = infoStart + 1
        secondWordColumn = second < line.count ? second + 1 : nil
    }

    /// Whether `line` closes a block opened by `length` × `character`: up to three spaces, at
    /// least as many fence characters, then nothing but spaces and tabs (CommonMark's rule).
    static func isClosingFence(_ line: [UInt8], character: UInt8, length: Int) -> Bool {
        var index = 0
        while index < line.count, index < 3, line[index] == ASCII.space { index += 1 }
        let runStart = index
        while index < line.count, line[index] == character { index += 1 }
        guard index - runStart >= max(length, 3) else { return false }
        return line[index...].allSatisfy(ASCII.isSpaceOrTab)
    }
}
