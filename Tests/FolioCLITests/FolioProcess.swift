import Foundation
import XCTest

/// Runs the built `folio` binary in a scratch folder and captures what it prints.
struct FolioProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (for fixtures and the walkthrough's images).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures/mnist-small")

    /// The `folio` executable next to the test bundle.
    static var binary: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("folio")
    }

    /// A fresh folder holding `mnist/` (the small fixture set) for `FOLIO_DATA`.
    static func makeWorkspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("data/mnist"),
                                                   withDestinationURL: fixtures)
        return folder
    }

    /// Runs folio in `folder`; with `signal`, sends it that signal `signalAfter` seconds after the start;
    /// with `addressSpaceKB`, under `ulimit -v` of that many KiB (through /bin/sh).
    static func run(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:],
                    timeout: TimeInterval = 120, signal: Int32? = nil, signalAfter: TimeInterval = 1,
                    addressSpaceKB: Int? = nil) throws -> Outcome {
        let process = Process()
        if let addressSpaceKB {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(addressSpaceKB) || exit 125; exec \"$0\" \"$@\"", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["FOLIO_DATA"] = folder.appendingPathComponent("data").path
        environment["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
        environment["FOLIO_DATASET_MIRROR"] = "http://127.0.0.1:9/"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a chatty run cannot block on a full pipe.
        let outData = PipeReader(out), errData = PipeReader(err)
        let started = Date()
        let deadline = started.addingTimeInterval(timeout)
        var signalled = signal == nil
        while process.isRunning && Date() < deadline {
            if !signalled, let signal, Date().timeIntervalSince(started) >= signalAfter {
                kill(process.processIdentifier, signal)
                signalled = true
            }
            usleep(20_000)
        }
        if process.isRunning {
            process.terminate()
            XCTFail("folio \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: outData.text(), stderr: errData.text())
    }

    static func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// Drains a pipe on a background thread; `text()` waits for the end of the stream.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
