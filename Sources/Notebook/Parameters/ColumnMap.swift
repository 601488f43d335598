/// Where a column of a line after parameter substitution was in the original line.
///
/// Each substitution replaces a byte range of a line (`{{ epochs }}`, or the `\` of `\{{`) by
/// another (`2`, nothing); a column after it moves by the difference, and a column inside a
/// substituted value is the `{{` that produced it (and the column of a removed `\\` is the `\\`). Lines without substitutions map to themselves,
/// so every diagnostic about substituted text points at the notebook as written.
public struct ColumnMap: Sendable, Equatable {
    /// One replaced range of a line, as 0-based byte offsets.
    struct Replacement: Sendable, Equatable {
        var original: Range<Int>
        var replaced: Range<Int>
    }

    /// By line number, the line's replacements from left to right.
    private var replacements: [Int: [Replacement]] = [:]

    public init() {}

    /// Whether no line has a substitution.
    public var isEmpty: Bool { replacements.isEmpty }

    mutating func record(_ lineReplacements: [Replacement], line: Int) {
        guard !lineReplacements.isEmpty else { return }
        replacements[line] = lineReplacements
    }

    /// The original column (1-based, UTF-8 bytes) of `column` on `line`.
    public func originalColumn(line: Int, column: Int) -> Int {
        guard let list = replacements[line] else { return column }
        let offset = column - 1
        guard let last = list.last(where: { $0.replaced.lowerBound <= offset }) else { return column }
        // Inside a value, or at a removed `\` of `\{{`: the start of what was written there.
        if offset < last.replaced.upperBound || offset == last.replaced.lowerBound { return last.original.lowerBound + 1 }
        return last.original.upperBound + (offset - last.replaced.upperBound) + 1
    }

    /// `location` moved back to the notebook as written.
    public func original(_ location: SourceLocation) -> SourceLocation {
        var moved = location
        moved.column = originalColumn(line: location.line, column: location.column)
        return moved
    }
}
