import Datasets
import Foundation
import Notebook

/// What a notebook reads besides its own text, for `folio preview` to watch: a change to any of
/// these re-runs the notebook.
public struct WatchedFile: Equatable, Hashable, Sendable {
    /// The file or folder, absolute and standardized.
    public var url: URL
    /// Whether the entries of a folder count too (an image folder, a glob's folder, an IDX folder):
    /// a file added, removed or changed in it is a change.
    public var includesFolderEntries: Bool

    public init(url: URL, includesFolderEntries: Bool = false) {
        self.url = url
        self.includesFolderEntries = includesFolderEntries
    }
}

extension Document {
    /// The files this notebook reads, derived from its directives and prose: `load`'s `path:`
    /// folder and `model:` file, `predict`'s image (a file, a folder, or a glob's folder) and
    /// `labels:` file, and every local image of the prose. Paths are resolved as a run resolves
    /// them (relative to `notebookDirectory` unless absolute); built-in datasets and URLs are not
    /// files of the notebook's and are left out. The notebook itself is not in the list.
    public func watchedFiles(notebookDirectory: URL) -> [WatchedFile] {
        var files: [WatchedFile] = []
        func add(_ path: String, folder: Bool = false) {
            let file = WatchedFile(url: NotebookPath.resolve(path, in: notebookDirectory), includesFolderEntries: folder)
            if !files.contains(file) { files.append(file) }
        }
        for cell in cells {
            switch cell.directive {
            case .load(let load):
                if case .path(let path) = load.data { add(path.value, folder: true) }
                if let model = load.model { add(model.value) }
            case .predict(let predict):
                let reference = predict.image.value
                guard let url = ImageImport.localURL(for: reference, relativeTo: notebookDirectory) else { break }
                if PredictImages.isGlob(reference) {
                    add(url.deletingLastPathComponent().path, folder: true)
                } else {
                    add(url.path, folder: NotebookPath.isFolder(url))
                }
                if let labels = predict.labels { add(labels.value) }
            default:
                break
            }
        }
        for image in proseImages {
            if case .local(let path, _) = ProseTarget(url: image.url), !path.isEmpty { add(path) }
        }
        return files
    }
}
