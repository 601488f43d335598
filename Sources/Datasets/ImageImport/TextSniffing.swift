/// Recognises text where an image was expected — typically a web page served for an image URL
/// (a login wall, an error page) — so the error can say so instead of "unknown image type".
enum TextSniffing {
    /// "an HTML page", "text" or nil when `bytes` do not look like text.
    static func kind(of bytes: [UInt8]) -> String? {
        let head = bytes.prefix(512)
        guard !head.isEmpty else { return nil }
        // Text: no NUL and nearly no control bytes other than tab, CR and LF.
        let controls = head.filter { $0 < 0x20 && $0 != 9 && $0 != 10 && $0 != 13 }.count
        guard !head.contains(0), controls * 50 <= head.count else { return nil }
        let start = String(decoding: head.drop { [9, 10, 13, 32, 0xEF, 0xBB, 0xBF].contains($0) }, as: UTF8.self).lowercased()
        let markers = ["<!doctype html", "<html", "<head", "<body", "<!--", "<title"]
        return markers.contains { start.hasPrefix($0) } ? "an HTML page" : "text"
    }
}
