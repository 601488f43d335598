/// A block of `count` values that frees itself: the engine's parameter, gradient and batch storage.
/// Hot loops take its raw pointer once, so there is no copy-on-write and no bounds check.
final class Buffer<Element> {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init(count: Int, filledWith value: Element) {
        self.count = count
        pointer = .allocate(capacity: Swift.max(count, 1))
        pointer.initialize(repeating: value, count: Swift.max(count, 1))
    }

    deinit {
        pointer.deinitialize(count: Swift.max(count, 1))
        pointer.deallocate()
    }

    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
