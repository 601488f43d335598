/// The field names a Mustache template can reach in a view value, read with `Mirror`: structs are
/// objects, arrays are lists (of the merged shape of their elements), optionals are unwrapped (a
/// nil one has an unknown shape), `Bool`s are booleans (a section over one keeps the context).
indirect enum ViewShape {
    /// A field of an object: its shape, and whether it is optional (nil makes Mustache look further out).
    struct Field {
        var shape: ViewShape
        var isOptional: Bool
    }

    case unknown
    case scalar
    case boolean
    case object([String: Field])
    case list(ViewShape)

    init(of value: Any) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            self = mirror.children.first.map { ViewShape(of: $0.value) } ?? .unknown
        } else if value is Bool {
            self = .boolean
        } else if mirror.displayStyle == .collection {
            self = .list(mirror.children.reduce(ViewShape.unknown) { $0.merged(with: ViewShape(of: $1.value)) })
        } else if mirror.displayStyle == .struct {
            var fields: [String: Field] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                fields[label] = Field(shape: ViewShape(of: child.value),
                                      isOptional: Mirror(reflecting: child.value).displayStyle == .optional)
            }
            self = .object(fields)
        } else {
            self = .scalar
        }
    }

    /// Both shapes' knowledge together (list elements and optionals differ from value to value).
    func merged(with other: ViewShape) -> ViewShape {
        switch (self, other) {
        case (.unknown, _): return other
        case (_, .unknown): return self
        case (.object(let mine), .object(let theirs)):
            return .object(mine.merging(theirs) { Field(shape: $0.shape.merged(with: $1.shape), isOptional: $0.isOptional || $1.isOptional) })
        case (.list(let mine), .list(let theirs)): return .list(mine.merged(with: theirs))
        default: return self
        }
    }

    var fields: [String: Field] {
        if case .object(let fields) = self { return fields }
        return [:]
    }
}
