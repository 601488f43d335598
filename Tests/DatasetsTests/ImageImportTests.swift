import XCTest
@testable import Datasets

/// Image import against synthetic "phone photos" of the fixture's MNIST test digits.
final class ImageImportTests: XCTestCase {
    private var digits: IDXArray?

    private func digit(_ index: Int) throws -> [UInt8] {
        if digits == nil { digits = try IDX.read(TestSupport.fixtureURL(.testImages)) }
        let bytes = digits?.bytes ?? []
        return Array(bytes[(index * 784)..<(index * 784 + 784)])
    }

    private func photo(_ index: Int, _ format: SyntheticPhoto.Format, penWidth: Int? = nil) throws -> [UInt8] {
        var photo = SyntheticPhoto()
        photo.penWidth = penWidth
        photo.originX = 10 + 7 * index     // a different off-centre position for each digit
        photo.originY = 40 + 11 * index
        photo.seed = UInt64(index)
        return SyntheticPhoto.encode(photo.render(try digit(index)), width: photo.width, height: photo.height, as: format)
    }

    // MARK: - Centred preparation of photos

    func testPhotosMatchTheOriginalDigits() throws {
        for format in [SyntheticPhoto.Format.png, .jpeg] {
            var correlations: [Double] = []
            for index in 0..<6 {
                let image = try ImageImport.prepare(photo(index, format), invert: .auto, center: true)
                XCTAssertEqual(image.pixels.count, 784)
                XCTAssertTrue(image.inverted, "dark ink on light paper is inverted")
                correlations.append(TestSupport.pearson(image.pixels, try digit(index)))
            }
            XCTAssertGreaterThan(correlations.min() ?? 0, 0.85, "\(format): \(correlations)")
        }
    }

    func testThinPenStrokesAreThickenedToMNISTWidth() throws {
        var thickened: [Double] = [], plain: [Double] = []
        for index in 0..<4 {
            let bytes = try photo(index, .jpeg, penWidth: 5)
            let original = try digit(index)
            thickened.append(TestSupport.pearson(try ImageImport.prepare(bytes, invert: .auto, center: true).pixels, original))
            let without = try ImageImport.prepare(bytes, invert: .auto, center: true, width: 28, height: 28,
                                                  centering: DigitCentering(thickenStrokes: false))
            plain.append(TestSupport.pearson(without.pixels, original))
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        XCTAssertGreaterThan(mean(thickened), 0.75, "\(thickened)")
        XCTAssertGreaterThan(mean(thickened), mean(plain) + 0.05, "thickened \(thickened) vs plain \(plain)")
    }

    func testTightCropsAndBoldDigits() throws {
        // The digit's 20×20 core stretched over the whole frame, so strokes touch the edges.
        var tight = SyntheticPhoto()
        tight.width = 200; tight.height = 200; tight.digitSize = 280; tight.originX = -40; tight.originY = -40
        tight.shadowWidth = 0
        var bold = SyntheticPhoto()
        bold.width = 280; bold.height = 280; bold.digitSize = 280; bold.originX = 0; bold.originY = 0
        bold.shadowWidth = 0; bold.specks = 0
        for (photo, index) in [(tight, 2), (tight, 0), (bold, 25)] {
            let bytes = SyntheticPhoto.encode(photo.render(try digit(index)), width: photo.width, height: photo.height, as: .png)
            let image = try ImageImport.prepare(bytes, invert: .auto, center: true)
            XCTAssertTrue(image.inverted)
            // A tight crop can cut a stroke or two, hence the lower bar than for whole digits.
            XCTAssertGreaterThan(TestSupport.pearson(image.pixels, try digit(index)), 0.7, "digit \(index)")
        }
    }

    func testCentreOfMassLandsOnTheCentre() throws {
        let image = try ImageImport.prepare(photo(3, .png), invert: .auto, center: true)
        var total = 0.0, x = 0.0, y = 0.0
        for (index, value) in image.pixels.enumerated() {
            total += Double(value); x += Double(value) * Double(index % 28); y += Double(value) * Double(index / 28)
        }
        XCTAssertEqual(x / total, 14, accuracy: 0.75)
        XCTAssertEqual(y / total, 14, accuracy: 0.75)
        XCTAssertEqual(image.pixels.max(), 255)
    }

    func testOtherOutputSizes() throws {
        let image = try ImageImport.prepare(photo(1, .png), invert: .auto, center: true, width: 32, height: 40)
        XCTAssertEqual(image.width, 32)
        XCTAssertEqual(image.height, 40)
        XCTAssertEqual(image.pixels.count, 32 * 40)
        XCTAssertThrowsDatasetError(try ImageImport.prepare(photo(1, .png), invert: .auto, center: true, width: 0, height: 28),
                                    .invalidTargetSize(width: 0, height: 28))
    }

    // MARK: - Inversion and plain resizing

    func testInvertModesOnAnMNISTStyleImage() throws {
        let original = try digit(0)
        let png = SyntheticPhoto.encode(original, width: 28, height: 28, as: .png)
        let auto = try ImageImport.prepare(png, invert: .auto, center: false)
        XCTAssertFalse(auto.inverted, "light ink on black is kept")
        XCTAssertEqual(auto.pixels, original, "a 28×28 image resized to 28×28 is unchanged")
        let never = try ImageImport.prepare(png, invert: .never, center: false)
        XCTAssertEqual(never, auto)
        let always = try ImageImport.prepare(png, invert: .always, center: false)
        XCTAssertTrue(always.inverted)
        XCTAssertEqual(always.pixels, original.map { 255 - $0 })
        // Centred, the MNIST digit comes back as itself.
        let centred = try ImageImport.prepare(png, invert: .auto, center: true)
        XCTAssertFalse(centred.inverted)
        XCTAssertGreaterThan(TestSupport.pearson(centred.pixels, original), 0.85)
    }

    func testInvertModesOnAPhoto() throws {
        let bytes = try photo(2, .png)
        XCTAssertTrue(try ImageImport.prepare(bytes, invert: .auto, center: false).inverted)
        XCTAssertTrue(try ImageImport.prepare(bytes, invert: .always, center: true).inverted)
        let wrongWay = try ImageImport.prepare(bytes, invert: .never, center: false)
        XCTAssertFalse(wrongWay.inverted)
        XCTAssertEqual(InvertMode(rawValue: "true"), .always)
        XCTAssertEqual(InvertMode(rawValue: "false"), .never)
    }

    func testAForcedWrongInvertIsNamedInTheMessage() throws {
        // Dark ink on light paper read as light marks on dark (`invert: false`).
        XCTAssertThrowsDatasetError(try ImageImport.prepare(photo(2, .png), invert: .never, center: true),
                                    .wrongPolarity(invert: "false"))
        XCTAssertTrue(DatasetError.wrongPolarity(invert: "false").description.contains("`invert: auto`"))
        // An MNIST-style picture (light on black) forced the other way.
        let png = SyntheticPhoto.encode(try digit(0), width: 28, height: 28, as: .png)
        XCTAssertThrowsDatasetError(try ImageImport.prepare(png, invert: .always, center: true), .wrongPolarity(invert: "true"))
    }

    func testPlainResizeKeepsTheWholeFrame() throws {
        let image = try ImageImport.prepare(photo(0, .png), invert: .auto, center: false)
        XCTAssertEqual(image.pixels.count, 784)
        XCTAssertTrue(image.inverted)
        // The shadow along the left edge is part of the frame: inverted, it is bright.
        XCTAssertGreaterThan(image.pixels[14 * 28], 120)
    }

    func testAreaResizeAverages() {
        let image = GrayImage(width: 4, height: 2, pixels: [0, 100, 200, 40, 0, 100, 200, 40])
        XCTAssertEqual(image.resized(width: 2, height: 1).pixels, [50, 120])
        XCTAssertEqual(image.resized(width: 4, height: 2), image)
        XCTAssertEqual(GrayImage(width: 3, height: 1, pixels: [0, 90, 30]).resized(width: 2, height: 1).pixels[0], 30, accuracy: 1e-4)
    }

    // MARK: - Bad input

    func testBlankImagesHaveNoInk() throws {
        let gray = SyntheticPhoto.encode([UInt8](repeating: 200, count: 64 * 64), width: 64, height: 64, as: .png)
        XCTAssertThrowsDatasetError(try ImageImport.prepare(gray, invert: .auto, center: true), .noInk)
        XCTAssertThrowsDatasetError(try ImageImport.prepare(gray, invert: .auto, center: false), .noInk)
        var paper = SyntheticPhoto()
        paper.specks = 0
        paper.shadowWidth = 0
        let empty = SyntheticPhoto.encode(paper.render([UInt8](repeating: 0, count: 784)), width: paper.width, height: paper.height, as: .jpeg)
        XCTAssertThrowsDatasetError(try ImageImport.prepare(empty, invert: .auto, center: true), .noInk)
        // Specks and a shadow along the edge are not a digit either.
        paper.specks = 12
        paper.shadowWidth = 16
        let specks = SyntheticPhoto.encode(paper.render([UInt8](repeating: 0, count: 784)), width: paper.width, height: paper.height, as: .png)
        XCTAssertThrowsDatasetError(try ImageImport.prepare(specks, invert: .always, center: true), .noInk)
        XCTAssertTrue(DatasetError.noInk.description.contains("No ink found"))
    }

    func testCorruptBytesAreAnError() throws {
        let png = try photo(0, .png)
        for bytes in [[], Array("not an image at all".utf8), Array(png.prefix(100)), [0x89, 0x50, 0x4E, 0x47]] {
            XCTAssertThrowsError(try ImageImport.prepare(bytes, invert: .auto, center: true)) { error in
                guard case .imageUndecodable = error as? DatasetError else { return XCTFail("\(error)") }
            }
        }
    }

    func testOversizedHeaderIsRefusedBeforeDecoding() {
        // A PNG signature and an IHDR chunk declaring 20000 × 20000 pixels, and nothing else.
        var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        header += [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 0, 0, 0, 0] + [0, 0, 0, 0]
        XCTAssertThrowsDatasetError(try ImageImport.decodeGray(header), .imageTooLarge(width: 20000, height: 20000))
        XCTAssertThrowsDatasetError(try ImageImport.prepare(header, invert: .auto, center: true), .imageTooLarge(width: 20000, height: 20000))
    }

    func testA60000By60000HeaderIsTooLargeNotUnknown() {
        // stb_image itself gives up on this header ("unknown image type"); Folio reads the claim.
        var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        header += [0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60, 8, 0, 0, 0, 0] + [0, 0, 0, 0]
        XCTAssertThrowsDatasetError(try ImageImport.decodeGray(header), .imageTooLarge(width: 60000, height: 60000))
    }

    func testDecodeGrayGivesExactPixels() throws {
        let pixels: [UInt8] = [0, 50, 100, 150, 200, 250]
        let decoded = try ImageImport.decodeGray(SyntheticPhoto.encode(pixels, width: 3, height: 2, as: .png))
        XCTAssertEqual(decoded.width, 3)
        XCTAssertEqual(decoded.height, 2)
        XCTAssertEqual(decoded.pixels, pixels)
    }

    // MARK: - Reading

    func testReadsFilesByPath() throws {
        let folder = try TestSupport.temporaryDirectory(self)
        let bytes = try photo(0, .png)
        try Data(bytes).write(to: folder.appendingPathComponent("seven.png"))
        XCTAssertEqual(try ImageImport.readBytes("seven.png", relativeTo: folder), bytes)
        XCTAssertEqual(try ImageImport.readBytes(folder.appendingPathComponent("seven.png").path, relativeTo: URL(fileURLWithPath: "/")), bytes)
        XCTAssertEqual(try ImageImport.readBytes(folder.appendingPathComponent("seven.png").absoluteString, relativeTo: folder), bytes)
        let missing = folder.appendingPathComponent("eight.png")
        XCTAssertThrowsDatasetError(try ImageImport.readBytes("eight.png", relativeTo: folder),
                                    .fileUnreadable(path: missing.path, reason: "no such file"))
    }

    func testFetchesOverHTTP() throws {
        let bytes = try photo(0, .jpeg)
        let server = try LocalHTTPServer(routes: ["/digit.jpg": bytes])
        addTeardownBlock { server.stop() }
        XCTAssertEqual(try ImageImport.readBytes(server.url("/digit.jpg"), relativeTo: URL(fileURLWithPath: "/")), bytes)
        XCTAssertThrowsError(try ImageImport.readBytes(server.url("/missing.jpg"), relativeTo: URL(fileURLWithPath: "/"))) { error in
            XCTAssertEqual(error as? DatasetError, .downloadFailed(url: server.url("/missing.jpg"), reason: "the server answered HTTP 404"))
        }
        server.stop()
        let start = Date()
        XCTAssertThrowsError(try ImageImport.readBytes(server.url("/digit.jpg"), relativeTo: URL(fileURLWithPath: "/")))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
