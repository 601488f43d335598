import Foundation
import XCTest

/// End-to-end: `folio run --cache`, the terminal and report markers, `--cache-size`, `folio clean`.
final class CacheCommandTests: XCTestCase {
    private func workspace() throws -> URL {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(RunCommandTests.architectureExample, to: "nb/example.md", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nb/images"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("notebooks/images/seven.png"),
                                         to: folder.appendingPathComponent("nb/images/seven.png"))
        return folder
    }

    /// A report with its times and cached badges taken out.
    private func timeless(_ html: String) -> String {
        html.replacingOccurrences(of: #"\s*<span class="cell-cached"[^>]*>cached</span>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"<dt>generated</dt><dd>[^<]*</dd>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\d+(\.\d+)? ?(s|ms|µs)\b"#, with: "TIME", options: .regularExpression)
            .replacingOccurrences(of: #">\d+\.\d{3}<"#, with: ">TIME<", options: .regularExpression)
    }

    /// A `--json` record without its times and cached markers.
    private func timeless(json url: URL) throws -> NSDictionary {
        var record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        record["seconds"] = nil
        record["cells"] = (record["cells"] as? [[String: Any]])?.map { cell -> [String: Any] in
            var cell = cell
            cell["seconds"] = nil
            cell["cached"] = nil
            return cell
        }
        record["models"] = (record["models"] as? [[String: Any]])?.map { model -> [String: Any] in
            var model = model
            model["fit_seconds"] = nil
            return model
        }
        return record as NSDictionary
    }

    func testAProseEditRestoresEveryCellAndTheReportEqualsACleanRun() throws {
        let folder = try workspace()
        let first = try FolioProcess.run(["run", "nb/example.md", "--cache"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stderr.contains("cached"), first.stderr)

        let edited = RunCommandTests.architectureExample.replacingOccurrences(of: "# Load the data", with: "# Load the digits")
        XCTAssertNotEqual(edited, RunCommandTests.architectureExample)
        _ = try FolioProcess.write(edited, to: "nb/example.md", in: folder)
        let cached = try FolioProcess.run(["run", "nb/example.md", "--cache", "--json", "cached.json"], in: folder)
        XCTAssertEqual(cached.status, 0, cached.stderr)
        XCTAssertNotNil(cached.stderr.range(of: #"\[4/7\] fit \(line \d+\) — cached, \d+\.\d\d s saved"#, options: .regularExpression),
                        cached.stderr)
        XCTAssertFalse(cached.stderr.contains("Epoch 1/10"), "nothing trains again")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("cached.json"))) as? [String: Any])
        XCTAssertEqual((json["cells"] as? [[String: Any]])?.map { $0["cached"] as? Bool }, Array(repeating: true, count: 7))
        let cachedHTML = try String(contentsOf: folder.appendingPathComponent("output/nb/example.html"), encoding: .utf8)
        XCTAssertEqual(cachedHTML.components(separatedBy: "<span class=\"cell-cached\"").count - 1, 7)

        let clean = try FolioProcess.run(["run", "nb/example.md", "-o", "clean.html", "--json", "clean.json"], in: folder)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let cleanHTML = try String(contentsOf: folder.appendingPathComponent("clean.html"), encoding: .utf8)
        XCTAssertFalse(cleanHTML.contains("class=\"cell-cached\""))
        XCTAssertEqual(timeless(cachedHTML), timeless(cleanHTML))
        XCTAssertEqual(try timeless(json: folder.appendingPathComponent("cached.json")),
                       try timeless(json: folder.appendingPathComponent("clean.json")))
    }

    func testCleanRemovesTheCacheAndSaysWhat() throws {
        let folder = try workspace()
        XCTAssertEqual(try FolioProcess.run(["run", "nb/example.md", "--cache", "--cache-size", "500MB"], in: folder).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/.folio-cache/index.json").path))
        let clean = try FolioProcess.run(["clean"], in: folder)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertNotNil(clean.stdout.range(of: #"^Removed output/\.folio-cache: \d+ files, \d+\.\d MB\.\n$"#, options: .regularExpression),
                        clean.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/.folio-cache").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/nb/example.html").path),
                      "reports stay")
        let again = try FolioProcess.run(["clean"], in: folder)
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stdout, "There is no cache to remove (output/.folio-cache does not exist).\n")
    }

    func testABadCacheSizeIsAUsageError() throws {
        let folder = try workspace()
        let outcome = try FolioProcess.run(["run", "nb/example.md", "--cache", "--cache-size", "lots"], in: folder)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("'lots' is not a cache size"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path), "nothing ran")
    }
}
