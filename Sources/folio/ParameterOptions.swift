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
        switch ParameterOverrides.load(arguments: values, file: file) {
        case .success(let overrides): return overrides
        case .failure(let list): reportProblems(list.diagnostics)
        }
    }
}
