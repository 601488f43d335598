/// Info-string words that mark a fenced block as code to show (prose), not a directive:
/// programming languages, shells, data formats and plain-text words.
///
/// A fence whose first info word is neither a directive nor one of these is an error, so that a
/// misspelt directive (` ```fti `) is caught instead of being silently shown as code.
enum CodeLanguages {
    static let names: Set<String> = [
        // Plain text and terminal output
        "text", "txt", "plain", "plaintext", "output", "out", "log", "none", "nohighlight", "console",
        "terminal", "ansi", "pseudo", "pseudocode",
        // Shells
        "bash", "sh", "shell", "zsh", "fish", "ksh", "shell-session", "sh-session", "shellsession",
        "powershell", "ps1", "pwsh", "bat", "batch", "cmd",
        // Python and notebooks
        "python", "python3", "py", "py3", "ipython", "ipython3", "pycon", "pytb", "cython", "ipynb",
        // Data and configuration formats
        "json", "jsonc", "json5", "jsonl", "yaml", "yml", "toml", "ini", "cfg", "conf", "properties", "env",
        "dotenv", "csv", "tsv", "xml", "protobuf", "proto", "graphql", "gql",
        // Web
        "html", "htm", "xhtml", "css", "scss", "sass", "less", "svg", "js", "javascript", "jsx", "mjs", "cjs",
        "ts", "typescript", "tsx", "node", "php", "http", "wasm",
        // Compiled and other general-purpose languages
        "swift", "objc", "objective-c", "objectivec", "c", "h", "cpp", "c++", "cxx", "cc", "hpp", "cs", "csharp",
        "c#", "java", "kotlin", "kt", "scala", "groovy", "go", "golang", "rust", "rs", "zig", "nim", "d",
        "dart", "fortran", "f90", "pascal", "ada", "cobol", "asm", "nasm", "assembly", "llvm", "cuda", "glsl",
        "hlsl", "metal", "ruby", "rb", "perl", "pl", "lua", "tcl", "vb", "vbnet",
        // Scientific and statistical
        "r", "julia", "jl", "matlab", "octave", "m", "mathematica", "wolfram", "sas", "stata", "sql", "mysql",
        "postgresql", "psql", "sqlite", "plsql",
        // Functional
        "haskell", "hs", "ocaml", "ml", "fsharp", "f#", "elixir", "ex", "exs", "erlang", "erl", "clojure",
        "clj", "lisp", "elisp", "emacs-lisp", "scheme", "racket", "elm", "purescript", "idris", "agda", "lean",
        "coq", "prolog",
        // Build, tooling and diffs
        "diff", "patch", "make", "makefile", "cmake", "dockerfile", "docker", "nginx", "apache", "vim",
        "viml", "regex", "git", "gitignore", "nix", "hcl", "terraform", "tf",
        // Documents, maths and diagrams
        "markdown", "md", "gfm", "rst", "asciidoc", "adoc", "org", "tex", "latex", "bibtex", "math", "katex",
        "mathjax", "mermaid", "dot", "graphviz", "plantuml", "ascii",
    ]

    /// Whether `word` (an info string's first word) names code to show. Letter case does not
    /// matter, and Pandoc-style braces and dots (`{python}`, `{.python}`) are ignored.
    static func contains(_ word: String) -> Bool {
        var name = word.lowercased()
        if let brace = name.dropFirst().firstIndex(where: { $0 == "{" || $0 == "," }) { name = String(name[..<brace]) }
        name = String(name.drop { $0 == "{" || $0 == "." })
        while let last = name.last, last == "}" { name.removeLast() }
        if name.hasPrefix("language-") { name = String(name.dropFirst("language-".count)) }
        return names.contains(name)
    }
}
