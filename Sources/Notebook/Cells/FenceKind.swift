/// What a top-level fenced code block is, judged by the first word of its info string.
enum FenceKind: Equatable {
    /// No info string, or a language / plain-text word: Markdown to show as code.
    case code
    /// A directive cell; `extraWords` says whether the info string goes on after the name.
    case directive(name: String, extraWords: Bool)
    /// Neither a directive nor a known language: most likely a misspelt directive.
    case unknown(word: String)

    init(info: String) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first.map(String.init) else {
            self = .code
            return
        }
        if Directive.allNames.contains(first) {
            self = .directive(name: first, extraWords: words.count > 1)
        } else if CodeLanguages.contains(first) {
            self = .code
        } else {
            self = .unknown(word: first)
        }
    }
}
