/// The values given on the command line for a notebook's parameters: a `--params` file's entries,
/// then the `-p NAME=VALUE` arguments in order (so `-p` wins over the file, and a later `-p` over an
/// earlier one). They are checked against the notebook's `params:` when it is parsed.
public struct ParameterOverrides: Sendable {
    /// One value to give a parameter, as text, and where it was given.
    public struct Entry: Sendable, Equatable {
        /// Where a value was given: a `-p` argument (as typed), or a `--params` file (where the
        /// name and the value are written).
        public enum Origin: Sendable, Equatable {
            case argument(String)
            case file(name: SourceLocation, value: SourceLocation)
        }
        public var name: String
        public var text: String
        public var origin: Origin
    }

    /// The entries in order of precedence, lowest first.
    public private(set) var entries: [Entry] = []
    /// `-p` arguments without `=`.
    public private(set) var malformedArguments: [String] = []

    /// No overrides: every parameter keeps its default.
    public static let none = ParameterOverrides()

    public init() {}

    /// `file`'s entries, then the `-p` arguments (`NAME=VALUE`; the value is everything after the first `=`).
    public init(arguments: [String], file: ParameterFile? = nil) {
        entries = file?.entries ?? []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                malformedArguments.append(argument)
                continue
            }
            entries.append(Entry(name: String(argument[..<equals]), text: String(argument[argument.index(after: equals)...]),
                                 origin: .argument(argument)))
        }
    }

    /// Whether nothing overrides the defaults.
    public var isEmpty: Bool { entries.isEmpty && malformedArguments.isEmpty }
}
