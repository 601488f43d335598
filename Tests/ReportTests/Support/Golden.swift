import Foundation
import XCTest

/// Compares text with a committed golden file; `FOLIO_UPDATE_GOLDEN=1` rewrites the file instead.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1" }

    static func assertMatches(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent(name)
        if updating {
            XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no golden file \(url.path); run the tests with FOLIO_UPDATE_GOLDEN=1 to write it", file: file, line: line)
            return
        }
        XCTAssertEqual(actual, expected, "differs from Golden/\(name); if the change is intended, rerun with FOLIO_UPDATE_GOLDEN=1",
                       file: file, line: line)
    }
}
