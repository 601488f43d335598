/// What the memory budget refuses before it is allocated, each said with how much it needs, how much
/// is left and which limit leaves that little.
public enum MemoryBudgetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Allocating `what` (the engine's weights, workspaces, tensors) would need `neededBytes` (nil:
    /// more than fits in an Int) but `limit` leaves only `availableBytes`.
    case modelTooLarge(what: String, neededBytes: Int?, availableBytes: Int, limit: MemoryLimit = .available)
    /// Loading, decoding or decompressing data (`what`) would need `neededBytes` (nil: more than fits
    /// in an Int) but `limit` leaves only `availableBytes`.
    case dataTooLarge(what: String, neededBytes: Int?, availableBytes: Int, limit: MemoryLimit)

    public var description: String {
        switch self {
        case .modelTooLarge(let what, let needed, let available, let limit):
            return "The \(what) \(Self.shortfall(needed, available, limit)): use fewer units or layers, or a smaller batch_size."
        case .dataTooLarge(let what, let needed, let available, let limit):
            return "The \(what) \(Self.shortfall(needed, available, limit)): raise the limit, free memory, or use a smaller data set."
        }
    }

    /// "needs 1.2 GB but the address-space limit (ulimit -v) leaves 412.0 MB".
    static func shortfall(_ needed: Int?, _ available: Int, _ limit: MemoryLimit) -> String {
        let need = needed.map(ByteCount.describe) ?? "more bytes than can be counted"
        return "needs \(need) but \(limit.phrase) leaves \(ByteCount.describe(available))"
    }
}
