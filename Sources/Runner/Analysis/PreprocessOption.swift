import Datasets

/// The options of a `preprocess` cell, and how two preprocessings differ in terms of them — so that
/// a notebook that prepares data differently from how a loaded model was trained is told which
/// option to change.
enum PreprocessOption: String, CaseIterable {
    case flatten, reshape, scale
    case oneHot = "one_hot"

    /// The options that set the samples' shape: a difference in shape may be fixed at either.
    var shapeSiblings: [PreprocessOption] {
        self == .flatten || self == .reshape ? [self, self == .flatten ? .reshape : .flatten] : [self]
    }

    /// One way in which `found` differs from `expected`.
    struct Difference: Equatable {
        var option: PreprocessOption
        var expected: String
        var found: String
        var fix: String
    }

    /// Every way `found` differs from `expected`, in the options' order.
    static func differences(_ found: Preprocessing, _ expected: Preprocessing) -> [Difference] {
        var differences: [Difference] = []
        if found.reshape != expected.reshape || (found.reshape == nil && found.flatten != expected.flatten) {
            differences.append(Difference(option: found.reshape != nil ? .reshape : .flatten, expected: samples(expected), found: samples(found),
                                          fix: "write `\(shapeOption(expected))` in preprocess, as the model was trained"))
        }
        if found.scale != expected.scale {
            differences.append(Difference(option: .scale, expected: pixels(expected.scale), found: pixels(found.scale),
                                          fix: expected.scale.map { "write `scale: \(plain($0))`" }
                                              ?? "remove `scale`: the model was trained on raw 0…255 pixels"))
        }
        if found.oneHot != expected.oneHot {
            differences.append(Difference(option: .oneHot, expected: labels(expected.oneHot), found: labels(found.oneHot),
                                          fix: expected.oneHot.map { "write `one_hot: \($0)`" }
                                              ?? "remove `one_hot`: the model was trained on integer labels"))
        }
        return differences
    }

    private static func samples(_ preprocessing: Preprocessing) -> String {
        if let reshape = preprocessing.reshape { return "samples reshaped to \(Format.shape(reshape))" }
        return preprocessing.flatten ? "flattened samples" : "samples as stored (not flattened)"
    }

    private static func shapeOption(_ preprocessing: Preprocessing) -> String {
        if let reshape = preprocessing.reshape { return "reshape: " + reshape.map(String.init).joined(separator: "x") }
        return "flatten: \(preprocessing.flatten)"
    }

    private static func pixels(_ scale: Float?) -> String {
        scale.map { "pixels divided by \(plain($0))" } ?? "unscaled pixels (0…255)"
    }

    private static func labels(_ oneHot: Int?) -> String {
        oneHot.map { "one-hot labels of width \($0)" } ?? "integer labels"
    }

    private static func plain(_ value: Float) -> String { Session.plain(Double(value)) }
}
