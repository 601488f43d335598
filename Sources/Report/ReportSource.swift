import Foundation

/// Which notebook a report was made from, recorded in the report itself so that a later run can
/// tell its own report from another notebook's before replacing it.
///
/// The record is `<meta name="folio-source" content="ID">`, inserted by the renderer (a custom
/// template cannot drop it). `ID` identifies the notebook's absolute path without revealing it.
public enum ReportSource {
    static let metaName = "folio-source"

    /// What an existing file at a report's path says about where it came from.
    public enum Origin: Equatable {
        /// A Folio report of the notebook with this identifier.
        case notebook(String)
        /// A Folio report that does not say (an earlier Folio wrote it).
        case unknownNotebook
        /// Not a Folio report (or not readable as one).
        case notAReport
    }

    /// The identifier of the notebook at `path` (made absolute against `currentDirectory`): 16 hex
    /// digits of a 64-bit FNV-1a hash of its standardized absolute path.
    public static func identifier(ofNotebookAt path: String, currentDirectory: URL) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    /// The `<meta>` element recording `identifier`.
    static func meta(_ identifier: String) -> String {
        "<meta name=\"\(metaName)\" content=\"\(identifier)\">"
    }

    /// `html` with the record of `identifier` right after its `<head>` (or first, when it has none).
    static func inserting(_ identifier: String, into html: String) -> String {
        guard let head = HTMLHead.openingTag(in: html) else { return meta(identifier) + "\n" + html }
        return HTMLHead.inserting(meta(identifier), afterHeadAt: head, in: html)
    }

    /// Where the file at `url` came from, judged from its first 64 KB.
    public static func origin(ofFileAt url: URL) -> Origin {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return .notAReport }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 1 << 16) else { return .notAReport }
        let start = String(decoding: data, as: UTF8.self)
        let marker = "<meta name=\"\(metaName)\" content=\""
        if let range = start.range(of: marker) {
            return .notebook(String(start[range.upperBound...].prefix { $0 != "\"" }))
        }
        return start.contains("<meta name=\"generator\" content=\"Folio") ? .unknownNotebook : .notAReport
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
