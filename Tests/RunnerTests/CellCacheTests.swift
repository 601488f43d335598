import Foundation
import XCTest
import Notebook
@testable import Runner

/// The cell cache on the small MNIST fixture: a cached run equals a clean one, bit for bit where
/// the engine computes, and a damaged or foreign cache is never trusted.
final class CellCacheTests: XCTestCase {
    private var folder: URL!
    private var cacheRoot: URL { folder.appendingPathComponent("output/.folio-cache") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = RunnerTests.fixtures.deletingLastPathComponent()
        for name in ["mnist-small", "drawn"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// load, preprocess, build, fit, fit, evaluate, predict, plot, save.
    private func notebook(secondFitEpochs: Int = 1, plot: String = "loss, accuracy", save: Bool = true) -> String {
        """
        ---
        seed: 7
        ---
        # Cached lesson
        ```load
        path: mnist-small
        ```
        ```preprocess
        flatten: true
        scale: 255
        one_hot: 10
        ```
        ```build
        dense 16 relu
        dense 10 softmax
        ```
        Some prose between the cells.
        ```fit
        optimizer: adam
        loss: categorical_crossentropy
        epochs: 2
        batch_size: 50
        validation_split: 0.2
        ```
        ```fit
        optimizer: adam
        loss: categorical_crossentropy
        epochs: \(secondFitEpochs)
        batch_size: 50
        validation_split: 0.2
        ```
        ```evaluate
        ```
        ```predict
        image: drawn
        labels: drawn/labels.csv
        ```
        ```plot
        \(plot)
        ```

        """ + (save ? "```save\npath: model.safetensors\n```\n" : "")
    }

    private func run(_ text: String, cache: CellCache?) throws -> RunRecord {
        let path = folder.appendingPathComponent("lesson.md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let document = try NotebookParser.parse(source: text, path: path)
        return NotebookRunner(environment: [:], cache: cache).run(document)
    }

    private var cache: CellCache { CellCache(root: cacheRoot) }
    private var savedModel: Data? { try? Data(contentsOf: folder.appendingPathComponent("model.safetensors")) }

    /// Outputs with wall-clock times blanked (the fit's "in 0.12 s" and its history's seconds column).
    private func timeless(_ outputs: [Output]) -> [Output] {
        outputs.map { output in
            switch output {
            case .text(let text):
                return .text(text.replacingOccurrences(of: #"\d+(\.\d+)? ?(s|ms|µs|min)\b"#, with: "TIME", options: .regularExpression))
            case .table(var table):
                for name in ["seconds", "fit time"] {
                    guard let column = table.header.firstIndex(of: name) else { continue }
                    table.rows = table.rows.map { row in row.enumerated().map { $0.offset == column ? "" : $0.element } }
                }
                return .table(table)
            case .chart:
                return output
            }
        }
    }

    /// The record as `--json` writes it, with times (the cells', the models' fits) and cached markers taken out.
    private func comparableJSON(_ record: RunRecord) throws -> String {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: record.jsonData()) as? [String: Any])
        object["seconds"] = nil
        object["cells"] = (object["cells"] as? [[String: Any]])?.map { cell -> [String: Any] in
            var cell = cell
            cell["seconds"] = nil
            cell["cached"] = nil
            return cell
        }
        object["models"] = (object["models"] as? [[String: Any]])?.map { model -> [String: Any] in
            var model = model
            model["fit_seconds"] = nil
            return model
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private func assertSameRun(_ cached: RunRecord, _ clean: RunRecord, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(cached.results.map(\.status), clean.results.map(\.status), file: file, line: line)
        for (mine, theirs) in zip(cached.results, clean.results) {
            XCTAssertEqual(timeless(mine.outputs), timeless(theirs.outputs), "cell \(mine.cell.index)", file: file, line: line)
        }
        var history = cached.history, cleanHistory = clean.history
        history?.epochSeconds = []
        cleanHistory?.epochSeconds = []
        XCTAssertEqual(history, cleanHistory, "the history, bit for bit, but for its times", file: file, line: line)
        XCTAssertEqual(cached.evaluation, clean.evaluation, file: file, line: line)
        XCTAssertEqual(cached.predictions, clean.predictions, file: file, line: line)
        XCTAssertEqual(try comparableJSON(cached), try comparableJSON(clean), file: file, line: line)
    }

    func testEditingTheLastCellsRestoresEverythingAboveAndMatchesACleanRun() throws {
        let edited = notebook(plot: "loss, accuracy, confusion_matrix")
        let clean = try run(edited, cache: nil)
        XCTAssertFalse(clean.failed, "\(String(describing: clean.error))")
        let cleanModel = try XCTUnwrap(savedModel)

        let first = try run(notebook(), cache: cache)
        XCTAssertEqual(first.results.map(\.cached), Array(repeating: false, count: 9))
        let cached = try run(edited, cache: cache)
        XCTAssertEqual(cached.results.map(\.cached), [true, true, true, true, true, true, true, false, false])
        try assertSameRun(cached, clean)
        XCTAssertEqual(savedModel, cleanModel, "the weights and optimizer state after the cached run are the clean run's, bit for bit")
    }

    func testASecondFitAfterACachedFitResumesTheOptimizerAndRandomStreamExactly() throws {
        let edited = notebook(secondFitEpochs: 2)
        let clean = try run(edited, cache: nil)
        XCTAssertFalse(clean.failed, "\(String(describing: clean.error))")
        let cleanModel = try XCTUnwrap(savedModel)

        _ = try run(notebook(), cache: cache)
        let cached = try run(edited, cache: cache)
        XCTAssertEqual(cached.results.map(\.cached), [true, true, true, true, false, false, false, false, false])
        try assertSameRun(cached, clean)
        XCTAssertEqual(savedModel, cleanModel)
    }

    func testWhenEveryCellHitsNothingIsRestoredAndTheRecordIsTheSame() throws {
        let text = notebook(save: false)
        let first = try run(text, cache: cache)
        // Without the model blobs nothing could be restored: an all-hit run must not need them.
        try FileManager.default.removeItem(at: cacheRoot.appendingPathComponent("blobs"))
        let second = try run(text, cache: cache)
        XCTAssertEqual(second.results.map(\.cached), Array(repeating: true, count: 8))
        XCTAssertEqual(second.results.map(\.seconds), first.results.map(\.seconds), "a cached cell shows the seconds it took")
        XCTAssertEqual(second.results.map(\.outputs), first.results.map(\.outputs))
        try assertSameRun(second, first)
    }

    /// Two labelled models, each fitted, the first twice: the per-model records survive the cache.
    private func twoModels(plot: String) -> String {
        """
        ---
        seed: 7
        ---
        ```load
        path: mnist-small
        ```
        ```preprocess
        flatten: true
        scale: 255
        one_hot: 10
        ```
        ```build
        #| label: small
        dense 10 softmax
        ```
        ```fit
        loss: categorical_crossentropy
        epochs: 1
        batch_size: 50
        validation_split: 0.2
        ```
        ```evaluate
        ```
        ```build
        dense 16 relu
        dense 10 softmax
        ```
        ```fit
        loss: categorical_crossentropy
        epochs: 2
        batch_size: 50
        ```
        ```fit
        loss: categorical_crossentropy
        epochs: 1
        batch_size: 50
        ```
        ```plot
        \(plot)
        ```

        """
    }

    func testTwoModelsRecordsAreSnapshottedSoACachedRunEqualsACleanOne() throws {
        let edited = twoModels(plot: "compare, loss")
        let clean = try run(edited, cache: nil)
        XCTAssertFalse(clean.failed, "\(String(describing: clean.error))")
        XCTAssertEqual(clean.models.map(\.name), ["small", "model 2"])

        _ = try run(twoModels(plot: "compare"), cache: cache)
        let cached = try run(edited, cache: cache)
        XCTAssertEqual(cached.results.map(\.cached), [true, true, true, true, true, true, true, true, false])
        try assertSameRun(cached, clean)
        XCTAssertEqual(cached.models.map(\.name), clean.models.map(\.name))
        XCTAssertEqual(cached.models.map(\.history?.loss), clean.models.map(\.history?.loss), "restored histories, bit for bit")
        XCTAssertEqual(cached.models.map(\.evaluation), clean.models.map(\.evaluation))

        let allHits = try run(edited, cache: cache)
        XCTAssertEqual(allHits.results.map(\.cached), Array(repeating: true, count: 9))
        XCTAssertEqual(allHits.models.map(\.history?.loss), clean.models.map(\.history?.loss))
        try assertSameRun(allHits, clean)
    }

    func testRenamingAModelMissesFromItsBuildOn() throws {
        _ = try run(twoModels(plot: "compare"), cache: cache)
        let renamed = try run(twoModels(plot: "compare").replacingOccurrences(of: "#| label: small", with: "#| label: tiny"), cache: cache)
        XCTAssertEqual(renamed.results.map(\.cached), [true, true, false, false, false, false, false, false, false],
                       "the label is part of the build cell's key")
        XCTAssertEqual(renamed.models.map(\.name), ["tiny", "model 2"])
    }

    func testASaveCellAlwaysWritesItsModel() throws {
        let text = notebook()
        _ = try run(text, cache: cache)
        let model = try XCTUnwrap(savedModel)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("model.safetensors"))
        let second = try run(text, cache: cache)
        XCTAssertEqual(second.results.map(\.cached), Array(repeating: true, count: 9))
        XCTAssertEqual(savedModel, model)
    }

    func testCorruptTruncatedOrForeignEntriesAreIgnoredAndRebuilt() throws {
        let text = notebook(save: false)
        let first = try run(text, cache: cache)
        let entries = cacheRoot.appendingPathComponent("entries")
        let names = try FileManager.default.contentsOfDirectory(atPath: entries.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(names.count, 8)
        for (number, name) in names.enumerated() {
            let url = entries.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            switch number % 4 {
            case 0: bytes[bytes.count / 2] ^= 0x20                          // one flipped bit
            case 1: bytes = bytes.prefix(bytes.count / 3)                   // truncated
            case 2: bytes = Data(String(decoding: bytes, as: UTF8.self)
                        .replacingOccurrences(of: "folio-cache-entry 1 ", with: "folio-cache-entry 99 ").utf8) // foreign version
            default: bytes = Data("{not json".utf8)
            }
            try bytes.write(to: url)
        }
        let second = try run(text, cache: cache)
        XCTAssertEqual(second.results.map(\.cached), Array(repeating: false, count: 8), "no damaged entry is trusted")
        try assertSameRun(second, first)
        let third = try run(text, cache: cache)
        XCTAssertEqual(third.results.map(\.cached), Array(repeating: true, count: 8), "the damaged entries were rebuilt")
    }

    func testAChangedDataFileMissesFromTheLoadOn() throws {
        let text = notebook(save: false)
        _ = try run(text, cache: cache)
        let labels = folder.appendingPathComponent("drawn/labels.csv")
        let csv = try String(contentsOf: labels, encoding: .utf8)
        try (csv + "\n").write(to: labels, atomically: true, encoding: .utf8)
        let second = try run(text, cache: cache)
        XCTAssertEqual(second.results.map(\.cached), [true, true, true, true, true, true, false, false],
                       "the predict reading the changed labels file runs again, and everything after it")
    }

    func testTheCacheIsTrimmedToItsSize() throws {
        let text = notebook(save: false)
        _ = try run(text, cache: CellCache(root: cacheRoot, sizeLimit: 1))
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheRoot.appendingPathComponent("entries").path)
        XCTAssertEqual(entries.filter { !$0.hasPrefix(".") }, [], "every entry is over a 1-byte budget")
        let blobs = try FileManager.default.contentsOfDirectory(atPath: cacheRoot.appendingPathComponent("blobs").path)
        XCTAssertEqual(blobs.filter { !$0.hasPrefix(".") }, [])
    }

    func testCacheSizesAndCleaning() throws {
        XCTAssertEqual(try CacheSize.bytes("500MB"), 500 << 20)
        XCTAssertEqual(try CacheSize.bytes("1GB"), 1 << 30)
        XCTAssertEqual(try CacheSize.bytes("2048"), 2048)
        XCTAssertThrowsError(try CacheSize.bytes("lots"))
        XCTAssertThrowsError(try CacheSize.bytes("-1GB"))
        _ = try run(notebook(save: false), cache: cache)
        let removed = try XCTUnwrap(CellCache.remove(at: cacheRoot))
        XCTAssertGreaterThan(removed.files, 8)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheRoot.path))
        XCTAssertNil(try CellCache.remove(at: cacheRoot))
    }
}
