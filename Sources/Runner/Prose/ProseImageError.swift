/// Why an image of a notebook's prose cannot be embedded in its report. Each names the image as
/// written in the notebook and says what to do; `folio check` reports it at the image.
public enum ProseImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing, a folder, or not readable.
    case unreadable(path: String, reason: String)
    /// The file is over `EmbeddedImage.maximumBytes`.
    case tooLarge(path: String, bytes: Int)
    /// With this image the report's images would be over `EmbeddedImage.maximumReportBytes`.
    case reportTooLarge(path: String, totalBytes: Int)
    /// An SVG file, which can carry scripts.
    case svg(path: String)
    /// Not a PNG, JPEG, GIF or WebP file.
    case notAnImage(path: String)
    /// A `file:` URL.
    case fileURL(url: String)

    public var message: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot embed the image \(path) in the report: \(reason)"
        case .tooLarge(let path, let bytes):
            return "the image \(path) is \(Format.bytes(bytes)), over the \(EmbeddedImage.maximumBytes / 1_048_576) MB an embedded image may have"
        case .reportTooLarge(let path, let total):
            return "with the image \(path) the report would embed \(Format.bytes(total)) of images, over the \(EmbeddedImage.maximumReportBytes / 1_048_576) MB a report may hold"
        case .svg(let path):
            return "the image \(path) is an SVG file, which Folio does not embed: SVG can carry scripts"
        case .notAnImage(let path):
            return "the image \(path) is not a PNG, JPEG, GIF or WebP file"
        case .fileURL(let url):
            return "the image \(url) is a file: URL, which names a file of whatever machine opens the report"
        }
    }

    public var hint: String {
        switch self {
        case .unreadable:
            return "image paths are relative to the notebook's folder, e.g. ![a digit](images/digit.png)"
        case .tooLarge, .reportTooLarge:
            return "scale the image down or save it as JPEG; the report embeds every image it shows"
        case .svg:
            return "convert it to PNG (e.g. `rsvg-convert -o image.png image.svg`)"
        case .notAnImage:
            return "Folio recognises images by their first bytes; save the file as PNG or JPEG"
        case .fileURL:
            return "write the path relative to the notebook's folder, e.g. ![a digit](images/digit.png)"
        }
    }

    public var description: String { "\(message); \(hint)" }
}
