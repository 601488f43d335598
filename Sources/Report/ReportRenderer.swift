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

    public func render(_ record: RunRecord, generated: Date = Date()) throws -> String {
        let compiled = try template.compiled()
        let view = ReportView(record: record, css: template.css, version: version, generatedAt: generated)
        return compiled.render(view)
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
