import XCTest
@testable import Datasets

/// Downloads from a local HTTP server serving the fixture files, as a mirror would.
final class DatasetDownloadTests: XCTestCase {
    var root = URL(fileURLWithPath: "/")
    var cacheRoot: URL { root.appendingPathComponent("cache") }
    var cache: URL { cacheRoot.appendingPathComponent("folio/datasets/mnist-small") }
    let spec = DatasetSpec(name: "mnist-small", mirror: "https://invalid.example/", checksums: TestSupport.fixtureChecksums)

    override func setUpWithError() throws {
        root = try TestSupport.temporaryDirectory(self)
    }

    func mirrorServer(omitting omitted: DatasetFileName? = nil, stalling: DatasetFileName? = nil) throws -> LocalHTTPServer {
        var routes: [String: [UInt8]] = [:]
        for file in DatasetFileName.allCases where file != omitted {
            routes["/mirror/\(file.gzipName)"] = try TestSupport.fixtureBytes(file)
        }
        let server = try LocalHTTPServer(routes: routes, stalled: Set([stalling].compactMap { $0.map { "/mirror/\($0.gzipName)" } }))
        addTeardownBlock { server.stop() }
        return server
    }

    func locator(mirror: String, idleTimeout: TimeInterval = 10) -> DatasetLocator {
        DatasetLocator(environment: ["XDG_CACHE_HOME": cacheRoot.path, "FOLIO_DATASET_MIRROR": mirror],
                       homeDirectory: root, systemFashionDirectory: root.appendingPathComponent("none"),
                       idleTimeout: idleTimeout)
    }

    func cachedNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).sorted()
    }

    func testDownloadsVerifiesAndCaches() throws {
        let server = try mirrorServer()
        var progress: [DownloadProgress] = []
        let found = try locator(mirror: server.url("/mirror")).locate(spec) { progress.append($0) }
        XCTAssertEqual(found.path, cache.path)
        XCTAssertEqual(cachedNames(), DatasetFileName.allCases.map(\.gzipName).sorted())
        for file in DatasetFileName.allCases {
            XCTAssertEqual([UInt8](try Data(contentsOf: cache.appendingPathComponent(file.gzipName))), try TestSupport.fixtureBytes(file))
            let last = progress.last { $0.file == file.gzipName }
            XCTAssertEqual(last?.receivedBytes, try TestSupport.fixtureBytes(file).count)
        }
        XCTAssertEqual(Set(server.requests), Set(DatasetFileName.allCases.map { "/mirror/\($0.gzipName)" }))
        XCTAssertEqual(try DatasetDirectory.load(found).train.images.count, 1000)

        // Cached now: found again with the server gone.
        server.stop()
        XCTAssertEqual(try locator(mirror: server.url("/mirror/")).locate(spec).path, cache.path)
    }

    func testDownloadsOnlyWhatTheCacheLacks() throws {
        let server = try mirrorServer()
        try TestSupport.populate(cache, files: [.trainImages, .trainLabels], copyFixtures: true)
        _ = try locator(mirror: server.url("/mirror/")).locate(spec)
        XCTAssertEqual(Set(server.requests), ["/mirror/t10k-images-idx3-ubyte.gz", "/mirror/t10k-labels-idx1-ubyte.gz"])
        XCTAssertEqual(cachedNames().count, 4)
    }

    func testBadChecksumKeepsNothing() throws {
        let server = try mirrorServer()
        var wrong = spec
        wrong.checksums[.testImages] = String(repeating: "0", count: 64)
        XCTAssertThrowsError(try locator(mirror: server.url("/mirror/")).locate(wrong)) { error in
            XCTAssertEqual(error as? DatasetError, .checksumMismatch(file: "t10k-images-idx3-ubyte.gz",
                                                                     expected: String(repeating: "0", count: 64),
                                                                     actual: TestSupport.fixtureChecksums[.testImages] ?? ""))
            XCTAssertTrue(String(describing: error).contains("t10k-images-idx3-ubyte.gz"))
        }
        XCTAssertEqual(cachedNames(), [], "neither the bad file nor its verified siblings nor temporary files remain")
    }

    func testMissingFileOnMirrorIsReported() throws {
        let server = try mirrorServer(omitting: .trainLabels)
        XCTAssertThrowsError(try locator(mirror: server.url("/mirror/")).locate(spec)) { error in
            guard case .datasetUnavailable(_, _, _, _, let reason) = error as? DatasetError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("train-labels-idx1-ubyte.gz"), reason)
            XCTAssertTrue(reason.contains("HTTP 404"), reason)
        }
        XCTAssertEqual(cachedNames(), [])
    }

    func testServerGoneFailsPromptly() throws {
        let server = try mirrorServer()
        server.stop()
        let start = Date()
        XCTAssertThrowsError(try locator(mirror: server.url("/mirror/")).locate(spec)) { error in
            guard case .datasetUnavailable(let name, _, let cacheFolder, _, let reason) = error as? DatasetError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(name, "mnist-small")
            XCTAssertEqual(cacheFolder, cache.path)
            XCTAssertTrue(reason.contains("refused"), reason)
            XCTAssertTrue(String(describing: error).contains("FOLIO_DATA"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(cachedNames(), [])
    }

    func testSilentServerTimesOut() throws {
        let server = try mirrorServer(stalling: .trainImages)
        let start = Date()
        XCTAssertThrowsError(try locator(mirror: server.url("/mirror/"), idleTimeout: 1).locate(spec)) { error in
            guard case .datasetUnavailable(_, _, _, _, let reason) = error as? DatasetError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("no answer"), reason)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    /// The fixtures' decompressed sizes: 1000 and 200 items of 28×28 after 16 header bytes, labels after 8.
    private let fixtureSizes: [DatasetFileName: Int] = [.trainImages: 784_016, .trainLabels: 1_008,
                                                         .testImages: 156_816, .testLabels: 208]

    func testKnownSizesAdmitFilesOfExactlyThatSize() throws {
        let server = try mirrorServer()
        var sized = spec
        sized.sizes = fixtureSizes
        XCTAssertEqual(try locator(mirror: server.url("/mirror/")).locate(sized).path, cache.path)
        XCTAssertEqual(cachedNames().count, 4)
    }

    func testFileLargerThanItsKnownSizeIsRefused() throws {
        let server = try mirrorServer()
        var sized = spec
        sized.sizes = fixtureSizes
        sized.sizes[.testLabels] = 207
        XCTAssertThrowsError(try locator(mirror: server.url("/mirror/")).locate(sized)) { error in
            guard case .datasetUnavailable(_, _, _, _, let reason) = error as? DatasetError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("decompresses to more than 207 bytes"), reason)
        }
        XCTAssertEqual(cachedNames(), [])
    }

    func testEndlessDownloadIsCutAtTheKnownSize() throws {
        let tally = HostileReplies.Tally()
        let server = try LocalHTTPServer(handlers: ["/mirror/train-labels-idx1-ubyte.gz": HostileReplies.endless(tally: tally)])
        addTeardownBlock { server.stop() }
        try TestSupport.populate(cache, files: [.trainImages, .testImages, .testLabels], copyFixtures: true)
        var sized = spec
        sized.sizes = fixtureSizes
        let start = Date()
        XCTAssertThrowsError(try locator(mirror: server.url("/mirror/")).locate(sized)) { error in
            guard case .datasetUnavailable(_, _, _, _, let reason) = error as? DatasetError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.hasSuffix("train-labels-idx1-ubyte.gz: the server sent more than 66554 bytes"), reason)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertLessThan(tally.sent, 66_554 + 40_000_000)
    }

    func testCatalogKnowsTheDecodedSizes() {
        for dataset in DatasetCatalog.allCases {
            XCTAssertEqual(dataset.spec.sizes, [.trainImages: 47_040_016, .trainLabels: 60_008,
                                                .testImages: 7_840_016, .testLabels: 10_008])
            let downloader = DatasetDownloader(mirror: dataset.mirror, checksums: dataset.checksums, sizes: dataset.sizes, idleTimeout: 30)
            XCTAssertEqual(downloader.limits(for: .trainImages).payload, 47_040_016)
            XCTAssertEqual(downloader.limits(for: .trainImages).transfer, 47_040_016 + 470_400 + 65_536)
        }
    }

    func testMirrorMustBeHTTP() {
        XCTAssertThrowsDatasetError(try locator(mirror: "ftp://example.org/mnist").locate(spec),
                                    .invalidMirror("ftp://example.org/mnist/"))
        XCTAssertThrowsDatasetError(try locator(mirror: "not a url").locate(spec), .invalidMirror("not a url/"))
    }
}
