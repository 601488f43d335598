import Foundation
import Mustache
import Runner

/// Turns a run record into one self-contained HTML page (CSS inlined, charts as inline SVG).
public struct ReportRenderer {
    public var template: ReportTemplate
    public var version: String

    public init(template: ReportTemplate = .builtIn, version: String) {
        self.template = template
        self.version = version
    }

    /// The report's HTML; with `source` (`ReportSource.identifier`), the report records which
    /// notebook it was made from.
    public func render(_ record: RunRecord, generated: Date = Date(), source: String? = nil) throws -> String {
        let compiled = try template.compiled()
        let view = ReportView(record: record, css: template.css, version: version, generatedAt: generated)
        let html = compiled.render(view)
        return source.map { ReportSource.inserting($0, into: html) } ?? html
    }
}

/// Writes files so nobody ever sees half of one: a temporary file beside the target, then rename(2).
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: url.path, reason: "cannot create folder \(directory.path)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw ReportError.cannotWrite(path: url.path, reason: "the folder is not writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw ReportError.cannotWrite(path: url.path, reason: reason)
        }
    }
}
