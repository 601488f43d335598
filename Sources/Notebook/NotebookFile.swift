import Foundation

/// Reading a notebook file into bytes that are known to be UTF-8 text.
///
/// Plain POSIX calls, so that a missing file, a folder, a device or a FIFO each get a precise
/// message, and nothing can block or read without end.
enum NotebookFile {
    /// Larger files are refused (`MarkdownLimits.maximumSize`, 256 KB); no more than one byte past it is read.
    static let maximumSize = MarkdownLimits.maximumSize

    /// The file's bytes; throws a `DiagnosticList` when it cannot be read or is not UTF-8.
    static func read(_ path: String) throws -> [UInt8] {
        let bytes = try readBytes(path, as: .notebook, limit: maximumSize)
        if bytes.count > maximumSize {
            let position = SourceText(bytes: bytes, path: path).position(ofOffset: maximumSize)
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: position.line, column: position.column),
                                             "the notebook is larger than \(MarkdownLimits.sizeDescription) (it passes the limit here)",
                                             hint: "split it into smaller notebooks (docs/notebook-format.md, Limits)")])
        }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let position = SourceText(bytes: bytes, path: path).position(ofOffset: offset)
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: position.line, column: position.column),
                                             "the notebook is not UTF-8 text (byte 0x\(byte) here is invalid)",
                                             hint: "save the notebook as UTF-8")])
        }
        return bytes
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    // MARK: - Reading

    /// What is being read, for messages: "no such notebook file", "the parameters file cannot be read".
    struct Kind {
        /// "notebook file", "parameters file".
        var file: String
        /// "the notebook", "the parameters file".
        var subject: String
        /// What to give instead of a folder, and instead of a special file.
        var instead: String
        var insteadOfSpecial: String

        static let notebook = Kind(file: "notebook file", subject: "the notebook",
                                   instead: "give the path of a Markdown notebook, e.g. notebooks/mnist.md",
                                   insteadOfSpecial: "give the path of a Markdown notebook file")
        static let parametersFile = Kind(file: "parameters file", subject: "the parameters file",
                                         instead: "give the path of a YAML file of `name: value` lines",
                                         insteadOfSpecial: "give the path of a YAML file of `name: value` lines")
    }

    /// The file's bytes, no more than one byte past `limit`.
    static func readBytes(_ path: String, as kind: Kind, limit: Int) throws -> [UInt8] {
        func failure(_ message: String, hint: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), message, hint: hint)])
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw failure("no such \(kind.file)", hint: "check the path and the current folder")
            }
            throw failure("\(kind.subject) cannot be read (\(String(cString: strerror(code))))", hint: "check the path and its permissions")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("this is a folder, not a \(kind.file)", hint: kind.instead)
        default: throw failure("this is not a regular file", hint: kind.insteadOfSpecial)
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw failure("\(kind.subject) cannot be read (\(String(cString: strerror(errno))))", hint: "check that the file is readable by you")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw failure("\(kind.subject) cannot be read (\(String(cString: strerror(errno))))", hint: "check the file and the disk")
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            if bytes.count > limit { return bytes }
        }
    }
}
