import Foundation

/// The expected class of each image of a `predict` cell: a `labels:` CSV file of `file,label`
/// lines (an optional `file,label` header, blank lines and `#` comments skipped; files relative to
/// the CSV's folder), else the `-7` ending of each file's name.
struct PredictLabels {
    /// Label text by the file's standardized path.
    var byFile: [String: String]
    /// The line of each file's row (for messages about its label).
    var lines: [String: Int]
    /// The labels file as the notebook names it.
    var reference: String

    /// Why a labels file cannot be used.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(file: String, reason: String)
        case malformed(file: String, line: Int)
        case missingImage(file: String, line: Int, image: String)
        case invalidLabel(file: String, line: Int, label: String, expected: String)
        case empty(file: String)

        var description: String {
            switch self {
            case .unreadable(let file, let reason): return "cannot read the labels file '\(file)': \(reason)"
            case .malformed(let file, let line): return "\(file) line \(line) is not a `file,label` line"
            case .missingImage(let file, let line, let image): return "\(file) line \(line) names '\(image)', which does not exist"
            case .invalidLabel(let file, let line, let label, let expected):
                return "\(file) line \(line) has the label '\(label)', but the classes are \(expected)"
            case .empty(let file): return "the labels file '\(file)' has no `file,label` lines"
            }
        }

        var hint: String {
            "`labels:` is a CSV file of `file,label` lines (files relative to the CSV's folder; a label is a class index or name)"
        }
    }

    /// The rows of the CSV at `url` (named `reference` in messages); every file must exist.
    static func read(_ url: URL, reference: String) throws -> PredictLabels {
        if let problem = NotebookPath.problem(reading: url) { throw Problem.unreadable(file: reference, reason: problem) }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Problem.unreadable(file: reference, reason: "it is not UTF-8 text")
        }
        let folder = url.deletingLastPathComponent()
        var rows: [(line: Int, file: URL, name: String, label: String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let comma = line.lastIndex(of: ",") else { throw Problem.malformed(file: reference, line: index + 1) }
            let name = unquoted(line[..<comma]), label = unquoted(line[line.index(after: comma)...])
            if rows.isEmpty, name.lowercased() == "file", label.lowercased() == "label" { continue }
            guard !name.isEmpty, !label.isEmpty else { throw Problem.malformed(file: reference, line: index + 1) }
            let file = name.hasPrefix("/") ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw Problem.missingImage(file: reference, line: index + 1, image: name)
            }
            rows.append((index + 1, file, name, label))
        }
        guard !rows.isEmpty else { throw Problem.empty(file: reference) }
        return PredictLabels(byFile: Dictionary(rows.map { ($0.file.standardizedFileURL.path, $0.label) }, uniquingKeysWith: { $1 }),
                             lines: Dictionary(rows.map { ($0.file.standardizedFileURL.path, $0.line) }, uniquingKeysWith: { $1 }),
                             reference: reference)
    }

    /// The expected label text for an image file.
    func label(for url: URL) -> String? { byFile[url.standardizedFileURL.path] }

    /// Every row's label must be a class: an index below `classCount`, or one of `classNames`
    /// (when they are known; with unknown names only indices are checked).
    func validate(classCount: Int, classNames: [String]?) throws {
        for (path, label) in byFile.sorted(by: { (lines[$0.key] ?? 0) < (lines[$1.key] ?? 0) })
        where PredictLabels.classIndex(label, classCount: classCount, classNames: classNames) == nil
            && (classNames != nil || Int(label) != nil) {
            throw Problem.invalidLabel(file: reference, line: lines[path] ?? 0, label: label,
                                       expected: PredictLabels.describe(classCount: classCount, classNames: classNames))
        }
    }

    /// A label's class: an integer index below `classCount`, or a class name (any case).
    static func classIndex(_ label: String, classCount: Int, classNames: [String]?) -> Int? {
        if let index = Int(label) { return index >= 0 && index < classCount ? index : nil }
        return classNames?.firstIndex { $0.lowercased() == label.lowercased() }
    }

    /// "0 to 9" or "0 to 9 or their names (T-shirt/top, Trouser, …)".
    static func describe(classCount: Int, classNames: [String]?) -> String {
        let range = "0 to \(classCount - 1)"
        guard let classNames, classNames != (0..<classCount).map(String.init) else { return range }
        return range + " or their names (" + classNames.joined(separator: ", ") + ")"
    }

    private static func unquoted(_ text: Substring) -> String {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        return value
    }
}
