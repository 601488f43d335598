/// How far the download of one dataset file has come.
public struct DownloadProgress: Sendable, Equatable {
    /// The file being fetched, e.g. `train-images-idx3-ubyte.gz`.
    public var file: String
    public var receivedBytes: Int
    /// The size announced by the server, when it announced one.
    public var totalBytes: Int?

    public init(file: String, receivedBytes: Int, totalBytes: Int?) {
        self.file = file
        self.receivedBytes = receivedBytes
        self.totalBytes = totalBytes
    }
}
