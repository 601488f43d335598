import XCTest
@testable import Datasets

/// Lookup order, with temporary folders and an injected environment; downloads are turned off.
final class DatasetLocatorTests: XCTestCase {
    private var root = URL(fileURLWithPath: "/")

    override func setUpWithError() throws {
        root = try TestSupport.temporaryDirectory(self)
    }

    private func locator(_ environment: [String: String], system: String = "system") -> DatasetLocator {
        DatasetLocator(environment: environment.merging(["FOLIO_OFFLINE": "1"]) { $1 },
                       homeDirectory: root.appendingPathComponent("home"),
                       systemFashionDirectory: root.appendingPathComponent(system))
    }

    private var dataRoot: URL { root.appendingPathComponent("data") }
    private var cacheRoot: URL { root.appendingPathComponent("cache") }
    private func cache(_ name: String) -> URL { cacheRoot.appendingPathComponent("folio/datasets/\(name)") }

    func testFolioDataComesFirst() throws {
        try TestSupport.populate(dataRoot.appendingPathComponent("mnist"))
        try TestSupport.populate(cache("mnist"))
        let found = try locator(["FOLIO_DATA": dataRoot.path, "XDG_CACHE_HOME": cacheRoot.path]).locate(.mnist)
        XCTAssertEqual(found.standardizedFileURL.path, dataRoot.appendingPathComponent("mnist").path)
    }

    func testCacheWhenFolioDataIsPartial() throws {
        try TestSupport.populate(dataRoot.appendingPathComponent("mnist"), files: [.trainImages])
        try TestSupport.populate(cache("mnist"))
        let found = try locator(["FOLIO_DATA": dataRoot.path, "XDG_CACHE_HOME": cacheRoot.path]).locate(.mnist)
        XCTAssertEqual(found.path, cache("mnist").path)
    }

    func testCacheDefaultsToHomeDotCache() throws {
        let home = root.appendingPathComponent("home/.cache/folio/datasets/mnist")
        try TestSupport.populate(home)
        XCTAssertEqual(try locator([:]).locate(.mnist).path, home.path)
        // A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
        XCTAssertEqual(try locator(["XDG_CACHE_HOME": "relative/cache"]).locate(.mnist).path, home.path)
    }

    func testSystemFolderOnlyForFashion() throws {
        try TestSupport.populate(root.appendingPathComponent("system"))
        let locator = locator(["XDG_CACHE_HOME": cacheRoot.path])
        XCTAssertEqual(try locator.locate(.fashionMNIST).path, root.appendingPathComponent("system").path)
        XCTAssertThrowsError(try locator.locate(.mnist))
    }

    func testFashionPrefersCacheOverSystemFolder() throws {
        try TestSupport.populate(root.appendingPathComponent("system"))
        try TestSupport.populate(cache("fashion-mnist"))
        XCTAssertEqual(try locator(["XDG_CACHE_HOME": cacheRoot.path]).locate(.fashionMNIST).path, cache("fashion-mnist").path)
    }

    func testRawAndCompressedFilesBothCount() throws {
        let folder = dataRoot.appendingPathComponent("mnist")
        try TestSupport.populate(folder, files: [.trainImages, .trainLabels])
        try Data().write(to: folder.appendingPathComponent("t10k-images-idx3-ubyte"))
        try Data().write(to: folder.appendingPathComponent("t10k-labels-idx1-ubyte"))
        XCTAssertEqual(try locator(["FOLIO_DATA": dataRoot.path]).locate(.mnist).path, folder.path)
    }

    func testNothingFoundSaysWhereToPutWhichFiles() throws {
        try TestSupport.populate(dataRoot.appendingPathComponent("mnist"), files: [.trainImages, .testLabels])
        let locator = locator(["FOLIO_DATA": dataRoot.path, "XDG_CACHE_HOME": cacheRoot.path])
        XCTAssertThrowsError(try locator.locate(.mnist)) { error in
            let expected = DatasetError.datasetUnavailable(
                dataset: "mnist", folioDataFolder: dataRoot.appendingPathComponent("mnist").path,
                cacheFolder: cache("mnist").path,
                incompleteFolders: ["\(dataRoot.appendingPathComponent("mnist").path) lacks train-labels-idx1-ubyte, t10k-images-idx3-ubyte"],
                reason: "downloads are turned off by FOLIO_OFFLINE")
            XCTAssertEqual(error as? DatasetError, expected)
            let message = String(describing: error)
            for needle in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
                           dataRoot.appendingPathComponent("mnist").path, cache("mnist").path, "Incomplete folders"] {
                XCTAssertTrue(message.contains(needle), "missing \(needle) in: \(message)")
            }
        }
    }

    func testMessageWithoutFolioDataExplainsTheVariable() {
        XCTAssertThrowsError(try locator(["XDG_CACHE_HOME": cacheRoot.path]).locate(.fashionMNIST)) { error in
            XCTAssertTrue(String(describing: error).contains("FOLIO_DATA=FOLDER"), "\(error)")
        }
    }

    func testFoundFixtureFolderLoads() throws {
        try TestSupport.populate(dataRoot.appendingPathComponent("mnist"), copyFixtures: true)
        let files = try DatasetDirectory.load(locator(["FOLIO_DATA": dataRoot.path]).locate(.mnist))
        XCTAssertEqual(files.train.images.count, 1000)
    }

    func testCatalog() {
        XCTAssertEqual(DatasetCatalog(rawValue: "fashion-mnist"), .fashionMNIST)
        XCTAssertEqual(DatasetCatalog.mnist.classNames, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
        XCTAssertEqual(DatasetCatalog.fashionMNIST.classNames.count, 10)
        XCTAssertEqual(DatasetCatalog.fashionMNIST.classNames[9], "Ankle boot")
        for dataset in DatasetCatalog.allCases {
            XCTAssertEqual(Set(dataset.checksums.keys), Set(DatasetFileName.allCases))
            XCTAssertTrue(dataset.checksums.values.allSatisfy { $0.count == 64 })
        }
        XCTAssertEqual(DatasetCatalog.mnist.spec.mirror, "https://ossci-datasets.s3.amazonaws.com/mnist/")
    }
}
