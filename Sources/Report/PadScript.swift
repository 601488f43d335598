import Crypto
import Foundation

/// Folio's one inline script (templates/pad.js, built in by scripts/embed-templates.sh), which runs
/// the "Try the model" pad.
public enum PadScript {
    /// The script's text exactly as the report embeds it between `<script>` and `</script>`.
    public static let source = BuiltInScript.pad

    /// `sha256-…` of `source` (base64), the source expression a Content-Security-Policy's
    /// `script-src` lists to allow this script and no other.
    public static var sha256: String {
        "sha256-" + Data(SHA256.hash(data: Data(source.utf8))).base64EncodedString()
    }
}
