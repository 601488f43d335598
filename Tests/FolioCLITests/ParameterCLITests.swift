import Foundation
import XCTest

/// `-p NAME=VALUE` and `--params FILE` on `run` and `check`: the values reach the cells, the prose,
/// the report's parameters table and the `--json` record; every bad case is a located diagnostic,
/// exit status 2, and no report.
final class ParameterCLITests: XCTestCase {
    private static let notebook = """
    ---
    title: Parameters
    params:
      epochs: 1
      units: 12
      rate: 0.01
    ---
    We train for {{ epochs }} epochs, not `{{ epochs }}`.

    ```load
    dataset: mnist
    ```
    ```preprocess
    flatten: true
    scale: 255
    one_hot: 10
    ```
    ```build
    dense {{ units }} relu input=784
    dense 10 softmax
    ```
    ```fit
    loss: categorical_crossentropy
    epochs: {{ epochs }}
    learning_rate: {{ rate }}
    batch_size: 100
    ```

    """

    private func workspace() throws -> URL {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(Self.notebook, to: "nb.md", in: folder)
        _ = try FolioProcess.write("units: 8\nepochs: 5\n", to: "good.yaml", in: folder)
        _ = try FolioProcess.write("units: eight\nepoch: 2\n", to: "bad.yaml", in: folder)
        _ = try FolioProcess.write("units: [8\n", to: "broken.yaml", in: folder)
        return folder
    }

    func testValuesReachTheCellsTheProseTheReportAndTheRecord() throws {
        let folder = try workspace()
        let outcome = try FolioProcess.run(["run", "nb.md", "-p", "epochs=2", "--params", "good.yaml", "--json", "run.json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Epoch 2/2"), "-p wins over the file's epochs: 5\n\(outcome.stderr)")
        XCTAssertFalse(outcome.stderr.contains("Epoch 3/"), outcome.stderr)

        let html = try String(contentsOf: folder.appendingPathComponent("output/nb.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("""
            <tbody><tr><td><code>epochs</code></td><td><code>2</code></td><td>-p</td></tr>\
            <tr><td><code>units</code></td><td><code>8</code></td><td>file</td></tr>\
            <tr><td><code>rate</code></td><td><code>0.01</code></td><td>default</td></tr></tbody>
            """), html)
        XCTAssertTrue(html.contains("<p>We train for 2 epochs, not <code>{{ epochs }}</code>.</p>"), html)
        XCTAssertTrue(html.contains("<code>dense 8 relu input=784\n"), "the cell's source shows the value it ran with")

        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
            as? [String: Any])
        let params = try XCTUnwrap(record["params"] as? [String: Any])
        XCTAssertEqual(params["epochs"] as? Int, 2)
        XCTAssertEqual(params["units"] as? Int, 8)
        XCTAssertEqual(params["rate"] as? Double, 0.01)
        XCTAssertEqual(params.count, 3)
    }

    func testANotebookWithoutParametersHasNoTableAndAnEmptyRecord() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("```load\ndataset: mnist\n```\n", to: "plain.md", in: folder)
        let outcome = try FolioProcess.run(["run", "plain.md", "-q", "--json", "run.json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(contentsOf: folder.appendingPathComponent("output/plain.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("<table class=\"run-params\">"))
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
            as? [String: Any])
        XCTAssertEqual((record["params"] as? [String: Any])?.count, 0)
    }

    func testEveryBadParameterIsALocatedDiagnosticWithExitTwo() throws {
        let folder = try workspace()
        let cases: [(arguments: [String], stderr: String)] = [
            (["-p", "epochs=ten"], """
            nb.md:4:11: error: -p epochs=ten: 'epochs' takes an integer (its default is 1), got 'ten'
                hint: write a whole number such as 3
            1 error; nothing was run.

            """),
            (["-p", "rate=fast", "-p", "units=3.5"], """
            nb.md:5:10: error: -p units=3.5: 'units' takes an integer (its default is 12), got '3.5'
                hint: write a whole number such as 3
            nb.md:6:9: error: -p rate=fast: 'rate' takes a number (its default is 0.01), got 'fast'
                hint: write a number such as 3, 0.01 or 1e-3
            2 errors; nothing was run.

            """),
            (["-p", "epoch=2"], """
            nb.md:3:1: error: -p epoch=2: the notebook has no parameter 'epoch'; did you mean 'epochs'?
                hint: its parameters (front matter `params:`): epochs, units, rate
            1 error; nothing was run.

            """),
            (["-p", "epochs"], """
            nb.md:3:1: error: -p epochs: expected NAME=VALUE
                hint: give a parameter's value as `-p NAME=VALUE`, e.g. `-p epochs=2`
            1 error; nothing was run.

            """),
            (["--params", "bad.yaml"], """
            bad.yaml:1:8: error: 'units' takes an integer (its default is 12), got 'eight'
                hint: write a whole number such as 3 ('units' is declared at nb.md:5:10)
            bad.yaml:2:1: error: the notebook has no parameter 'epoch'; did you mean 'epochs'?
                hint: its parameters (front matter `params:`): epochs, units, rate
            2 errors; nothing was run.

            """),
            (["--params", "broken.yaml"], """
            broken.yaml:1:8: error: the parameters file is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)
                hint: a parameters file is YAML: one `name: value` line per parameter, e.g. `epochs: 2`
            1 error; nothing was run.

            """),
            (["--params", "missing.yaml"], """
            missing.yaml:1:1: error: no such parameters file
                hint: check the path and the current folder
            1 error; nothing was run.

            """),
            // Well-typed, but wrong for the cell: told at the `{{` where the value went.
            (["-p", "epochs=0", "-p", "units=0"], """
            nb.md:19:7: error: the number of units must be an integer from 1 to 1000000, got '0'
                hint: write `dense UNITS [ACTIVATION] [input=N] [init=NAME]`, e.g. `dense 128 relu`
            nb.md:24:9: error: 'epochs' must be an integer from 1 to 100000, got '0'
            2 errors; nothing was run.

            """),
        ]
        for (arguments, expected) in cases {
            for command in ["run", "check"] {
                let outcome = try FolioProcess.run([command, "nb.md", "-q"].filter { command == "run" || $0 != "-q" } + arguments,
                                                   in: folder)
                XCTAssertEqual(outcome.status, 2, "\(command) \(arguments)")
                XCTAssertEqual(outcome.stderr, expected, "\(command) \(arguments)")
                XCTAssertEqual(outcome.stdout, "")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path), "no report")
    }

    func testBadDeclarationsAndUnknownNamesInTheNotebook() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("---\nparams:\n  epochs: [1]\n  2nd: 3\n---\nWe train {{ epoch }} times.\n", to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["check", "nb.md"], in: folder)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.stderr, """
        nb.md:3:11: error: the default of 'epochs' must be a number, a boolean or text, got a list
            hint: write the default on the same line: `epochs: 10`
        nb.md:4:3: error: '2nd' is not a parameter name
            hint: a name is a letter or `_`, then letters, digits and `_` (e.g. `learning_rate`)
        nb.md:6:10: error: unknown parameter 'epoch'
            hint: declare it in the front matter: `params:`, then `  epoch: DEFAULT` on the next line; write `\\{{` for literal braces
        3 errors; nothing was run.

        """)
    }

    func testCheckAcceptsGoodValues() throws {
        let folder = try workspace()
        let outcome = try FolioProcess.run(["check", "nb.md", "--params", "good.yaml", "-p", "rate=1e-3"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "nb.md: ok — 4 cells (load, preprocess, build, fit)\n")
    }
}
