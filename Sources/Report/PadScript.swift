/// Folio's one inline script (templates/pad.js, built in by scripts/embed-templates.sh), which runs
/// the "Try the model" pad.
public enum PadScript {
    /// The script's text exactly as the report embeds it between `<script>` and `</script>`.
    public static let source = BuiltInScript.pad

    /// `sha256-…` of `source` (base64): the hash the report's policy lists in `script-src` for this
    /// script (`ContentSecurityPolicy.hashSource`, without its quotes).
    public static var sha256: String {
        String(ContentSecurityPolicy.hashSource(of: source).dropFirst().dropLast())
    }
}
