import Foundation
import XCTest

/// `folio run` under an address-space limit (`ulimit -v`): a model or data set that does not fit is
/// refused with the budget's message naming the limit, and no run hangs — each child has a timeout.
final class MemoryLimitCLITests: XCTestCase {
    /// The walkthrough's cells on the small fixture set.
    private static let walkthrough = """
    ---
    title: Under a limit
    seed: 42
    ---
    ```load
    dataset: mnist
    ```

    ```preprocess
    flatten: true
    scale: 255
    one_hot: 10
    ```

    ```build
    dense 10 relu input=784
    dense 10 relu
    dense 10 relu
    dense 10 softmax
    ```

    ```fit
    optimizer: adam
    loss: categorical_crossentropy
    metrics: accuracy
    epochs: 2
    batch_size: 200
    validation_split: 0.1
    ```

    ```evaluate
    ```
    """

    func testTooLargeModelIsRefusedWithTheLimitThatBinds() throws {
        let folder = try FolioProcess.makeWorkspace()
        let notebook = Self.walkthrough.replacingOccurrences(of: """
            dense 10 relu input=784
            dense 10 relu
            """, with: """
            dense 20000 relu input=784
            dense 20000 relu
            """)
        _ = try FolioProcess.write(notebook, to: "big.md", in: folder)
        let started = Date()
        let outcome = try FolioProcess.run(["run", "big.md"], in: folder, timeout: 60, addressSpaceKB: 1_500_000)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertTrue([1, 2].contains(outcome.status), "exit \(outcome.status): \(outcome.stderr)")
        XCTAssertTrue(outcome.stderr.contains(" GB but the address-space limit (ulimit -v) leaves"), outcome.stderr)
        XCTAssertLessThan(seconds, 20)
        if outcome.status == 1 {
            let report = try String(contentsOf: folder.appendingPathComponent("output/big.html"), encoding: .utf8)
            XCTAssertTrue(report.contains("the address-space limit (ulimit -v) leaves"))
        }
    }

    /// Limits from below an idle folio's needs to well above the walkthrough's: every run ends within
    /// 30 s with a report or a refusal — never a hang, never an abort (exit 134) — at least one is
    /// refused with the budget's message, and the loosest succeeds.
    func testWalkthroughNeverHangsAtTightLimits() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(Self.walkthrough, to: "walk.md", in: folder)
        var refused = 0
        var last: Int32 = -1
        for limit in stride(from: 150_000, through: 1_200_000, by: 75_000) {
            let started = Date()
            let outcome = try FolioProcess.run(["run", "walk.md"], in: folder, timeout: 30, addressSpaceKB: limit)
            let seconds = Date().timeIntervalSince(started)
            XCTAssertTrue((0...2).contains(outcome.status),
                          "ulimit -v \(limit): exit \(outcome.status) after \(seconds) s: \(outcome.stderr.suffix(600))")
            XCTAssertLessThan(seconds, 30, "ulimit -v \(limit)")
            if outcome.status != 0, outcome.stderr.contains("limit (ulimit -v) leaves") { refused += 1 }
            last = outcome.status
        }
        XCTAssertGreaterThan(refused, 0, "no limit was tight enough to refuse")
        XCTAssertEqual(last, 0, "the loosest limit should let the walkthrough run")
    }
}
