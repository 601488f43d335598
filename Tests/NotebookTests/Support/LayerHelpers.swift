@testable import Notebook

/// The layers of a notebook made of one `build` cell with `body`, when it parses.
func layers(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> [Located<LayerLine>]? {
    onlyDirective(cell("build", body), file: file, line: line)?.build?.layers
}

/// The kinds of the layers of one `build` cell with `body`, when it parses.
func layerKinds(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> [LayerKind]? {
    layers(body, file: file, line: line)?.map(\.value.kind)
}

/// A dense layer line.
func dense(_ units: Int, _ activation: ActivationName = .linear, input: [Int]? = nil,
           initializer: InitializerName? = nil) -> LayerLine {
    LayerLine(kind: .dense(units: units, activation: activation), inputShape: input, initializer: initializer)
}
