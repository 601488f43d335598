/// How shapes and square sizes are written: `784`, `28x28`, `28x28x1`; `3` or `3x3`.
enum ShapeSyntax {
    /// The sizes of `text` separated by `x`, each a plain integer; nil when a piece is not one.
    static func sizes(_ text: String) -> [Int]? {
        let pieces = text.split(separator: "x", omittingEmptySubsequences: false)
        var sizes: [Int] = []
        for piece in pieces {
            guard let size = ValueSyntax.integer(String(piece)) else { return nil }
            sizes.append(size)
        }
        return sizes
    }
}

/// What a shape written as `28x28x1` may be, and how to say so in a message.
struct ShapeRule {
    /// The largest single size, as in `input=784`.
    var singleLimit: Int
    /// The largest size of each dimension when there are two or three.
    var eachLimit: Int

    /// The shape `text` stands for, or nil when it breaks the rule.
    func shape(_ text: String) -> [Int]? {
        guard let sizes = ShapeSyntax.sizes(text), (1...3).contains(sizes.count) else { return nil }
        let limit = sizes.count == 1 ? singleLimit : eachLimit
        return sizes.allSatisfy({ (1...limit).contains($0) }) ? sizes : nil
    }

    /// E.g. "an integer from 1 to 100000000, or 2 or 3 sizes from 1 to 100000 joined by x (such as 28x28x1)".
    var phrase: String {
        singleLimit == eachLimit
            ? "1 to 3 sizes from 1 to \(eachLimit) joined by x (such as 28x28x1)"
            : "an integer from 1 to \(singleLimit), or 2 or 3 sizes from 1 to \(eachLimit) joined by x (such as 28x28x1)"
    }

    /// `input=` of a `build` line.
    static let layerInput = ShapeRule(singleLimit: 100_000_000, eachLimit: 100_000)
    /// `reshape:` of `preprocess`.
    static let reshape = ShapeRule(singleLimit: 100_000, eachLimit: 100_000)

    /// `28x28x1` for `[28, 28, 1]`.
    static func written(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "x") }
}
