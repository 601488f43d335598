/// Where a parameter's final value came from.
public enum ParameterSource: String, Sendable, Equatable {
    /// The default in the front matter's `params:`.
    case notebookDefault = "default"
    /// A `--params` file.
    case file
    /// A `-p NAME=VALUE` argument.
    case commandLine = "-p"
}

/// One parameter of a notebook with its final value: declared under `params:` in the front matter,
/// perhaps overridden by a `--params` file or a `-p` argument.
public struct Parameter: Sendable, Equatable {
    public var name: String
    public var value: ParameterValue
    public var source: ParameterSource
    /// Where the default value is written in the front matter.
    public var declaration: SourceLocation

    public init(name: String, value: ParameterValue, source: ParameterSource, declaration: SourceLocation) {
        self.name = name
        self.value = value
        self.source = source
        self.declaration = declaration
    }

    /// A letter or `_`, then letters, digits and `_` (ASCII).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isNameStart(first) else { return false }
        return name.utf8.allSatisfy(isNameByte)
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
