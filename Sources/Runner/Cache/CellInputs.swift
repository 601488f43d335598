import Datasets
import Foundation
import Notebook

/// The files a cell reads, found the way the cell itself finds them (the same locator, path
/// resolution and image selection), so their bytes can be part of the cell's key.
enum CellInputs {
    /// Each file the cell reads, with a label saying what it is; nil when the cell reads something
    /// the cache cannot fingerprint (a dataset not on disk yet, an image URL): the cell then always runs.
    static func files(of cell: Cell, notebookDirectory: URL, environment: [String: String]) -> [(role: String, url: URL)]? {
        switch cell.directive {
        case .load(let directive):
            var files: [(String, URL)] = []
            if let source = directive.data {
                guard let data = dataFiles(source, notebookDirectory: notebookDirectory, environment: environment) else { return nil }
                files += data.map { ("data", $0) }
            }
            if let model = directive.model {
                files.append(("model", NotebookPath.resolve(model.value, in: notebookDirectory)))
            }
            return files
        case .predict(let directive):
            guard let selection = try? PredictImages.select(directive.image.value, relativeTo: notebookDirectory) else { return nil }
            var files: [(String, URL)] = []
            for item in selection.items {
                guard let url = item.url else { return nil }
                files.append(("image " + item.reference, url))
            }
            if let labels = directive.labels {
                files.append(("labels", NotebookPath.resolve(labels.value, in: notebookDirectory)))
            }
            return files
        case .preprocess, .build, .fit, .evaluate, .plot, .summary, .save:
            return []
        }
    }

    /// The four IDX files a `load` reads: in the folder `path:` names, or where the locator finds
    /// the dataset without downloading it; nil when they are not all there.
    static func dataFiles(_ source: LoadDirective.DataSource, notebookDirectory: URL, environment: [String: String]) -> [URL]? {
        let folder: URL
        switch source {
        case .dataset(let name):
            guard let found = DatasetLocator(environment: environment).existingFolder(for: DatasetCatalog(name.value)) else { return nil }
            folder = found
        case .path(let path):
            folder = NotebookPath.resolve(path.value, in: notebookDirectory)
        }
        let files = DatasetFileName.allCases.compactMap { $0.existingFile(in: folder) }
        return files.count == DatasetFileName.allCases.count ? files : nil
    }
}
