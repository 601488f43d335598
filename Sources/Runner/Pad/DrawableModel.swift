import Foundation
import NeuralNet

/// The run's final model, packed for the report's "Try the model" pad: everything a page needs to
/// prepare a drawn 28×28 digit as `predict` would and run the model on it, without the engine.
///
/// Only a model that takes one 28×28 gray image (`input=784`, `28x28` or `28x28x1`) is drawable.
/// `layers` follow the model's layer list; `weights` hold Keras' `get_weights()` arrays of all
/// layers one after another (float32), which `layers[i].weightCounts` split up again.
public struct DrawableModel: Sendable, Equatable {
    /// One layer as the page runs it (inference mode: dropout does nothing, batch normalization
    /// uses its moving statistics).
    public struct Layer: Sendable, Equatable, Encodable {
        /// `dense`, `conv2d`, `maxpool2d`, `flatten`, `dropout`, `batchnorm` or `activation`.
        public var kind: String
        public var units: Int?
        public var filters: Int?
        public var kernelSize: Int?
        public var stride: Int?
        /// `same` or `valid` (conv2d).
        public var padding: String?
        public var poolSize: Int?
        /// The activation's Keras name (`relu`, `leaky_relu`, `softmax`, …).
        public var activation: String?
        /// leaky_relu's slope for x < 0.
        public var negativeSlope: Float?
        /// Batch normalization's epsilon.
        public var epsilon: Float?
        /// The layer's output shape, without the batch dimension.
        public var outputShape: [Int]
        /// The sizes of the layer's weight arrays in `get_weights()` order (kernel, bias; gamma,
        /// beta, moving mean, moving variance).
        public var weightCounts: [Int]
    }

    /// The model's input shape: `[784]`, `[28, 28]` or `[28, 28, 1]` (channels last).
    public var inputShape: [Int]
    /// What each pixel (0…255) is divided by before the model sees it, as `predict` does.
    public var scale: Float
    /// How a picture is prepared: `digit` (MNIST's centring) or `garment` (Fashion-MNIST's conversion).
    public var preparation: String
    public var classNames: [String]
    public var layers: [Layer]
    /// Every weight of every layer, in `layers` order.
    public var weights: [Float]

    /// The weights as the page receives them: float32, little-endian, base64.
    public var weightsBase64: String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(weights.count * 4)
        for value in weights {
            let bits = value.bitPattern.littleEndian
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
        }
        return Data(bytes).base64EncodedString()
    }

    /// Everything but the weights as JSON, safe to place inside an HTML `<script>` data block
    /// (every `<` is written `\u003c`, so no text can close the block).
    public func architectureJSON() throws -> String {
        struct Body: Encodable {
            var inputShape: [Int]
            var scale: Float
            var preparation: String
            var classNames: [String]
            var layers: [Layer]
            var weightCount: Int
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Body(inputShape: inputShape, scale: scale, preparation: preparation,
                                           classNames: classNames, layers: layers, weightCount: weights.count))
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}

/// Whether the report gets a pad: a drawable model, or a note saying why not.
public enum PadModel: Sendable, Equatable {
    case drawable(DrawableModel)
    /// The model takes a 28×28 image but its weights are too many to embed.
    case tooLarge(weightBytes: Int)
}
