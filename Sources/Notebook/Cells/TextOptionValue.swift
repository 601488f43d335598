/// The value of a `#|` option that takes text (`fig-cap`, `label`): one line of visible text, trimmed,
/// not empty, without control characters, no longer than its key allows.
enum TextOptionValue {
    /// Bidirectional embeddings, overrides and isolates: in a legend they could make one name read as another.
    static let directionControls: ClosedRange<UInt32> = 0x202A...0x202E
    static let directionIsolates: ClosedRange<UInt32> = 0x2066...0x2069

    /// The text, or nil after a diagnostic at the value. `needs` says what an empty value lacks
    /// ("a caption"); `hint` shows a good value.
    static func read(_ option: OptionLine, needs: String, maximumLength: Int, refusingDirectionControls: Bool = false,
                     hint: String, diagnostics: inout DiagnosticCollector) -> String? {
        let key = option.key.text
        let text = option.value.text.trimmingCharacters(in: .whitespaces)
        let problem: String?
        if text.isEmpty {
            problem = "'\(key)' needs \(needs), got nothing"
        } else if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problem = "'\(key)' must be plain text without control characters"
        } else if refusingDirectionControls,
                  text.unicodeScalars.contains(where: { directionControls.contains($0.value) || directionIsolates.contains($0.value) }) {
            problem = "'\(key)' must not contain characters that change the text's direction (U+202A…U+202E, U+2066…U+2069)"
        } else if text.count > maximumLength {
            problem = "'\(key)' is \(text.count) characters long; the most is \(maximumLength)"
        } else {
            problem = nil
        }
        guard let problem else { return text }
        diagnostics.error(line: option.line, column: option.value.column, problem, hint: hint)
        return nil
    }
}
