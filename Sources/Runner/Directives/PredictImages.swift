import Foundation
import Datasets

/// The pictures a `predict` cell names: one file or URL, or every image in a folder, or the files a
/// glob matches (wildcards `*`, `?`, `[…]` in the file name only), sorted by name.
struct PredictImages {
    /// At most this many images per `predict` cell.
    static let limit = 1_000
    /// File name endings read as images (any case).
    static let extensions: Set<String> = ["png", "jpg", "jpeg", "bmp", "gif"]

    /// One picture: the reference as the notebook would write it, and its file when local.
    struct Item: Equatable {
        var reference: String
        var url: URL?
    }

    var items: [Item]
    /// Whether `image:` named a folder or a glob (a grid of results) rather than one picture.
    var isCollection: Bool

    /// Why `image:` names no usable pictures.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case emptyFolder(String)
        case noMatch(String)
        case missingFolder(pattern: String, folder: String)
        case wildcardInFolder(String)
        case tooMany(reference: String, count: Int)

        var description: String {
            switch self {
            case .emptyFolder(let folder):
                return "the folder '\(folder)' holds no PNG, JPEG, BMP or GIF image"
            case .noMatch(let pattern):
                return "no image file matches '\(pattern)'"
            case .missingFolder(let pattern, let folder):
                return "no image file matches '\(pattern)': the folder '\(folder)' does not exist"
            case .wildcardInFolder(let pattern):
                return "'\(pattern)' has wildcards in a folder name; only the file name may hold *, ? or […]"
            case .tooMany(let reference, let count):
                return "'\(reference)' names \(count) images, over the limit of \(PredictImages.limit.formatted()) for one predict cell"
            }
        }

        var hint: String {
            switch self {
            case .tooMany: return "split the images over several folders or narrow the glob, e.g. images/drawn/a*.png"
            default: return "`image:` is an image file, a folder of images, or a glob such as images/drawn/*.png, relative to the notebook's folder"
            }
        }
    }

    /// Whether a reference is a glob rather than a plain path.
    static func isGlob(_ reference: String) -> Bool {
        !isURL(reference) && reference.contains { "*?[".contains($0) }
    }

    static func isURL(_ reference: String) -> Bool {
        let lowered = reference.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    /// The pictures `reference` names; a single file is returned unchecked (reading it reports its problems).
    static func select(_ reference: String, relativeTo base: URL) throws -> PredictImages {
        guard let url = ImageImport.localURL(for: reference, relativeTo: base) else {
            return PredictImages(items: [Item(reference: reference, url: nil)], isCollection: false)
        }
        let prefix = reference == "." || reference == "./" ? "" : reference.hasSuffix("/") ? reference : reference + "/"
        if isGlob(reference) {
            let folder = url.deletingLastPathComponent(), pattern = url.lastPathComponent
            guard !isGlob(folder.path) else { throw Problem.wildcardInFolder(reference) }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw Problem.missingFolder(pattern: reference, folder: folder.path)
            }
            let folderReference = reference.lastIndex(of: "/").map { String(reference[...$0]) } ?? ""
            let names = try imageNames(in: folder).filter { fnmatch(pattern, $0, 0) == 0 }
            guard !names.isEmpty else { throw Problem.noMatch(reference) }
            return try collection(names.map { Item(reference: folderReference + $0, url: folder.appendingPathComponent($0)) }, reference)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            return PredictImages(items: [Item(reference: reference, url: url)], isCollection: false)
        }
        let names = try imageNames(in: url)
        guard !names.isEmpty else { throw Problem.emptyFolder(reference) }
        return try collection(names.map { Item(reference: prefix + $0, url: url.appendingPathComponent($0)) }, reference)
    }

    private static func collection(_ items: [Item], _ reference: String) throws -> PredictImages {
        guard items.count <= limit else { throw Problem.tooMany(reference: reference, count: items.count) }
        return PredictImages(items: items, isCollection: true)
    }

    /// The visible image files (by name ending) directly in `folder`, in name order (numbers by value).
    static func imageNames(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .filter { !NotebookPath.isFolder(folder.appendingPathComponent($0)) }
            .sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
    }

    /// The label a file name ends with: `seven-7.png` → "7"; nil without a `-N` ending.
    static func labelInName(_ reference: String) -> String? {
        let stem = ((reference as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let dash = stem.lastIndex(of: "-") else { return nil }
        let text = String(stem[stem.index(after: dash)...])
        return !text.isEmpty && text.allSatisfy(\.isASCII) && Int(text) != nil ? text : nil
    }
}
