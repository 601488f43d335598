import Foundation
import XCTest
import Notebook
@testable import Runner

/// Several models in one notebook: named records, per-model histories and scores, `plot: compare`,
/// `--json` `models`, and the static check of `compare`.
final class ModelComparisonTests: XCTestCase {
    private func run(_ text: String) throws -> RunRecord {
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("compare-test.md").path
        return NotebookRunner(environment: [:]).run(try NotebookParser.parse(source: text, path: path))
    }

    private func problems(_ text: String) throws -> [String] {
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("compare-test.md").path
        return NotebookAnalyzer().analyze(try NotebookParser.parse(source: text, path: path))
            .map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    private let data = "```load\npath: mnist-small\n```\n```preprocess\nflatten: true\nscale: 255\none_hot: 10\n```\n"

    private func fit(epochs: Int, validation: Bool = true) -> String {
        "```fit\nloss: categorical_crossentropy\nepochs: \(epochs)\nbatch_size: 50\n"
            + (validation ? "validation_split: 0.2\n" : "") + "```\n"
    }

    /// Three models: labelled, default-named (fitted twice), labelled and never fitted.
    private var threeModels: String {
        data
            + "```build\n#| label: tiny\ndense 10 softmax\n```\n" + fit(epochs: 2) + "```evaluate\n```\n"
            + "```build\ndense 16 relu\ndropout 0.2\ndense 10 softmax\n```\n" + fit(epochs: 1) + fit(epochs: 2)
            + "```evaluate\n```\n"
            + "```build\n#| label: unfitted\ndense 10 softmax\n```\n"
            + "```plot\ncompare\n```\n"
    }

    func testEachModelKeepsItsNameHistoryAndScores() throws {
        let record = try run(threeModels)
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        XCTAssertEqual(record.models.map(\.name), ["tiny", "model 2", "unfitted"])
        XCTAssertEqual(record.models.map(\.layers), ["dense 10", "dense 16 · dropout · dense 10", "dense 10"])
        XCTAssertEqual(record.models.map(\.parameters), [7_850, 12_730, 7_850])
        XCTAssertEqual(record.models.map { $0.history?.loss.count }, [2, 3, nil], "a second fit continues the same curves")
        XCTAssertEqual(record.models.map { $0.history?.valLoss.count }, [2, 3, nil])
        XCTAssertNotNil(record.models[0].evaluation)
        XCTAssertNotNil(record.models[1].evaluation)
        XCTAssertNil(record.models[2].evaluation)
        XCTAssertGreaterThan(record.models[1].fitSeconds, 0)
        XCTAssertEqual(record.models[2].fitSeconds, 0)
        XCTAssertEqual(record.results[2].outputs, [.text("tiny is a sequential model of 1 layer and 7,850 parameters: input 784, output 10.")])
        guard case .text(let unnamed) = record.results[5].outputs.first else { return XCTFail("build says what it built") }
        XCTAssertTrue(unnamed.hasPrefix("A sequential model of 3 layers"), unnamed)
        guard case .table(let firstEvaluation) = record.results[4].outputs.first else { return XCTFail("evaluate shows a table") }
        XCTAssertEqual(firstEvaluation.caption, "Evaluation of tiny on the test set (loss: categorical_crossentropy)")
        XCTAssertTrue(firstEvaluation.rows[1][1].hasPrefix(Format.metric(try XCTUnwrap(record.models[0].evaluation?.accuracy))))
        XCTAssertNotEqual(record.models[0].history, record.models[1].history)
        // The top-level history and evaluation stay the last fit's and evaluate's: model 2's whole history.
        XCTAssertEqual(record.history, record.models[1].history)
        XCTAssertEqual(record.evaluation?.accuracy, record.models[1].evaluation?.accuracy)
    }

    func testASecondFitNumbersItsEpochsOnAndAppendsToTheFirst() throws {
        let record = try run(data + "```build\ndense 10 softmax\n```\n" + fit(epochs: 2) + fit(epochs: 1) + "```plot\nloss\n```\n")
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        let second = record.results[4].outputs
        guard case .text(let summary) = second.first, case .table(let table) = second.last else {
            return XCTFail("a fit shows a line and its history")
        }
        XCTAssertTrue(summary.hasSuffix("The model's epochs continue from its earlier training, at epoch 3."), summary)
        XCTAssertEqual(table.rows.map { $0[0] }, ["3"])
        XCTAssertEqual(record.history?.loss.count, 3)
        guard case .chart(_, let caption) = record.results[5].outputs.first else { return XCTFail("plot draws a chart") }
        XCTAssertEqual(caption, "Training and validation loss after each epoch (model 1)")
    }

    func testEveryChartOfOneModelNamesItAndCompareDoesNot() throws {
        let record = try run(data + "```build\n#| label: wide\ndense 16 relu\ndense 10 softmax\n```\n" + fit(epochs: 1)
                             + "```evaluate\n```\n```plot\nloss, accuracy\nconfusion_matrix\nweights, mistakes\nsamples\ncompare\n```\n")
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        let captions = record.results[5].outputs.map { output -> String in
            switch output {
            case .chart(_, let caption): return caption
            case .table(let table): return table.caption
            case .text(let text): return text
            }
        }
        // loss, accuracy, the matrix and its table, weights, mistakes name the model; samples and compare (4 charts, a table) do not.
        XCTAssertEqual(captions.count, 12, "\(captions)")
        XCTAssertEqual(captions.prefix(6).filter { $0.hasSuffix(" (wide)") }.count, 6, "\(captions)")
        XCTAssertTrue(captions.suffix(6).allSatisfy { !$0.contains("(wide)") }, "\(captions)")
    }

    func testAFailedBuildKeepsItsNumberSoDefaultNamesFollowTheNotebook() throws {
        // The first build fails (no data yet, no input=); the second model cell is still "model 2",
        // the name `check` keeps labels from taking.
        let text = "```build\ndense 10 softmax\n```\n" + data + "```build\ndense 10 softmax\n```\n" + fit(epochs: 1)
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("compare-test.md").path
        let record = NotebookRunner(environment: [:], allowErrors: true).run(try NotebookParser.parse(source: text, path: path))
        XCTAssertEqual(record.results.map(\.status), [.error, .ok, .ok, .ok, .ok])
        XCTAssertEqual(record.models.map(\.name), ["model 2"])
    }

    func testPastFourModelsTheCaptionCountsThemAndTheLegendNamesEach() throws {
        let models = (1...5).map { "```build\n#| label: m\($0)\ndense 10 softmax\n```\n" + fit(epochs: 1, validation: false) }
        let record = try run(data + models.joined() + "```plot\ncompare\n```\n")
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        guard case .chart(let svg, let caption) = record.results.last?.outputs.first else { return XCTFail("compare draws a chart") }
        XCTAssertEqual(caption, "Loss of 5 models after each epoch")
        XCTAssertTrue((1...5).allSatisfy { svg.contains(">m\($0)</text>") })
    }

    func testAFitWithoutValidationAfterOneWithLeavesGaps() throws {
        let record = try run(data + "```build\ndense 10 softmax\n```\n" + fit(epochs: 1) + fit(epochs: 2, validation: false))
        let history = try XCTUnwrap(record.models.first?.history)
        XCTAssertEqual(history.loss.count, 3)
        XCTAssertEqual(history.valLoss.count, 3)
        XCTAssertTrue(history.valLoss[0].isFinite)
        XCTAssertTrue(history.valLoss[1].isNaN && history.valLoss[2].isNaN)
    }

    func testCompareDrawsOneChartPerMetricAndOneSeriesPerFittedModel() throws {
        let record = try run(threeModels)
        let outputs = try XCTUnwrap(record.results.last?.outputs)
        XCTAssertEqual(outputs.count, 5, "loss, accuracy, val_loss, val_accuracy and the table")
        let charts = outputs.compactMap { output -> (svg: String, caption: String)? in
            if case .chart(let svg, let caption) = output { return (svg, caption) } else { return nil }
        }
        XCTAssertEqual(charts.map(\.caption), ["Loss", "Accuracy", "Validation loss", "Validation accuracy"]
            .map { "\($0) of tiny and model 2 after each epoch" })
        for chart in charts {
            let colours = (1...8).filter { chart.svg.contains("folio-chart-series-\($0),") }
            XCTAssertEqual(colours, [1, 2], "one colour per fitted model")
            XCTAssertTrue(chart.svg.contains(">tiny</text>") && chart.svg.contains(">model 2</text>"), "the legend names the models")
            XCTAssertFalse(chart.svg.contains("unfitted"))
        }
        guard case .table(let table) = outputs.last else { return XCTFail("compare ends with a table") }
        XCTAssertEqual(table.header, ["model", "test accuracy", "parameters", "epochs", "fit time", "layers"])
        XCTAssertEqual(table.rows.map { $0[0] }, ["tiny", "model 2", "unfitted"])
        XCTAssertEqual(table.rows.map { $0[2] }, ["7,850", "12,730", "7,850"])
        XCTAssertEqual(table.rows.map { $0[3] }, ["2", "3", "—"])
        XCTAssertEqual(table.rows[2][4], "—")
        XCTAssertEqual(table.rows[2][1], "—")
        XCTAssertEqual(table.rows.map { $0[5] }, ["dense 10", "dense 16 · dropout · dense 10", "dense 10"])
        XCTAssertEqual(table.rows[0][1], Format.percent(try XCTUnwrap(record.models[0].evaluation?.accuracy)))
    }

    func testCompareWithoutAFittedModelFailsInTheRunAndTheCheck() throws {
        let text = data + "```build\ndense 10 softmax\n```\n```plot\ncompare\n```\n"
        let record = try run(text)
        XCTAssertEqual(record.error?.message, "plot compare needs a trained model, but no earlier cell ran fit")
        XCTAssertEqual(record.error?.location.line, 13)
        XCTAssertEqual(try problems(text), ["13:1: plot compare needs a trained model, but no earlier cell ran fit"])
    }

    func testCheckAcceptsCompareAfterAnEarlierModelWasFitted() throws {
        let text = data + "```build\ndense 10 softmax\n```\n" + fit(epochs: 1)
            + "```build\ndense 16 relu\ndense 10 softmax\n```\n```plot\ncompare\n```\n"
        XCTAssertEqual(try problems(text), [])
        XCTAssertFalse(try run(text).failed)
    }

    func testJSONHasOneModelEntryPerModelInNotebookOrder() throws {
        let record = try run(threeModels)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: record.jsonData()) as? [String: Any])
        let models = try XCTUnwrap(object["models"] as? [[String: Any]])
        XCTAssertEqual(models.map { $0["name"] as? String }, ["tiny", "model 2", "unfitted"])
        XCTAssertEqual(models.map { $0["parameters"] as? Int }, [7_850, 12_730, 7_850])
        XCTAssertEqual(models.map { $0["layers"] as? String }, ["dense 10", "dense 16 · dropout · dense 10", "dense 10"])
        XCTAssertEqual(Set(models[1].keys), ["name", "layers", "parameters", "fit_seconds", "history", "evaluate"])
        let history = try XCTUnwrap(models[1]["history"] as? [String: [Double]])
        let loss = try XCTUnwrap(record.models[1].history?.loss)
        XCTAssertEqual(history["loss"]?.count, loss.count)
        for (written, computed) in zip(history["loss"] ?? [], loss) { XCTAssertEqual(written, computed, accuracy: 1e-12) }
        XCTAssertEqual(history["val_accuracy"]?.count, 3)
        let evaluate = try XCTUnwrap(models[0]["evaluate"] as? [String: Double])
        XCTAssertEqual(evaluate["accuracy"] ?? -1, try XCTUnwrap(record.models[0].evaluation?.accuracy), accuracy: 1e-12)
        XCTAssertNil(models[2]["history"])
        XCTAssertEqual(models[2]["fit_seconds"] as? Double, 0)
        let top = try XCTUnwrap(object["history"] as? [String: [Double]])
        XCTAssertEqual(top["loss"], history["loss"], "the top-level history stays the last model's")
    }
}
