/// A label broken into at most a few lines that each fit a width — so that a class name such as
/// "Ankle boot" reads as "Ankle" over "boot" instead of being cut to "Ankle b…".
///
/// Lines break after a space, "/" or "-"; a word wider than the width, or text left over after the
/// last allowed line, is truncated with "…" (and `truncated` is set).
struct WrappedText: Equatable {
    /// The lines, top to bottom (at least one, possibly empty).
    let lines: [String]
    /// Whether some text was cut with "…" to fit.
    let truncated: Bool

    init(_ text: String, width: Double, fontSize: Double, maxLines: Int = 2) {
        let limit = max(maxLines, 1)
        var lines: [String] = []
        var current = ""
        for word in WrappedText.words(text) {
            let candidate = current + word
            if current.isEmpty || TextMetrics.width(WrappedText.trimmed(candidate), fontSize: fontSize) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        if lines.count > limit {
            lines = Array(lines.prefix(limit - 1)) + [lines.dropFirst(limit - 1).joined()]
        }
        let fitted = lines.map { TextMetrics.truncated(WrappedText.trimmed($0), toWidth: width, fontSize: fontSize) }
        self.truncated = fitted != lines.map(WrappedText.trimmed)
        self.lines = fitted
    }

    /// The width of the widest line.
    func width(fontSize: Double) -> Double {
        lines.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
    }

    /// `text` cut after each break opportunity (the separators stay at the end of their piece).
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text {
            word.append(character)
            if character == " " || character == "/" || character == "-" {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty || words.isEmpty { words.append(word) }
        return words
    }

    private static func trimmed(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }
}
