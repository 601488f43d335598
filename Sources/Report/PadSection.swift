import Foundation
import Runner

/// The report's "Try the model" section: a drawing pad that runs the run's final model in the page.
///
/// The section is `hidden` until `templates/pad.js` reveals it, so with script off the report shows
/// only a `<noscript>` line. The architecture goes in a JSON data block and the weights (float32,
/// little-endian, base64) in an `application/octet-stream` block: neither is ever executed. The
/// script that runs the pad, `PadScript.source`, is added by `ReportRenderer` with the others it
/// allows by their hashes in the report's Content-Security-Policy.
enum PadSection {
    /// The section's id, reserved from headings (`HeadingSlugger.isReserved`), and its heading.
    static let id = "try-the-model"
    static let title = "Try the model"

    /// The section's HTML for `pad`, or "" without one; a model too large to embed gets a one-line note.
    /// `modelName` names the model the pad runs when the notebook made several.
    static func html(_ pad: PadModel?, modelName: String? = nil) -> String {
        switch pad {
        case nil:
            return ""
        case .tooLarge(let bytes)?:
            return "<p class=\"pad-note\">No drawing pad for this model: its weights take "
                + String(format: "%.1f MB", Double(bytes) / 1_000_000)
                + ", more than the 1 MB a report embeds.</p>\n"
        case .drawable(let model)?:
            guard let architecture = try? model.architectureJSON() else { return "" }
            return section(model, name: modelName) + """
            <noscript><p class="pad-note">This report can run its model on a digit you draw; that needs JavaScript.</p></noscript>
            <script type="application/json" id="folio-pad-model">\(architecture)</script>
            <script type="application/octet-stream" id="folio-pad-weights">\(model.weightsBase64)</script>

            """
        }
    }

    private static func section(_ model: DrawableModel, name: String?) -> String {
        let runs = name.map { "the run's last model, <strong>\(HTMLEscape.escape($0))</strong>," } ?? "this run's trained model"
        let thing = model.preparation == "garment" ? "a piece of clothing" : "a digit"
        let bars = model.classNames.enumerated().map { index, name in
            "<li class=\"pad-class\" data-class=\"\(index)\"><span class=\"pad-name\">\(HTMLEscape.escape(name))</span>"
                + "<span class=\"pad-bar\"><span class=\"pad-fill\"></span></span><span class=\"pad-percent\">–</span></li>"
        }.joined(separator: "\n")
        return """
        <section class="pad" id="\(id)" hidden>
        <h2>\(title)</h2>
        <p>Draw \(thing) in the square with a mouse, a finger or a pen. The page prepares your drawing as \
        <code>predict</code> prepares a picture, shows the 28 × 28 image the model sees, and runs \
        \(runs) on it as you draw.</p>
        <div class="pad-body">
        <div class="pad-draw">
        <canvas id="folio-pad-canvas" width="256" height="256" aria-label="Drawing pad: draw \(thing) here"></canvas>
        <button type="button" id="folio-pad-clear">Clear</button>
        </div>
        <figure class="pad-seen"><canvas id="folio-pad-seen" width="28" height="28"></canvas>\
        <figcaption>What the model sees (28 × 28)</figcaption></figure>
        <ol class="pad-bars" id="folio-pad-bars" aria-live="polite">
        \(bars)
        </ol>
        </div>
        </section>

        """
    }
}
