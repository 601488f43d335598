/// A notebook parameter's value: the four kinds a `params:` default can have.
public enum ParameterValue: Sendable, Equatable, Hashable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)

    /// The kind of value, named as in messages ("an integer").
    public enum Kind: String, Sendable {
        case integer = "an integer"
        case number = "a number"
        case boolean = "a boolean"
        case string = "text"
    }

    /// How a value of `kind` is written, for hints.
    static func spelling(of kind: Kind) -> String {
        switch kind {
        case .integer: return "a whole number such as 3"
        case .number: return "a number such as 3, 0.01 or 1e-3"
        case .boolean: return "true or false"
        case .string: return "any text on one line"
        }
    }

    public var kind: Kind {
        switch self {
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        case .string: return .string
        }
    }

    /// The value as it is written into the notebook's text: `2`, `0.01`, `1e-05`, `true`, `relu`.
    /// A number keeps Swift's shortest round-trippable form, without `.0` when it is whole.
    public var text: String {
        switch self {
        case .integer(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        case .string(let value): return value
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return String(describing: value)
        }
    }

    /// `text` read as a value of `kind`, or nil when it is not one: an integer takes `3` (not `3.5`),
    /// a number `3`, `0.01`, `1e-3` (finite), a boolean `true` or `false` (any letter case), text anything.
    public static func parse(_ text: String, as kind: Kind) -> ParameterValue? {
        switch kind {
        case .integer: return ValueSyntax.integer(text).map(ParameterValue.integer)
        case .number:
            guard let value = ValueSyntax.number(text), value.isFinite else { return nil }
            return .number(value)
        case .boolean:
            switch text.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: return nil
            }
        case .string: return .string(text)
        }
    }

    /// A plain (unquoted) YAML scalar typed as a default: `true`/`false` a boolean, `10` an integer,
    /// `0.01` a number, anything else text.
    static func inferred(fromPlain text: String) -> ParameterValue {
        if let value = parse(text, as: .boolean) { return value }
        if let value = parse(text, as: .integer) { return value }
        if let value = parse(text, as: .number) { return value }
        return .string(text)
    }

    /// The longest value Folio substitutes, in UTF-8 bytes.
    static let maximumLength = 1_000

    /// Why `text` cannot be a parameter's value (it would break the notebook's lines), or nil.
    static func problem(with text: String) -> String? {
        if text.utf8.count > maximumLength { return "a parameter value is at most \(maximumLength) bytes long" }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "a parameter value must be one line, without tabs or control characters"
        }
        return nil
    }
}
