import Foundation
import XCTest
import Notebook
@testable import Runner
@testable import Report

/// templates/report.mustache against `ReportView`: every tag names a field of the view at its
/// section's level, and no cell-level name can fall back to the run's fields.
final class ReportTemplateFieldTests: XCTestCase {
    private static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/report.mustache")

    /// A view in which every optional is set and every list has elements: a failed run (with a
    /// partial output in the failing cell) merged with a successful one.
    private func sampleShape() throws -> ViewShape {
        let document = try SampleRuns.document(SampleRuns.withParameters)
        let views = [SampleRuns.failed(document, at: 4, partialOutputs: true), SampleRuns.successful(document),
                     SampleRuns.interrupted(document, at: 4, failing: 2)].map {
            ReportView(record: $0, css: "", version: "test", generatedAt: Date(timeIntervalSince1970: 0))
        }
        return views.map { ViewShape(of: $0) }.reduce(ViewShape.unknown) { $0.merged(with: $1) }
    }

    func testEveryTemplateTagIsAFieldAtItsLevel() throws {
        let text = try String(contentsOf: Self.template, encoding: .utf8)
        let tags = TemplateFieldCheck.tags(in: text)
        XCTAssertGreaterThan(tags.count, 40)
        XCTAssertTrue(tags.contains { $0.kind == "#" && $0.name == "cellError" })
        XCTAssertTrue(tags.contains { $0.kind == "{" && $0.name == "svg" })
        let problems = TemplateFieldCheck.problems(template: text, view: try sampleShape())
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testTheCheckCatchesFallbacksAndUnknownNames() throws {
        let shape = try sampleShape()
        let fallback = TemplateFieldCheck.problems(template: "{{#blocks}}{{#cell}}{{title}}{{/cell}}{{/blocks}}", view: shape)
        XCTAssertEqual(fallback.count, 1)
        XCTAssertTrue(fallback.first?.contains("'title' in blocks › cell is not a field") == true, "\(fallback)")
        XCTAssertFalse(TemplateFieldCheck.problems(template: "{{#blocks}}{{nope}}{{/blocks}}", view: shape).isEmpty)
        XCTAssertFalse(TemplateFieldCheck.problems(template: "{{#summary}}{{/blocks}}", view: shape).isEmpty)
    }

    func testAnOptionalSharedWithAnOuterLevelIsCaught() {
        struct Inner { var error: String? }
        struct Outer { var error: String?; var items: [Inner] }
        let shape = ViewShape(of: Outer(error: "run", items: [Inner(error: "cell")]))
        let problems = TemplateFieldCheck.problems(template: "{{#items}}{{#error}}{{.}}{{/error}}{{/items}}", view: shape)
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems.first?.contains("optional 'error'") == true, "\(problems)")
    }
}
