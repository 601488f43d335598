/// The bounds a notebook's Markdown must keep so that cmark-gfm parses it in bounded time
/// (docs/notebook-format.md, "Limits"). cmark-gfm is quadratic in container nesting and in the
/// number of link and image openers (`[`, `![`) of one paragraph; these limits keep `folio check`
/// of any notebook under the size cap well under a second.
public enum MarkdownLimits {
    /// The largest notebook file, in bytes (256 KB: about 60 times each walkthrough; a check of the
    /// densest Markdown of this size takes about half a second).
    public static let maximumSize = 256 << 10
    /// `maximumSize` as messages say it ("256 KB").
    public static var sizeDescription: String { "\(maximumSize >> 10) KB" }
    /// The deepest nesting of lists and block quotes.
    public static let maximumNesting = 100
    /// The most `[` (link, image or footnote openers) in one paragraph.
    public static let maximumOpeners = 1_000
}
