import Foundation

/// How a model's training samples and labels were presented to it, saved in its model file so
/// that whoever loads the model can present new data the same way (and name its classes).
///
/// ```swift
/// DataPreparation(flatten: true, scale: 255, oneHotWidth: 10, classNames: ["0", "1", …, "9"])
/// ```
public struct DataPreparation: Sendable, Equatable, Codable {
    /// Each image was presented as one row of its values.
    public var flatten: Bool
    /// Each sample was presented with this shape (e.g. `[28, 28, 1]`); nil when not reshaped.
    public var reshape: [Int]?
    /// Every pixel was divided by this value (255 maps 0…255 to 0…1); nil when left unscaled.
    public var scale: Float?
    /// Labels were one-hot rows of this width; nil when they were integer labels.
    public var oneHotWidth: Int?
    /// The name of each class, by label ("T-shirt/top", …; "0" … "9" for MNIST); may be empty.
    public var classNames: [String]

    public init(flatten: Bool = false, reshape: [Int]? = nil, scale: Float? = nil, oneHotWidth: Int? = nil,
                classNames: [String] = []) {
        self.flatten = flatten
        self.reshape = reshape
        self.scale = scale
        self.oneHotWidth = oneHotWidth
        self.classNames = classNames
    }
}

extension DataPreparation {
    /// The JSON text of a model file's `preparation` metadata (keys sorted, so the bytes are
    /// deterministic), e.g.
    /// `{"class_names":["0","1"],"flatten":true,"one_hot":2,"reshape":null,"scale":255.0}`.
    var json: String {
        JSONValue.object([
            "flatten": .bool(flatten),
            "reshape": reshape.map { .array($0.map { .integer($0) }) } ?? .null,
            "scale": scale.map(JSONValue.float) ?? .null,
            "one_hot": oneHotWidth.map { .integer($0) } ?? .null,
            "class_names": .array(classNames.map { .string($0) }),
        ]).text
    }

    /// Parses `json`, checking every field; throws `Architecture.Problem` naming the first one wrong.
    init(json: String) throws {
        typealias Problem = Architecture.Problem
        guard let fields = JSONValue.parse(Data(json.utf8))?.objectValue else {
            throw Problem("its preparation is not a JSON object")
        }
        try JSONRepeatedKey.refuse(in: json, what: "its preparation")
        func field(_ key: String) throws -> JSONValue {
            guard let value = fields[key] else { throw Problem("its preparation lacks \"\(key)\"") }
            return value
        }
        guard case .bool(let flatten) = try field("flatten") else {
            throw Problem("its preparation's \"flatten\" is \(try field("flatten").briefText), not true or false")
        }
        var reshape: [Int]?
        if let list = try field("reshape").arrayValue {
            reshape = try list.map { value in
                guard let dimension = value.integerValue, dimension > 0 else {
                    throw Problem("its preparation's \"reshape\" holds \(value.briefText), not a whole number ≥ 1")
                }
                return dimension
            }
        } else if try field("reshape") != .null {
            throw Problem("its preparation's \"reshape\" is \(try field("reshape").briefText), not a list of dimensions or null")
        }
        var scale: Float?
        if try field("scale") != .null {
            guard let value = try field("scale").floatValue, value > 0 else {
                throw Problem("its preparation's \"scale\" is \(try field("scale").briefText), not a number > 0 or null")
            }
            scale = value
        }
        var oneHotWidth: Int?
        if try field("one_hot") != .null {
            guard let width = try field("one_hot").integerValue, width >= 1 else {
                throw Problem("its preparation's \"one_hot\" is \(try field("one_hot").briefText), not a whole number ≥ 1 or null")
            }
            oneHotWidth = width
        }
        guard let names = try field("class_names").arrayValue else {
            throw Problem("its preparation's \"class_names\" is \(try field("class_names").briefText), not a list")
        }
        let classNames = try names.map { value in
            guard let name = value.stringValue else {
                throw Problem("its preparation's \"class_names\" holds \(value.briefText), not a string")
            }
            return name
        }
        self.init(flatten: flatten, reshape: reshape, scale: scale, oneHotWidth: oneHotWidth, classNames: classNames)
    }
}

extension JSONValue {
    /// A Float as the shortest decimal that reads back as the same Float (0.3, not 0.30000001192092896).
    static func float(_ value: Float) -> JSONValue {
        .number(Double(value.description) ?? Double(value))
    }

    /// The number as the Float it was written from by `float(_:)`, bit for bit (read through its
    /// shortest decimal, so no double rounding); nil unless a finite number within Float's range.
    var floatValue: Float? {
        guard let number = doubleValue, number.isFinite, abs(number) <= Double(Float.greatestFiniteMagnitude) else { return nil }
        return Float(number.description) ?? Float(number)
    }
}
