import ArgumentParser
import Notebook

/// `-p NAME=VALUE` and `--params FILE`, shared by `run`, `check` and `preview`.
struct ParameterOptions: ParsableArguments {
    @Option(name: [.customShort("p"), .customLong("param")],
            help: ArgumentHelp("Give a parameter of the notebook's front matter `params:` a value (repeatable; wins over --params).",
                               valueName: "name=value"))
    var values: [String] = []

    @Option(name: .customLong("params"),
            help: ArgumentHelp("A YAML file of `name: value` lines: values for the notebook's parameters (-p wins over it).",
                               valueName: "file"))
    var file: String?

    /// The overrides to parse the notebook with; a bad `--params` file prints its diagnostics and exits with status 2.
    func overrides() -> ParameterOverrides {
        guard let file else { return ParameterOverrides(arguments: values) }
        do {
            return ParameterOverrides(arguments: values, file: try ParameterFile.read(path: file))
        } catch let list as DiagnosticList {
            reportProblems(list.diagnostics)
        } catch {
            reportProblems([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the parameters file cannot be read: \(error)")])
        }
    }
}
