import Foundation
import Notebook

/// The check of a notebook's prose images, before anything runs: every local image must be an
/// image Folio embeds (`EmbeddedImage`), and all of them together must fit in one report.
/// Remote images are fine: the report links them instead of fetching them.
enum ProseImageCheck {
    /// One error diagnostic per image that cannot be embedded, at the image's `!`.
    static func problems(in document: Document, notebookDirectory: URL) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var total = 0
        for image in document.proseImages {
            let failure: ProseImageError
            switch ProseTarget(url: image.url) {
            case .remote, .inPlace:
                continue
            case .fileURL:
                failure = .fileURL(url: image.url)
            case .local(let path, _):
                do {
                    total += try EmbeddedImage.load(path, notebookDirectory: notebookDirectory).bytes.count
                    guard total > EmbeddedImage.maximumReportBytes else { continue }
                    failure = .reportTooLarge(path: path, totalBytes: total)
                } catch let error as ProseImageError {
                    failure = error
                } catch {
                    failure = .unreadable(path: path, reason: String(describing: error))
                }
            }
            problems.append(Diagnostic(.error, at: image.location, failure.message, hint: failure.hint))
        }
        return problems
    }
}
