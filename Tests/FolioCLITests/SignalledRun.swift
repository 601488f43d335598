import Foundation
import XCTest

/// Runs the built `folio` and sends it signals once its stderr shows a given text, timing how long
/// it takes to exit after the last signal.
struct SignalledRun {
    struct Outcome {
        var status: Int32
        var stderr: String
        /// Seconds from the last signal sent to the process's exit.
        var secondsAfterSignal: Double
    }

    /// Runs folio in `folder`; when stderr contains `trigger`, sends `signals` (in order, `gap`
    /// seconds apart).
    static func run(_ arguments: [String], in folder: URL, trigger: String, signals: [Int32],
                    gap: TimeInterval = 0.05, timeout: TimeInterval = 120) throws -> Outcome {
        let process = Process()
        process.executableURL = FolioProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["FOLIO_DATA"] = folder.appendingPathComponent("data").path
        environment["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
        environment["FOLIO_DATASET_MIRROR"] = "http://127.0.0.1:9/"
        process.environment = environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        let stderr = GrowingText(err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var signalled: Date?
        while process.isRunning && Date() < deadline {
            if signalled == nil, stderr.text.contains(trigger) {
                for (index, signal) in signals.enumerated() {
                    if index > 0 { Thread.sleep(forTimeInterval: gap) }
                    kill(process.processIdentifier, signal)
                }
                signalled = Date()
            }
            usleep(2_000)
        }
        let exited = Date()
        if process.isRunning {
            process.terminate()
            XCTFail("folio \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        XCTAssertNotNil(signalled, "stderr never showed \(trigger): \(stderr.text)")
        return Outcome(status: process.terminationStatus, stderr: stderr.finished(),
                       secondsAfterSignal: signalled.map { exited.timeIntervalSince($0) } ?? .infinity)
    }
}

/// A pipe's text so far, read on a background thread as it arrives.
final class GrowingText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        DispatchQueue.global().async {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                self.lock.withLock { self.data.append(chunk) }
            }
            self.done.signal()
        }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// The whole text, once the pipe is closed.
    func finished() -> String {
        done.wait()
        return text
    }
}
