/// How a sample's integer label becomes its target row for the element-wise losses: the label's
/// value itself when the output has width 1, else a one-hot row of the output's width.
enum LossTarget {
    @inline(__always)
    static func value<S: NeuralScalar>(label: Int32, column: Int, width: Int) -> S {
        if width == 1 { return S(label) }
        return column == Int(label) ? 1 : 0
    }
}
