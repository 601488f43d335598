import Foundation

/// An image of a notebook's prose, read from disk to be embedded in the report as a `data:` URI,
/// so the report stays one self-contained file that fetches nothing.
///
/// Only PNG, JPEG, GIF and WebP are embedded (recognised by their first bytes, not their names):
/// the formats browsers show in an `<img>` and cmark-gfm lets through as `data:image/…` URLs.
/// SVG is refused, since an SVG file can carry scripts; convert it to PNG.
public struct EmbeddedImage: Sendable, Equatable {
    /// The largest image file embedded: 5 MB.
    public static let maximumBytes = 5 * 1_048_576
    /// The most image bytes one report embeds, counting each image each time it appears: 20 MB.
    public static let maximumReportBytes = 20 * 1_048_576

    /// `image/png`, `image/jpeg`, `image/gif` or `image/webp`.
    public var mediaType: String
    public var bytes: Data

    public init(mediaType: String, bytes: Data) {
        self.mediaType = mediaType
        self.bytes = bytes
    }

    /// `data:image/png;base64,…`.
    public var dataURI: String { "data:\(mediaType);base64,\(bytes.base64EncodedString())" }

    /// Reads the image at `path` (as written in the notebook: relative to `notebookDirectory`, or
    /// absolute), refusing what is missing, unreadable, over `maximumBytes` or not an image Folio embeds.
    public static func load(_ path: String, notebookDirectory: URL) throws -> EmbeddedImage {
        let url = NotebookPath.resolve(path, in: notebookDirectory)
        if let problem = NotebookPath.problem(reading: url) { throw ProseImageError.unreadable(path: path, reason: problem) }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > maximumBytes { throw ProseImageError.tooLarge(path: path, bytes: size) }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ProseImageError.unreadable(path: path, reason: "it cannot be opened")
        }
        defer { try? handle.close() }
        let bytes: Data
        do {
            bytes = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw ProseImageError.unreadable(path: path, reason: "reading it failed")
        }
        if bytes.count > maximumBytes { throw ProseImageError.tooLarge(path: path, bytes: bytes.count) }
        guard let mediaType = mediaType(of: bytes) else {
            throw looksLikeSVG(bytes, path: path) ? ProseImageError.svg(path: path) : ProseImageError.notAnImage(path: path)
        }
        return EmbeddedImage(mediaType: mediaType, bytes: bytes)
    }

    /// The media type the first bytes announce, or nil when they are none of the four formats.
    static func mediaType(of bytes: Data) -> String? {
        let head = [UInt8](bytes.prefix(12))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// An `.svg`/`.svgz` name, or text whose start mentions `<svg`.
    private static func looksLikeSVG(_ bytes: Data, path: String) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".svg") || lowered.hasSuffix(".svgz") { return true }
        let start = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return start.contains("<svg")
    }
}
