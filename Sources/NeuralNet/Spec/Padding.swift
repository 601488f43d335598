/// How a convolution treats the borders, as Keras' `padding=`.
///
/// `valid`: no padding, output `⌊(n − k) / s⌋ + 1`. `same`: output `⌈n / s⌉`, zero padding of
/// `max((out − 1)·s + k − n, 0)` split with the smaller half before (top/left), as TensorFlow does.
public enum Padding: String, CaseIterable, Sendable {
    case valid, same
}
