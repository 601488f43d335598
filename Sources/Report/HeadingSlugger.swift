import Foundation

/// GitHub-style ids for a report's prose headings, unique across the whole report.
///
/// The text is lower-cased; letters and digits of any script, `-` and `_` are kept, spaces become
/// `-`, everything else is dropped ("Über die Daten!" → `über-die-daten`). A repeat gets `-1`, `-2`, …
/// in order. An id that could collide with one Folio gives its own elements (`cell-N`, `figure-N`,
/// `fn-…`, `fnref-…`, `contents`, `contents-title`, the pad's `try-the-model` and `folio-…`) is prefixed with `section-`; a heading with no letters or digits is
/// `section`.
struct HeadingSlugger {
    private var used: Set<String> = []

    /// A fresh id for a heading whose plain text is `text`.
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = 0
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        used.insert(candidate)
        return candidate
    }

    /// The slug of `text`, before duplicates are told apart.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased().unicodeScalars {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_"
                        || CharacterSet.letters.contains(character) || CharacterSet.decimalDigits.contains(character)
                        || CharacterSet.nonBaseCharacters.contains(character) {
                slug.unicodeScalars.append(character)
            }
        }
        if slug.isEmpty || slug.allSatisfy({ $0 == "-" || $0 == "_" }) { return "section" }
        return isReserved(slug) ? "section-" + slug : slug
    }

    /// Whether Folio may give `id` to one of its own elements.
    static func isReserved(_ id: String) -> Bool {
        if id == "contents" || id == "contents-title" || id == PadSection.id { return true }
        if id.hasPrefix("fn-") || id.hasPrefix("fnref-") || id.hasPrefix("folio-") { return true }
        for prefix in ["cell-", "figure-"] where id.hasPrefix(prefix) {
            let rest = id.dropFirst(prefix.count)
            if !rest.isEmpty && rest.allSatisfy(\.isASCII) && rest.first?.isNumber == true { return true }
        }
        return false
    }
}
