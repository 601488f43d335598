/// Checks a Mustache template's tags against a view's shape: every `{{name}}`, `{{{name}}}`,
/// `{{#name}}` and `{{^name}}` must be a field of the context it is used in (the innermost section's
/// value, not an enclosing one), and an optional field used in a nested section must not also
/// exist further out, where Mustache would find it when the inner one is nil.
struct TemplateFieldCheck {
    /// One tag: its kind (`#`, `^`, `/`, `{`, or empty for a variable) and name.
    struct Tag {
        var kind: String
        var name: String
    }

    /// The template's tags in order (comments, partials and `{{.}}` left out).
    static func tags(in template: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            guard let close = rest.range(of: closing, range: open.upperBound..<rest.endIndex) else { break }
            var body = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            var kind = ""
            if triple {
                kind = "{"
                body.removeFirst()
            } else if let first = body.first, "#^/!>&".contains(first) {
                kind = String(first)
                body.removeFirst()
            }
            let name = body.trimmingCharacters(in: .whitespaces)
            guard kind != "!", kind != ">", name != "." else { continue }
            tags.append(Tag(kind: kind, name: name))
        }
        return tags
    }

    /// Human-readable problems; empty when the template fits the view.
    static func problems(template: String, view: ViewShape) -> [String] {
        var problems: [String] = []
        // Each entry: the section's name, the context shape inside it, and whether the section
        // pushed that context (a section over a boolean keeps the enclosing one).
        var stack: [(name: String, context: ViewShape, pushed: Bool)] = [("(root)", view, true)]
        for tag in tags(in: template) {
            let path = stack.dropFirst().map(\.name).joined(separator: " › ")
            let here = path.isEmpty ? "at the top level" : "in \(path)"
            if tag.kind == "/" {
                if stack.count > 1, stack.last?.name == tag.name { stack.removeLast() } else {
                    problems.append("{{/\(tag.name)}} closes no open section \(here)")
                }
                continue
            }
            let names = tag.name.split(separator: ".").map(String.init)
            guard let context = stack.last?.context, let first = names.first, let field = context.fields[first] else {
                problems.append("'\(tag.name)' \(here) is not a field of the view at that level")
                if tag.kind == "#" || tag.kind == "^" { stack.append((tag.name, .unknown, true)) }
                continue
            }
            let outerLevels = stack.filter(\.pushed).dropLast()
            if field.isOptional, let outer = outerLevels.last(where: { $0.context.fields[first] != nil }) {
                problems.append("optional '\(first)' \(here) is also a field of \(outer.name); when it is nil, Mustache shows that one")
            }
            var shape = field.shape
            for name in names.dropFirst() {
                guard let next = shape.fields[name] else {
                    problems.append("'\(tag.name)' \(here): '\(name)' is not a field")
                    shape = .unknown
                    break
                }
                shape = next.shape
            }
            if case .unknown = shape { problems.append("'\(tag.name)' \(here): the sample view leaves it empty, so it cannot be checked") }
            guard tag.kind == "#" || tag.kind == "^" else { continue }
            switch shape {
            case .boolean, .scalar: stack.append((tag.name, context, false))
            case .list(let element): stack.append(tag.kind == "^" ? (tag.name, context, false) : (tag.name, element, true))
            default: stack.append(tag.kind == "^" ? (tag.name, context, false) : (tag.name, shape, true))
            }
        }
        if stack.count > 1 { problems.append("sections never closed: \(stack.dropFirst().map(\.name).joined(separator: ", "))") }
        return problems
    }
}
