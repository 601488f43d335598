import Foundation

/// Where a URL written in prose (a link's or an image's) points, as a self-contained report sees it:
/// the report embeds local images, never fetches anything, and links notebooks to their reports.
public enum ProseTarget: Equatable, Sendable {
    /// A file path, relative to the notebook's folder or absolute: percent-decoded, without
    /// `?query` or `#fragment`, which `suffix` keeps as written.
    case local(path: String, suffix: String)
    /// `http:`, `https:`, `//host/…` or any other scheme that names something elsewhere.
    case remote
    /// A `file:` URL, which names a file of the machine that renders, not of the notebook.
    case fileURL
    /// Nothing to fetch: a `#fragment` of the same page, `data:`, `mailto:` or `tel:`.
    case inPlace

    public init(url: String) {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { self = .inPlace; return }
        if trimmed.hasPrefix("//") { self = .remote; return }
        if let scheme = Self.scheme(of: trimmed) {
            switch scheme {
            case "file": self = .fileURL
            case "data", "mailto", "tel": self = .inPlace
            default: self = .remote
            }
            return
        }
        let end = trimmed.firstIndex { $0 == "?" || $0 == "#" } ?? trimmed.endIndex
        let path = String(trimmed[..<end])
        self = .local(path: path.removingPercentEncoding ?? path, suffix: String(trimmed[end...]))
    }

    /// The lowercased scheme of `url` (`https` of `https://…`), or nil when it has none.
    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }
}
