import Foundation
import XCTest
@testable import Datasets

/// Image downloads against a hostile local server: every bound (20 MB after decompression, one
/// total deadline, announced lengths, redirects) holds, and fails in words.
final class BoundedFetchTests: XCTestCase {
    private let noBase = URL(fileURLWithPath: "/")
    private let limit = ImageImport.maximumFileBytes

    private func server(routes: [String: [UInt8]] = [:], handlers: [String: LocalHTTPServer.Handler]) throws -> LocalHTTPServer {
        let server = try LocalHTTPServer(routes: routes, handlers: handlers)
        addTeardownBlock { server.stop() }
        return server
    }

    /// The reason of the `downloadFailed` that `body` throws, or a failure.
    private func failureReason(_ body: @autoclosure () throws -> [UInt8], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let bytes = try body()
            XCTFail("expected a failure, got \(bytes.count) bytes", file: file, line: line)
        } catch DatasetError.downloadFailed(_, let reason) {
            return reason
        } catch {
            XCTFail("expected downloadFailed, got \(error)", file: file, line: line)
        }
        return ""
    }

    private func maxRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    func testPlainAndGzipEncodedImagesArriveWhole() throws {
        let png = SyntheticPhoto.encode([UInt8](repeating: 200, count: 64 * 64), width: 64, height: 64, as: .png)
        let server = try server(routes: ["/plain.png": png],
                                handlers: ["/encoded.png": HostileReplies.gzipEncoded(GzipBomb.zeros(decodedBytes: 100_000)),
                                           "/moved.png": HostileReplies.redirect(to: "/plain.png")])
        XCTAssertEqual(try ImageImport.readBytes(server.url("/plain.png"), relativeTo: noBase), png)
        XCTAssertEqual(try ImageImport.readBytes(server.url("/moved.png"), relativeTo: noBase), png, "one redirect is followed")
        XCTAssertEqual(try ImageImport.readBytes(server.url("/encoded.png"), relativeTo: noBase),
                       [UInt8](repeating: 0, count: 100_000), "Content-Encoding: gzip is undone")
    }

    func testGzipBombIsRefusedQuicklyWithLittleMemory() throws {
        let rssAtStart = maxRSS()
        let bomb = GzipBomb.zeros(decodedBytes: 1 << 30)
        print("gzip bomb: peak RSS \(rssAtStart / 1_000_000) MB before making it, \(maxRSS() / 1_000_000) MB after")
        XCTAssertLessThan(bomb.count, 2_000_000, "a small body")
        let declared = bomb.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(declared, 1 << 30, "whose gzip trailer says it inflates to 1 GiB")
        let server = try server(handlers: ["/bomb.png": HostileReplies.gzipEncoded(bomb)])

        let rssBefore = maxRSS()
        let start = Date()
        let reason = failureReason(try ImageImport.readBytes(server.url("/bomb.png"), relativeTo: noBase))
        let elapsed = Date().timeIntervalSince(start)
        let rssGrowth = maxRSS() - rssBefore
        print("gzip bomb (\(bomb.count) bytes): refused after \(String(format: "%.2f", elapsed)) s; "
              + "peak RSS \(maxRSS() / 1_000_000) MB, grown by \(rssGrowth / 1_000_000) MB")
        XCTAssertEqual(reason, "the server sent more than 20 MB (after decompression)")
        XCTAssertLessThan(elapsed, 5)
        XCTAssertLessThan(rssGrowth, 150_000_000, "memory stays far below the 1 GiB the bomb inflates to")
    }

    func testSlowDripEndsAtTheTotalDeadline() throws {
        let server = try server(handlers: ["/drip.png": HostileReplies.drip(every: 2)])
        let start = Date()
        let reason = failureReason(try ImageImport.readBytes(server.url("/drip.png"), relativeTo: noBase, deadline: 3))
        let elapsed = Date().timeIntervalSince(start)
        print("slow drip: ended after \(String(format: "%.2f", elapsed)) s (deadline 3 s)")
        XCTAssertEqual(reason, "no complete answer within 3 s")
        XCTAssertGreaterThanOrEqual(elapsed, 2.9, "a byte every 2 s would defeat an idle timeout, not the deadline")
        XCTAssertLessThan(elapsed, 6, "and not the 60 s the drip would last")
    }

    func testEndlessBodyIsCutAtTheLimit() throws {
        let tally = HostileReplies.Tally()
        let server = try server(handlers: ["/endless.png": HostileReplies.endless(tally: tally)])
        let start = Date()
        let reason = failureReason(try ImageImport.readBytes(server.url("/endless.png"), relativeTo: noBase))
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(reason, "the server sent more than 20 MB")
        XCTAssertLessThan(elapsed, 5)
        let hangUp = Date().addingTimeInterval(3)
        while !tally.finished, Date() < hangUp { Thread.sleep(forTimeInterval: 0.02) }
        print("endless body: refused after \(String(format: "%.2f", elapsed)) s; the server got \(tally.sent / 1_000_000) MB out")
        XCTAssertTrue(tally.finished, "the client hung up")
        XCTAssertGreaterThan(tally.sent, limit)
        XCTAssertLessThan(tally.sent, limit + 40_000_000, "no more than the limit and the socket buffers")
    }

    func testHugeContentLengthIsRefusedBeforeReading() throws {
        let tally = HostileReplies.Tally()
        let server = try server(handlers: ["/huge.png": HostileReplies.announcing(length: 1_000_000_000_000, tally: tally)])
        let start = Date()
        let reason = failureReason(try ImageImport.readBytes(server.url("/huge.png"), relativeTo: noBase))
        XCTAssertEqual(reason, "the server announced 1000000 MB, more than the 20 MB allowed")
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "refused on the head, without waiting for a body")
    }

    func testRedirectLoopsAndChainsAreRefused() throws {
        var handlers: [String: LocalHTTPServer.Handler] = ["/a.png": HostileReplies.redirect(to: "/b.png"),
                                                           "/b.png": HostileReplies.redirect(to: "/a.png")]
        for hop in 0..<10 { handlers["/hop\(hop).png"] = HostileReplies.redirect(to: "/hop\(hop + 1).png") }
        let server = try server(handlers: handlers)
        let start = Date()
        XCTAssertEqual(failureReason(try ImageImport.readBytes(server.url("/a.png"), relativeTo: noBase)),
                       "the server's redirects go round in a loop")
        XCTAssertEqual(failureReason(try ImageImport.readBytes(server.url("/hop0.png"), relativeTo: noBase)),
                       "the server redirected more than 5 times")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testWebPageInsteadOfImageIsNamed() throws {
        let page = Array("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>\n".utf8)
        let server = try server(handlers: ["/photo.png": HostileReplies.plain(page, contentType: "text/html")])
        let bytes = try ImageImport.readBytes(server.url("/photo.png"), relativeTo: noBase)
        XCTAssertEqual(bytes, page)
        XCTAssertThrowsError(try ImageImport.prepare(bytes, invert: .auto, center: true)) { error in
            XCTAssertEqual(error as? DatasetError, .imageUndecodable(reason: "it is an HTML page, not an image"))
            XCTAssertEqual(String(describing: error),
                           "The image cannot be decoded (it is an HTML page, not an image); use a PNG, JPEG, BMP or GIF file.")
        }
    }

    /// Names of this process's threads that are SwiftNIO event loops.
    private func eventLoopThreads() -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8) }
            .filter { $0.hasPrefix("NIO-ELT") }
    }

    func testEachFetchShutsItsEventLoopDown() throws {
        let server = try server(routes: ["/ok.png": [1, 2, 3]], handlers: ["/huge.png": HostileReplies.announcing(
            length: 1 << 40, tally: HostileReplies.Tally())])
        XCTAssertEqual(try ImageImport.readBytes(server.url("/ok.png"), relativeTo: noBase), [1, 2, 3])
        XCTAssertEqual(eventLoopThreads(), [], "after a success")
        XCTAssertThrowsError(try ImageImport.readBytes(server.url("/huge.png"), relativeTo: noBase))
        XCTAssertEqual(eventLoopThreads(), [], "after a refusal")
    }

    func testDamagedEncodingIsReported() throws {
        let bomb = GzipBomb.zeros(decodedBytes: 10_000)
        let server = try server(handlers: ["/cut.png": HostileReplies.gzipEncoded(Array(bomb.dropLast(6)))])
        XCTAssertEqual(failureReason(try ImageImport.readBytes(server.url("/cut.png"), relativeTo: noBase)),
                       "the compressed answer is damaged (it ends early)")
    }
}
