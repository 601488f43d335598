import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `folio preview` end to end: the built binary serves a temporary notebook on 127.0.0.1, an HTTP
/// client fetches the page, and a save (write + rename, as editors do) shows up within 2 s.
final class PreviewCommandTests: XCTestCase {
    private var folder: URL!
    private var preview: PreviewProcess?

    override func setUpWithError() throws {
        folder = try FolioProcess.makeWorkspace()
    }

    override func tearDownWithError() throws {
        preview?.stop()
        preview = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// A notebook that needs no data: prose, a model and its summary.
    private func notebook(_ prose: String) -> String {
        """
        ---
        title: Preview test
        ---
        \(prose)

        ```build
        dense 8 relu input=4
        dense 3 softmax
        ```

        ```summary
        ```

        """
    }

    /// Writes `text` to a temporary file and renames it over `name`, as editors save.
    private func save(_ text: String, as name: String) throws {
        let temporary = folder.appendingPathComponent(".\(name).tmp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temporary.path, folder.appendingPathComponent(name).path), 0)
    }

    private func start(_ name: String) throws -> PreviewProcess {
        let process = try PreviewProcess(arguments: ["preview", name, "--port", "0"], in: folder)
        preview = process
        return process
    }

    func testAPageIsServedAndASavedEditShowsUpWithinTwoSeconds() throws {
        try save(notebook("The first version of the lesson."), as: "lesson.md")
        let process = try start("lesson.md")
        let port = try XCTUnwrap(process.port(within: 30), "no 'Preview: http://127.0.0.1:PORT/' line; stderr: \(process.stderr)")

        let first = try XCTUnwrap(HTTP.waitForPage(port: port, containing: "The first version of the lesson.", within: 60))
        XCTAssertTrue(first.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                                     + "font-src data:; style-src 'unsafe-inline'; script-src 'sha256-"))
        XCTAssertEqual(first.components(separatedBy: "http-equiv=\"Content-Security-Policy\"").count, 2, "one policy")
        // The file on disk states the report's own policy, without a script.
        XCTAssertFalse((try String(contentsOf: folder.appendingPathComponent("output/lesson.html"), encoding: .utf8))
            .contains("script-src"))
        XCTAssertTrue(first.contains("new EventSource(\"/events\")"))
        XCTAssertTrue(first.contains("Total params"), "the summary cell ran")

        // The report on disk is the same run, without the preview's script.
        let written = try String(contentsOf: folder.appendingPathComponent("output/lesson.html"), encoding: .utf8)
        XCTAssertTrue(written.contains("The first version of the lesson."))
        XCTAssertFalse(written.contains("EventSource"))
        XCTAssertFalse(written.contains("folio-preview-generation"))

        let saved = Date()
        try save(notebook("The second version, edited in place."), as: "lesson.md")
        let second = HTTP.waitForPage(port: port, containing: "The second version, edited in place.", within: 2)
        XCTAssertNotNil(second, "the edit did not show up within 2 s (after \(Date().timeIntervalSince(saved)) s)")
        XCTAssertFalse(second?.contains("The first version") ?? true)
    }

    func testANotebookWithATextErrorServesItsDiagnostics() throws {
        try save("# Broken\n\n```fit\nepoch: 3\n```\n", as: "broken.md")
        let process = try start("broken.md")
        let port = try XCTUnwrap(process.port(within: 30), "stderr: \(process.stderr)")
        let page = try XCTUnwrap(HTTP.waitForPage(port: port, containing: "nothing was run", within: 30))
        XCTAssertTrue(page.contains("<code>broken.md:4:1</code> <strong>error</strong>: unknown fit option &#39;epoch&#39;"), page)
        XCTAssertTrue(page.contains("class=\"hint\""))

        // Fixing it brings the report.
        try save(notebook("Fixed now."), as: "broken.md")
        XCTAssertNotNil(HTTP.waitForPage(port: port, containing: "Fixed now.", within: 30))
    }

    func testTheServerListensOnLoopbackOnlyAndStreamsReloads() throws {
        try save(notebook("Loopback."), as: "loop.md")
        let process = try start("loop.md")
        let port = try XCTUnwrap(process.port(within: 30), "stderr: \(process.stderr)")
        XCTAssertNotNil(HTTP.waitForPage(port: port, containing: "Loopback.", within: 60))

        // Every listening socket on this port is bound to 127.0.0.1 (0100007F in /proc/net/tcp).
        let hexPort = String(format: ":%04X", port)
        let listening = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            .filter { $0.count > 3 && $0[1].hasSuffix(hexPort) && $0[3] == "0A" }
        XCTAssertEqual(listening.map { String($0[1]) }, ["0100007F" + hexPort])
        let listening6 = (try? String(contentsOfFile: "/proc/net/tcp6", encoding: .utf8)) ?? ""
        XCTAssertFalse(listening6.split(separator: "\n").contains { $0.contains(hexPort + " ") && $0.contains(" 0A ") })

        // /events greets with the current generation, then a reload after a save.
        let events = try EventStreamReader(port: port)
        defer { events.stop() }
        XCTAssertTrue(events.wait(for: "event: reload\ndata: 1\n", within: 5), events.text)
        try save(notebook("Loopback, again."), as: "loop.md")
        XCTAssertTrue(events.wait(for: "event: reload\ndata: 2\n", within: 30), events.text)
    }

    func testCtrlCStopsThePreview() throws {
        try save(notebook("Stop me."), as: "stop.md")
        let process = try start("stop.md")
        let port = try XCTUnwrap(process.port(within: 30), "stderr: \(process.stderr)")
        XCTAssertNotNil(HTTP.waitForPage(port: port, containing: "Stop me.", within: 60))
        let events = try EventStreamReader(port: port)
        defer { events.stop() }
        XCTAssertTrue(events.wait(for: "event: reload", within: 5))
        XCTAssertEqual(process.interrupt(within: 5), 130)
        XCTAssertTrue(process.stderr.contains("Preview stopped."))
    }

    func testABadPortOrAMissingNotebookIsAUsageError() throws {
        let badPort = try FolioProcess.run(["preview", "x.md", "--port", "70000"], in: folder, timeout: 30)
        XCTAssertEqual(badPort.status, 2)
        XCTAssertTrue(badPort.stderr.contains("--port takes a number from 1 to 65535"), badPort.stderr)
        let missing = try FolioProcess.run(["preview", "missing.md"], in: folder, timeout: 30)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read 'missing.md': it does not exist"), missing.stderr)
    }

    func testAPortInUseIsSaidPlainly() throws {
        try save(notebook("Busy."), as: "busy.md")
        let first = try start("busy.md")
        let port = try XCTUnwrap(first.port(within: 30), "stderr: \(first.stderr)")
        let second = try FolioProcess.run(["preview", "busy.md", "--port", String(port)], in: folder, timeout: 30)
        XCTAssertEqual(second.status, 2)
        XCTAssertTrue(second.stderr.contains("error: cannot serve on 127.0.0.1:\(port): port \(port) is in use; "
                                             + "choose another with --port, or leave --port out to get a free one"), second.stderr)
    }
}

/// `folio preview` running in the background; always killed by `stop()` (the tests' tearDown).
final class PreviewProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    init(arguments: [String], in folder: URL) throws {
        process.executableURL = FolioProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["FOLIO_DATA"] = folder.appendingPathComponent("data").path
        environment["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
        environment["FOLIO_DATASET_MIRROR"] = "http://127.0.0.1:9/"
        process.environment = environment
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.out.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.err.append(data) }
        }
        try process.run()
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// The port of the printed `Preview: http://127.0.0.1:PORT/` line.
    func port(within seconds: TimeInterval) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            if let range = stdout.range(of: #"Preview: http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                return Int(stdout[range].dropFirst("Preview: http://127.0.0.1:".count).dropLast())
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Sends SIGINT; the exit status, or nil when it did not stop in time.
    func interrupt(within seconds: TimeInterval) -> Int32? {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else { return nil }
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Plain GETs with URLSession (FoundationNetworking).
enum HTTP {
    static func get(port: Int, path: String = "/", timeout: TimeInterval = 2) -> String? {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { return nil }
        var request = URLRequest(url: url)
        request.timeoutInterval = timeout
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if let data, (response as? HTTPURLResponse)?.statusCode == 200 { result.text = String(decoding: data, as: UTF8.self) }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + timeout + 1)
        return result.text
    }

    /// Fetches `/` until the page contains `text`; the page, or nil after `seconds`.
    static func waitForPage(port: Int, containing text: String, within seconds: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let page = get(port: port, timeout: max(0.2, min(2, deadline.timeIntervalSinceNow))), page.contains(text) { return page }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return nil
    }

    private final class ResultBox: @unchecked Sendable { var text: String? }
}

/// Reads `/events` as it arrives (curl -N, so no HTTP is parsed here).
final class EventStreamReader: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var data = Data()

    init(port: Int) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sN", "--max-time", "60", "http://127.0.0.1:\(port)/events"]
        let pipe = Pipe()
        process.standardOutput = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            self?.lock.withLock { self?.data.append(chunk) }
        }
        try process.run()
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    func wait(for fragment: String, within seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text.contains(fragment) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
