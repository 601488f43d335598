/// A piece of one source line and the column (1-based, in UTF-8 bytes) where it starts.
struct Token: Equatable {
    var text: String
    var column: Int

    init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }

    init(_ bytes: ArraySlice<UInt8>, column: Int) {
        self.init(String(decoding: bytes, as: UTF8.self), column: column)
    }
}
