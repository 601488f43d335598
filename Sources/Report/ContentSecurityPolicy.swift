import Crypto
import Foundation

/// The Content-Security-Policy every report carries, as a `<meta http-equiv>` that the renderer
/// puts first in `<head>` (a custom template cannot drop it).
///
/// Nothing loads from anywhere: images and fonts only from `data:`, styles only inline. There is no
/// `script-src` unless Folio adds inline scripts of its own; then each one is allowed by its SHA-256
/// hash, so script that reaches the page any other way (through prose, a file name, a template) cannot
/// run. `extraDirectives` carries what a special page needs, such as `connect-src 'self'` for a
/// preview served locally.
public struct ContentSecurityPolicy: Sendable, Equatable {
    /// The policy of a report without scripts.
    public static let baseDirectives = ["default-src 'none'", "img-src data:", "font-src data:", "style-src 'unsafe-inline'"]

    /// The exact text of each inline `<script>` Folio adds to the page, in order.
    public var inlineScripts: [String]
    /// Whole directives appended after the base ones, e.g. `connect-src 'self'`.
    public var extraDirectives: [String]

    public init(inlineScripts: [String] = [], extraDirectives: [String] = []) {
        self.inlineScripts = inlineScripts
        self.extraDirectives = extraDirectives
    }

    /// `'sha256-BASE64'` of `script`'s UTF-8 bytes, as `script-src` names an inline script.
    public static func hashSource(of script: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString() + "'"
    }

    /// The policy text: the base directives, `script-src` with one hash per script (when there are
    /// scripts), then the extra directives.
    public var content: String {
        var directives = Self.baseDirectives
        if !inlineScripts.isEmpty {
            directives.append((["script-src"] + inlineScripts.map(Self.hashSource(of:))).joined(separator: " "))
        }
        directives += extraDirectives
        return directives.joined(separator: "; ")
    }

    /// The `<meta>` element that states the policy (its content escaped for an attribute).
    public var meta: String {
        let escaped = content.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<meta http-equiv=\"Content-Security-Policy\" content=\"\(escaped)\">"
    }

    /// The `<script>` elements for the inline scripts, each exactly the text that was hashed.
    var scriptElements: String {
        inlineScripts.map { "<script>\($0)</script>\n" }.joined()
    }
}
