/// The shapes of a 2-D window operation (convolution or pooling) over channels-last images:
/// input (H, W, C), square window `window` moved by `stride`, zero padding `padTop`/`padLeft`
/// before the image (and whatever remains after it), output (outH, outW, ·).
struct ConvGeometry: Equatable {
    let height, width, channels: Int
    let window, stride: Int
    let padTop, padLeft: Int
    let outHeight, outWidth: Int

    /// Keras' output size and padding for `padding`; nil when the window does not fit (valid
    /// padding on an image smaller than the window).
    init?(height: Int, width: Int, channels: Int, window: Int, stride: Int, padding: Padding) {
        guard height > 0, width > 0, channels > 0, window > 0, stride > 0 else { return nil }
        self.height = height
        self.width = width
        self.channels = channels
        self.window = window
        self.stride = stride
        switch padding {
        case .valid:
            guard height >= window, width >= window else { return nil }
            outHeight = (height - window) / stride + 1
            outWidth = (width - window) / stride + 1
            padTop = 0
            padLeft = 0
        case .same:
            outHeight = (height + stride - 1) / stride
            outWidth = (width + stride - 1) / stride
            // TensorFlow: pad_total = max((out − 1)·s + k − n, 0), the smaller half first.
            padTop = Swift.max((outHeight - 1) * stride + window - height, 0) / 2
            padLeft = Swift.max((outWidth - 1) * stride + window - width, 0) / 2
        }
    }

    private init(height: Int, width: Int, channels: Int, window: Int, stride: Int, padTop: Int, padLeft: Int,
                 outHeight: Int, outWidth: Int) {
        self.height = height
        self.width = width
        self.channels = channels
        self.window = window
        self.stride = stride
        self.padTop = padTop
        self.padLeft = padLeft
        self.outHeight = outHeight
        self.outWidth = outWidth
    }

    /// This operation cut down to the outputs that `pooling` (valid padding, over this output)
    /// reads — its first (pooled − 1)·stride + window rows and columns — and that pooling over
    /// the cut-down output (same pooled size). A 2×2 pooling of an 11×11 convolution reads 10×10
    /// of it: the other 21 outputs need neither computing nor a gradient.
    func restricted(toOutputsReadBy pooling: ConvGeometry) -> (operation: ConvGeometry, pooling: ConvGeometry) {
        let rows = Swift.min(outHeight, (pooling.outHeight - 1) * pooling.stride + pooling.window)
        let columns = Swift.min(outWidth, (pooling.outWidth - 1) * pooling.stride + pooling.window)
        let operation = ConvGeometry(height: height, width: width, channels: channels, window: window, stride: stride,
                                     padTop: padTop, padLeft: padLeft, outHeight: rows, outWidth: columns)
        let cutPooling = ConvGeometry(height: rows, width: columns, channels: pooling.channels, window: pooling.window,
                                      stride: pooling.stride, padTop: 0, padLeft: 0,
                                      outHeight: pooling.outHeight, outWidth: pooling.outWidth)
        return (operation, cutPooling)
    }

    /// Scalars of one input image and one output position's patch (kh·kw·C).
    var inputSize: Int { height * width * channels }
    var patchSize: Int { window * window * channels }
    var outputPixels: Int { outHeight * outWidth }
}
