import Foundation
import Mustache

/// A report's look: a Mustache template and the CSS it inlines.
///
/// `folio` uses `templates/report.mustache` and `templates/report.css` from a template folder
/// when one is given or found, else the built-in copy of the same two files.
public struct ReportTemplate: Sendable {
    public var mustache: String
    public var css: String

    public init(mustache: String, css: String) {
        self.mustache = mustache
        self.css = css
    }

    /// The default look, identical to the repository's `templates/` folder.
    public static let builtIn = ReportTemplate(mustache: BuiltInTemplate.mustache, css: BuiltInTemplate.css)

    /// Reads `report.mustache` and `report.css` from `directory`.
    public static func load(from directory: URL) throws -> ReportTemplate {
        func read(_ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ReportError.templateUnreadable(path: url.path)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReportError.templateNotUTF8(path: url.path)
            }
            return text
        }
        let mustache = try read("report.mustache")
        guard HTMLHead.isPresent(in: mustache) else {
            throw ReportError.templateWithoutHead(path: directory.appendingPathComponent("report.mustache").path)
        }
        return ReportTemplate(mustache: mustache, css: try read("report.css"))
    }

    /// Checks the Mustache syntax and that there is a `<head>` (where the renderer puts the report's
    /// Content-Security-Policy), so a broken custom template fails before anything runs.
    public func compiled() throws -> MustacheTemplate {
        let compiled: MustacheTemplate
        do {
            compiled = try MustacheTemplate(string: mustache)
        } catch {
            throw ReportError.templateInvalid(String(describing: error))
        }
        guard HTMLHead.isPresent(in: mustache) else { throw ReportError.templateWithoutHead(path: nil) }
        return compiled
    }
}

/// Why a report could not be produced or written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case templateUnreadable(path: String)
    case templateNotUTF8(path: String)
    case templateInvalid(String)
    /// The template (at `path`, when it came from a folder) has no `<head>` for the security policy.
    case templateWithoutHead(path: String?)
    /// One of Folio's inline scripts (its start given) contains `</script`, so it cannot be inlined.
    case scriptNotInlinable(String)
    /// `what` ("the report", "the run record") could not be written to `path`.
    case cannotWrite(what: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .templateUnreadable(let path):
            return "cannot read the report template \(path); copy templates/ from the Folio repository or drop --template-dir"
        case .templateNotUTF8(let path):
            return "the report template \(path) is not UTF-8 text"
        case .templateInvalid(let reason):
            return "the report template is not valid Mustache: \(reason)"
        case .templateWithoutHead(let path):
            return "the report template \(path ?? "")\(path == nil ? "" : " ")has no <head> element; Folio puts the report's "
                + "Content-Security-Policy first in it, so add <head>…</head> (as in Folio's templates/report.mustache)"
        case .scriptNotInlinable(let start):
            return "an inline script cannot contain </script: \(start)…"
        case .cannotWrite(let what, let path, let reason):
            return "cannot write \(what) to \(path): \(reason)"
        }
    }
}
