import Foundation

/// A model's input shape and layer list as the JSON text saved in a model file's metadata, e.g.
/// `{"input_shape":[784],"layers":[{"activation":"relu","initializer":"glorot_uniform","kind":"dense","units":10}]}`.
/// Layer kinds and option names follow Keras (`conv2d` with `filters`, `kernel_size`, `strides`, `padding`).
struct Architecture: Equatable {
    var inputShape: [Int]
    var layers: [LayerSpec]

    /// The JSON text (keys sorted, so the same model always gives the same bytes).
    var json: String {
        JSONValue.object([
            "input_shape": .array(inputShape.map { .integer($0) }),
            "layers": .array(layers.map(Self.encode)),
        ]).text
    }

    private static func encode(_ layer: LayerSpec) -> JSONValue {
        switch layer {
        case .dense(let units, let activation, let initializer):
            return .object(["kind": .string("dense"), "units": .integer(units),
                            "activation": .string(activation.rawValue), "initializer": .string(initializer.rawValue)])
        case .conv2d(let filters, let kernelSize, let stride, let padding, let activation, let initializer):
            return .object(["kind": .string("conv2d"), "filters": .integer(filters), "kernel_size": .integer(kernelSize),
                            "strides": .integer(stride), "padding": .string(padding.rawValue),
                            "activation": .string(activation.rawValue), "initializer": .string(initializer.rawValue)])
        case .maxPool2D(let poolSize, let stride):
            return .object(["kind": .string("max_pooling2d"), "pool_size": .integer(poolSize),
                            "strides": stride.map { .integer($0) } ?? .null])
        case .flatten:
            return .object(["kind": .string("flatten")])
        case .dropout(let rate):
            return .object(["kind": .string("dropout"), "rate": JSONValue.float(rate)])
        case .batchNormalization:
            return .object(["kind": .string("batch_normalization")])
        case .activation(let activation, let negativeSlope):
            return .object(["kind": .string("activation"), "activation": .string(activation.rawValue),
                            "negative_slope": JSONValue.float(negativeSlope)])
        }
    }

}

extension Architecture {
    /// Parses the JSON text; throws `Architecture.Problem` naming the first thing wrong.
    init(json: String) throws {
        guard let root = JSONValue.parse(Data(json.utf8))?.objectValue else {
            throw Problem("the architecture is not a JSON object")
        }
        try JSONRepeatedKey.refuse(in: json, what: "the architecture")
        guard let shape = root["input_shape"]?.arrayValue, !shape.isEmpty else {
            throw Problem("the architecture has no input_shape list")
        }
        inputShape = try shape.map { value in
            guard let dimension = value.integerValue else { throw Problem("input_shape holds \(value.briefText), not a whole number") }
            return dimension
        }
        guard let list = root["layers"]?.arrayValue else { throw Problem("the architecture has no layers list") }
        layers = try list.enumerated().map { index, value in
            guard let fields = value.objectValue else { throw Problem("layer \(index) is \(value.briefText), not an object") }
            return try LayerFields(index: index, fields: fields).spec()
        }
    }

    /// What is wrong with an architecture, as a phrase for `NeuralNetError.invalidModelFile`.
    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

/// One layer's JSON fields, read with a clear complaint for each missing or mistyped option.
private struct LayerFields {
    let index: Int
    let fields: [String: JSONValue]

    /// The layer; options Keras gives a default may be left out (activation linear, initializer
    /// glorot_uniform, strides 1 or the pool size, padding valid, negative_slope 0.3).
    func spec() throws -> LayerSpec {
        let kind = try string("kind")
        switch kind {
        case "dense":
            return .dense(units: try integer("units"), activation: try named("activation", default: .linear),
                          initializer: try named("initializer", default: .glorotUniform))
        case "conv2d":
            return .conv2d(filters: try integer("filters"), kernelSize: try integer("kernel_size"),
                           stride: isAbsent("strides") ? 1 : try integer("strides"),
                           padding: try named("padding", default: .valid),
                           activation: try named("activation", default: .linear),
                           initializer: try named("initializer", default: .glorotUniform))
        case "max_pooling2d":
            return .maxPool2D(poolSize: try integer("pool_size"), stride: isAbsent("strides") ? nil : try integer("strides"))
        case "flatten":
            return .flatten
        case "dropout":
            return .dropout(rate: try float("rate"))
        case "batch_normalization":
            return .batchNormalization
        case "activation":
            return .activation(try named("activation"),
                               negativeSlope: isAbsent("negative_slope") ? 0.3 : try float("negative_slope"))
        default:
            throw Architecture.Problem("layer \(index) has the unknown kind \(SafetensorsFile.brief(kind)) (known: dense, conv2d, max_pooling2d, flatten, dropout, batch_normalization, activation)")
        }
    }

    /// True when `key` is missing or null.
    private func isAbsent(_ key: String) -> Bool {
        fields[key] == nil || fields[key] == .null
    }

    private func value(_ key: String) throws -> JSONValue {
        guard let value = fields[key] else { throw Architecture.Problem("layer \(index) lacks \"\(key)\"") }
        return value
    }

    private func string(_ key: String) throws -> String {
        let value = try value(key)
        guard let text = value.stringValue else {
            throw Architecture.Problem("layer \(index)'s \"\(key)\" is \(value.briefText), not a string")
        }
        return text
    }

    private func integer(_ key: String) throws -> Int {
        let value = try value(key)
        guard let number = value.integerValue else {
            throw Architecture.Problem("layer \(index)'s \"\(key)\" is \(value.briefText), not a whole number")
        }
        return number
    }

    private func float(_ key: String) throws -> Float {
        let value = try value(key)
        guard let number = value.doubleValue, number.isFinite, abs(number) <= Double(Float.greatestFiniteMagnitude) else {
            throw Architecture.Problem("layer \(index)'s \"\(key)\" is \(value.briefText), not a number")
        }
        return Float(number)
    }

    /// An option named by one of an enum's raw values; `fallback` when the key is absent (if given).
    private func named<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T? = nil) throws -> T
        where T.RawValue == String {
        if let fallback, isAbsent(key) { return fallback }
        let text = try string(key)
        guard let value = T(rawValue: text) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw Architecture.Problem("layer \(index)'s \"\(key)\" is \(SafetensorsFile.brief(text)), not one of \(known)")
        }
        return value
    }
}
