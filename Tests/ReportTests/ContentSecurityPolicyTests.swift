import Foundation
import XCTest
import Notebook
@testable import Runner
@testable import Report

/// Every report states its Content-Security-Policy first in `<head>`, whatever the template, and
/// allows a script only when Folio added it (by its hash).
final class ContentSecurityPolicyTests: XCTestCase {
    private static let policy = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'"

    private func render(_ renderer: ReportRenderer = ReportRenderer(version: "test"), source: String? = nil) throws -> String {
        try renderer.render(SampleRuns.successful(try SampleRuns.document()), generated: Date(timeIntervalSince1970: 0), source: source)
    }

    func testThePolicyIsTheFirstElementOfHeadWithTheExactPolicy() throws {
        let html = try render(source: "0123456789abcdef")
        let afterHead = try XCTUnwrap(html.components(separatedBy: "<head>\n").dropFirst().first)
        XCTAssertTrue(afterHead.hasPrefix("<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">\n"), afterHead.prefix(200).description)
        XCTAssertEqual(html.components(separatedBy: "Content-Security-Policy").count - 1, 1)
        XCTAssertTrue(html.contains("<meta name=\"folio-source\" content=\"0123456789abcdef\">"), "the source record is still there")
    }

    func testAReportWithoutFolioScriptsHasNoScriptAndSaysSo() throws {
        let html = try render()
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("script-src"))
        XCTAssertTrue(html.contains("no scripts, no external resources."))
    }

    func testFolioScriptsAreAllowedByTheirHashesAndExtraDirectivesFollow() throws {
        let script = "document.title = 'drawn';"
        let policy = ContentSecurityPolicy(inlineScripts: [script], extraDirectives: ["connect-src 'self'"])
        // echo -n "document.title = 'drawn';" | openssl dgst -sha256 -binary | base64
        XCTAssertEqual(ContentSecurityPolicy.hashSource(of: script), "'sha256-rs9JakdSf/OMx3YlsSw5swcWOarTilHAMZ3IlRbJCoY='")
        XCTAssertEqual(policy.content, Self.policy + "; script-src 'sha256-rs9JakdSf/OMx3YlsSw5swcWOarTilHAMZ3IlRbJCoY='; connect-src 'self'")
        let html = try render(ReportRenderer(version: "test", policy: policy))
        XCTAssertTrue(html.contains("<script>\(script)</script>\n</body>"))
        XCTAssertTrue(html.contains("script-src 'sha256-"))
        XCTAssertTrue(html.contains("only Folio's own script (allowed by its hash)"))
        XCTAssertFalse(html.contains("no scripts"))
    }

    func testAScriptThatWouldCloseItsElementIsRefused() {
        let renderer = ReportRenderer(version: "test", policy: ContentSecurityPolicy(inlineScripts: ["a = '</SCRIPT><b>'"]))
        XCTAssertThrowsError(try render(renderer)) { error in
            XCTAssertEqual(error as? ReportError, .scriptNotInlinable("a = '</SCRIPT><b>'"))
        }
    }

    func testACustomTemplateCannotDropThePolicy() throws {
        let template = ReportTemplate(mustache: "<html><HEAD lang=\"en\"><title>{{title}}</title></HEAD><body>{{#blocks}}{{/blocks}}</body></html>", css: "")
        let html = try render(ReportRenderer(template: template, version: "test"))
        XCTAssertTrue(html.hasPrefix("<html><HEAD lang=\"en\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">"), html)
    }

    func testATemplateWithoutHeadIsRefusedAtLoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-csp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<html><body>{{title}}</body></html>".write(to: folder.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("report.css"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReportTemplate.load(from: folder)) { error in
            let path = folder.appendingPathComponent("report.mustache").path
            XCTAssertEqual(error as? ReportError, .templateWithoutHead(path: path))
            XCTAssertTrue("\(error)".hasPrefix("the report template \(path) has no <head> element"), "\(error)")
        }
        XCTAssertThrowsError(try ReportTemplate(mustache: "<body>{{title}}</body>", css: "").compiled()) { error in
            XCTAssertEqual(error as? ReportError, .templateWithoutHead(path: nil))
        }
        XCTAssertNoThrow(try ReportTemplate(mustache: "<header>{{title}}</header><head></head>", css: "").compiled(),
                         "<header> is not <head>, but the real one later is found")
        XCTAssertThrowsError(try ReportTemplate(mustache: "<header>{{title}}</header>", css: "").compiled())
    }
}
