import ArgumentParser
import Foundation
import Report

/// Where `folio run` writes a file it makes: a path, or standard output (`-`).
enum Destination: Equatable {
    case file(String)
    case standardOutput

    init(_ argument: String) {
        self = argument == "-" ? .standardOutput : .file(argument)
    }

    /// How the destination is named in messages.
    var name: String {
        switch self {
        case .file(let path): return path
        case .standardOutput: return "standard output"
        }
    }
}

/// The report's and the JSON record's destinations for one run, checked before anything runs.
///
/// Without `-o`, the report path mirrors the notebook's path relative to the current folder under
/// `output/`, with one leading `notebooks/` folder dropped (`notebooks/mnist.md` → `output/mnist.html`,
/// `alice/hw1.md` → `output/alice/hw1.html`); a notebook outside the current folder goes to
/// `output/NAME.html`. A default path never replaces a report that another notebook wrote.
struct RunDestinations {
    var report: Destination
    var json: Destination?
    /// Whether the report path was chosen by Folio (and so must not replace another notebook's report).
    var reportIsDefault: Bool

    /// Checks `-o` and `--json` as given on the command line (usage errors exit 2).
    init(notebook: String, output: String?, json: String?, currentDirectory: URL) throws {
        if let output, output != "-", !output.lowercased().hasSuffix(".html") {
            let pdf = output.lowercased().hasSuffix(".pdf") ? "; to get a PDF, print the report from a browser" : ""
            throw ValidationError("-o takes a path ending in .html, or - for standard output, not '\(output)'\(pdf)")
        }
        report = output.map(Destination.init) ?? .file(Self.defaultReportPath(for: notebook, in: currentDirectory))
        reportIsDefault = output == nil
        self.json = json.map(Destination.init)
        if report == .standardOutput, self.json == .standardOutput {
            throw ValidationError("the report (-o -) and the JSON record (--json -) cannot both go to standard output")
        }
    }

    /// `output/` + the notebook's path relative to `currentDirectory` (one leading `notebooks/`
    /// dropped) with `.html` for its extension; `output/NAME.html` for a notebook outside it.
    static func defaultReportPath(for notebook: String, in currentDirectory: URL) -> String {
        let folder = currentDirectory.standardizedFileURL.path
        let absolute = URL(fileURLWithPath: notebook, relativeTo: currentDirectory).standardizedFileURL
        let name = absolute.deletingPathExtension().lastPathComponent + ".html"
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard absolute.path.hasPrefix(prefix) else { return "output/" + name }
        var folders = absolute.deletingLastPathComponent().path.dropFirst(prefix.count).split(separator: "/").map(String.init)
        if folders.first == "notebooks" { folders.removeFirst() }
        return (["output"] + folders + [name]).joined(separator: "/")
    }

    /// Throws (exit 2, before anything runs) when the default report path holds a report of another
    /// notebook, or a file that is not a Folio report.
    func checkReportMayBeReplaced(by source: String) throws {
        guard reportIsDefault, case .file(let path) = report,
              FileManager.default.fileExists(atPath: path) else { return }
        switch ReportSource.origin(ofFileAt: URL(fileURLWithPath: path)) {
        case .notebook(let other) where other != source:
            throw ValidationError("\(path) is the report of another notebook with the same name; "
                                  + "choose where this one goes with -o (e.g. -o output/other-name.html)")
        case .notAReport:
            throw ValidationError("\(path) exists and is not a Folio report; move it away or choose another path with -o")
        default:
            return
        }
    }
}
