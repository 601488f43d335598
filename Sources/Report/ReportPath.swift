import Foundation

/// How a report names its notebook: as the user wrote the path when it is relative, else by its
/// file name alone — a report never shows an absolute path of the machine that ran it.
enum ReportPath {
    static func shown(_ path: String) -> String {
        path.hasPrefix("/") || path.hasPrefix("~") ? URL(fileURLWithPath: path).lastPathComponent : path
    }

    /// The notebook's folder, which its image paths are relative to.
    static func folder(of notebookPath: String) -> URL {
        URL(fileURLWithPath: (notebookPath as NSString).expandingTildeInPath).standardizedFileURL.deletingLastPathComponent()
    }
}
