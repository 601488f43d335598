/// How a kernel's first values are drawn, named as in Keras (`kernel_initializer="he_normal"`).
///
/// With `fan_in`/`fan_out` the kernel's input/output sizes (dense: inputs/units; conv2d:
/// kh·kw·in_channels / kh·kw·filters):
/// - `glorotUniform`: U(−l, l), l = √(6 / (fan_in + fan_out)) — the default;
/// - `glorotNormal`: truncated normal (cut at 2 σ′) whose resulting deviation is √(2 / (fan_in + fan_out));
/// - `heUniform`: U(−l, l), l = √(6 / fan_in);
/// - `heNormal`: truncated normal (cut at 2 σ′) whose resulting deviation is √(2 / fan_in);
/// - `zeros`: all zero.
/// As in Keras' `VarianceScaling`, the truncated normals draw with σ′ = σ / 0.87962566103423978, the
/// factor by which truncation at 2 σ′ shrinks a normal's deviation. Biases always start at zero.
public enum Initializer: String, CaseIterable, Sendable {
    case glorotUniform = "glorot_uniform"
    case glorotNormal = "glorot_normal"
    case heUniform = "he_uniform"
    case heNormal = "he_normal"
    case zeros
}
