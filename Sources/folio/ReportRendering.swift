import Foundation
import Report

/// The renderer with `--template-dir`'s template, or the built-in one (never one found implicitly
/// in the current folder), checked before anything runs; a bad template exits with status 2.
func makeRenderer(templateDirectory: String?) throws -> ReportRenderer {
    do {
        let template: ReportTemplate
        if let templateDirectory {
            template = try ReportTemplate.load(from: URL(fileURLWithPath: templateDirectory))
        } else {
            template = .builtIn
        }
        _ = try template.compiled()
        return ReportRenderer(template: template, version: Folio.version)
    } catch {
        Terminal.error("error: \(error)")
        throw FolioExit.invalidInput
    }
}
