import Foundation
import XCTest
import Notebook
@testable import Runner

/// `folio check` accepts and refuses `plot: weights` and `plot: mistakes` exactly as the run does.
final class LearnedPlotsAnalysisTests: XCTestCase {
    private func lines(_ text: String) throws -> [String] {
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("lesson.md").path
        return NotebookAnalyzer().analyze(try NotebookParser.parse(source: text, path: path))
            .map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    private let mnistFlat = "```load\ndataset: mnist\n```\n```preprocess\nflatten: true\nscale: 255\n```\n"

    func testWeightsNeedOnlyAModelWhoseFirstWeightsAreAPicture() throws {
        XCTAssertEqual(try lines("```build\ndense 10 softmax input=784\n```\n```plot\nweights\n```\n"), [], "no data, no fit needed")
        XCTAssertEqual(try lines("```plot\nloss, weights\n```\n"), [
            "2:1: plot loss needs a training history, but no earlier cell ran fit on this model",
            "2:7: plot weights needs a model, but no earlier cell built or loaded one",
        ])
        XCTAssertEqual(try lines("```build\ndense 4 relu input=20\n```\n```plot\nweights\n```\n"),
                       ["5:1: plot weights draws each unit of a first `dense` layer as a picture, but layer 1's 20 inputs do not form one image"])
        XCTAssertEqual(try lines("```build\nbatchnorm input=784\ndense 10 softmax\n```\n```plot\nweights\n```\n"),
                       ["6:1: plot weights draws a first `dense` or `conv2d` layer, but the model's first layer with weights is `batchnorm` (layer 1)"])
    }

    func testMistakesNeedAnEvaluationAndOneOutputPerClass() throws {
        let fitted = mnistFlat + "```build\ndense 10 softmax\n```\n```fit\nloss: sparse_categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(fitted + "```plot\nmistakes\n```\n"),
                       ["15:1: plot mistakes needs an evaluation, but no earlier cell ran evaluate on this model since it was last trained"])
        XCTAssertEqual(try lines(fitted + "```evaluate\n```\n```plot\nweights, confusion_matrix, mistakes\n```\n"), [])
        let binary = mnistFlat + "```build\ndense 1 sigmoid\n```\n```evaluate\nloss: mean_squared_error\n```\n```plot\nmistakes\n```\n"
        XCTAssertEqual(try lines(binary), ["15:1: plot mistakes needs one output per class, but the model has 1"])
    }
}
