import Foundation
import Yams

/// A `--params` file: a YAML mapping of parameter names to values, read with Yams. Every problem
/// (unreadable, not YAML, not a mapping, a list, mapping or empty value) is a diagnostic at the
/// file's line and column.
public struct ParameterFile: Sendable {
    public var path: String
    /// The file's `name: value` entries in order, values as written.
    public var entries: [ParameterOverrides.Entry]

    /// Larger files are refused: a parameters file is a few lines.
    static let maximumSize = 64 * 1024

    /// Reads and checks the file at `path`; throws a `DiagnosticList` when it is not a mapping of
    /// names to scalar values.
    public static func read(path: String) throws -> ParameterFile {
        func failure(_ message: String, hint: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), message, hint: hint)])
        }
        let bytes = try NotebookFile.readBytes(path, as: .parametersFile, limit: maximumSize)
        if bytes.count > maximumSize {
            throw failure("the parameters file is larger than 64 KB", hint: "a parameters file holds `name: value` lines")
        }
        if let offset = NotebookFile.firstInvalidUTF8Offset(bytes) {
            let position = SourceText(bytes: bytes, path: path).position(ofOffset: offset)
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: position.line, column: position.column),
                                             "the parameters file is not UTF-8 text", hint: "save it as UTF-8")])
        }
        let text = SourceText(bytes: bytes, path: path)
        let source = FrontMatterSource(text: text, firstLine: 1, lastLine: max(text.lineCount, 1))
        var diagnostics = DiagnosticCollector(path: path)
        let entries = ParameterFileReader(source: source).read(diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { throw DiagnosticList(diagnostics.inSourceOrder) }
        return ParameterFile(path: path, entries: entries)
    }
}

/// Reads a parameters file's YAML into entries (names and values as text).
struct ParameterFileReader {
    let source: FrontMatterSource

    func read(diagnostics: inout DiagnosticCollector) -> [ParameterOverrides.Entry] {
        let hint = "a parameters file is YAML: one `name: value` line per parameter, e.g. `epochs: 2`"
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: source.text.bytes, as: UTF8.self))
        } catch let error as YamlError {
            YAMLProblem.report(error, in: source, what: "the parameters file", hint: hint, diagnostics: &diagnostics)
            return []
        } catch {
            diagnostics.error(line: 1, column: 1, "the parameters file cannot be read: \(error)")
            return []
        }
        guard let root else {
            diagnostics.error(line: 1, column: 1, "the parameters file is empty", hint: hint)
            return []
        }
        guard case .mapping(let mapping) = root else {
            let (line, column) = source.position(of: root)
            diagnostics.error(line: line, column: column, "the parameters file must be a mapping of names to values, got \(YAMLProblem.kind(of: root))",
                              hint: hint)
            return []
        }
        var entries: [ParameterOverrides.Entry] = []
        for (keyNode, value) in mapping {
            let (line, column) = source.position(of: keyNode)
            guard case .scalar(let key) = keyNode else {
                diagnostics.error(line: line, column: column, "a parameter name must be a plain word, got \(YAMLProblem.kind(of: keyNode))")
                continue
            }
            let (valueLine, valueColumn) = source.position(of: value)
            guard case .scalar(let scalar) = value else {
                diagnostics.error(line: valueLine, column: valueColumn,
                                  "the value of '\(key.string)' must be a number, a boolean or text, got \(YAMLProblem.kind(of: value))",
                                  hint: hint)
                continue
            }
            guard !YAMLProblem.isNull(scalar) else {
                diagnostics.error(line: line, column: column, "'\(key.string)' has no value", hint: "write a value after the colon, or remove the line")
                continue
            }
            let origin = ParameterOverrides.Entry.Origin.file(
                name: SourceLocation(file: source.text.path, line: line, column: column),
                value: SourceLocation(file: source.text.path, line: valueLine, column: valueColumn))
            entries.append(ParameterOverrides.Entry(name: key.string, text: scalar.string, origin: origin))
        }
        return entries
    }
}

extension ParameterOverrides {
    /// The `-p` arguments over the `--params` file at `file` (read now), or the file's problems — every
    /// failure to read it is a `DiagnosticList` at the file's line 1 when it has no better place.
    public static func load(arguments: [String], file: String?) -> Result<ParameterOverrides, DiagnosticList> {
        guard let file else { return .success(ParameterOverrides(arguments: arguments)) }
        do {
            return .success(ParameterOverrides(arguments: arguments, file: try ParameterFile.read(path: file)))
        } catch let list as DiagnosticList {
            return .failure(list)
        } catch {
            let location = SourceLocation(file: file, line: 1, column: 1)
            return .failure(DiagnosticList([Diagnostic(at: location, "the parameters file cannot be read: \(error)")]))
        }
    }
}
