import XCTest
@testable import Datasets

/// Fashion-MNIST's conversion (`.garment`) of a synthetic photo of trousers on lit paper.
final class GarmentConversionTests: XCTestCase {
    /// A 300×400 photo: light paper darkening towards one corner, noise, a few specks, and dark grey
    /// trousers (a waistband and two legs) off-centre.
    private func trousersPhoto(paper: Float = 230, garment: Float = 60) -> [UInt8] {
        let width = 300, height = 400
        var pixels = [UInt8](repeating: 0, count: width * height)
        var state: UInt64 = 12345
        func noise() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int(state >> 59)) - 16 / 2   // -8…7
        }
        for y in 0..<height {
            for x in 0..<width {
                let t = (Float(x) / Float(width) + Float(y) / Float(height)) / 2
                var value = paper - 30 * t
                let waist = y >= 80 && y < 120 && x >= 70 && x < 210
                let leftLeg = y >= 120 && y < 360 && x >= 70 && x < 130
                let rightLeg = y >= 120 && y < 360 && x >= 150 && x < 210
                if waist || leftLeg || rightLeg { value = garment }
                pixels[y * width + x] = UInt8(min(max(value + noise(), 0), 255))
            }
        }
        for speck in 0..<6 {   // dust: 2×2 dark specks away from the garment
            let x = 240 + speck * 8, y = 20 + speck * 50
            for dy in 0..<2 { for dx in 0..<2 { pixels[(y + dy) * width + x + dx] = 40 } }
        }
        return SyntheticPhoto.encode(pixels, width: width, height: height, as: .png)
    }

    func testTrousersBecomeALightGarmentOnBlackFillingTheFrame() throws {
        let image = try ImageImport.prepare(trousersPhoto(), invert: .auto, preparation: .garment)
        XCTAssertEqual(image.pixels.count, 784)
        XCTAssertEqual(image.width, 28)
        XCTAssertTrue(image.inverted, "a light background is negated, as Fashion-MNIST's white studio backgrounds were")
        func at(_ x: Int, _ y: Int) -> UInt8 { image.pixels[y * 28 + x] }
        // The trousers are 140×280: the longest side spans the frame's 28 rows, 14 columns wide, centred.
        XCTAssertGreaterThan(at(9, 20), 150, "left leg is light")
        XCTAssertGreaterThan(at(18, 20), 150, "right leg is light")
        XCTAssertLessThan(at(14, 20), 60, "the gap between the legs is dark")
        XCTAssertLessThan(at(0, 14), 20, "the padding left of the garment is black")
        XCTAssertLessThan(at(27, 14), 20, "the padding right of the garment is black")
        XCTAssertGreaterThan(at(14, 1), 150, "the waistband reaches the top row: the edges were trimmed")
        XCTAssertGreaterThan(at(9, 26), 150, "the legs reach the bottom row")
        XCTAssertEqual(image.preview.width, 84, "the preview is the photo shrunk to a longest side of 112")
        XCTAssertEqual(image.preview.height, 112)
    }

    func testAGarmentIsNeverCalledInk() throws {
        // Light trousers on a dark ground: already Fashion-MNIST's way round, so not negated.
        let dark = try ImageImport.prepare(trousersPhoto(paper: 50, garment: 220), invert: .auto, preparation: .garment)
        XCTAssertFalse(dark.inverted)
        XCTAssertGreaterThan(dark.pixels[20 * 28 + 9], 150)
        // A blank picture has nothing to classify, and the message does not speak of ink or digits.
        let blank = SyntheticPhoto.encode([UInt8](repeating: 200, count: 64 * 64), width: 64, height: 64, as: .png)
        XCTAssertThrowsError(try ImageImport.prepare(blank, invert: .auto, preparation: .garment)) { error in
            XCTAssertEqual(error as? DatasetError, .noObject)
            XCTAssertFalse(String(describing: error).lowercased().contains("ink"), "\(error)")
            XCTAssertFalse(String(describing: error).lowercased().contains("digit"), "\(error)")
        }
    }

    func testForcedInvertSetsTheNegation() throws {
        let photo = trousersPhoto()
        let negated = try ImageImport.prepare(photo, invert: .always, preparation: .garment)
        let kept = try ImageImport.prepare(photo, invert: .never, preparation: .garment)
        XCTAssertTrue(negated.inverted)
        XCTAssertFalse(kept.inverted)
        XCTAssertLessThan(kept.pixels[20 * 28 + 9], 60, "not negated, the dark trousers stay dark")
    }

    func testSharpeningPushesEdgesApart() {
        let step = GrayImage(width: 4, height: 1, pixels: [50, 50, 200, 200])
        let sharp = step.sharpened(amount: 0.5)
        XCTAssertLessThan(sharp[1, 0], 50)
        XCTAssertGreaterThan(sharp[2, 0], 200)
        XCTAssertEqual(GrayImage(width: 3, height: 3, value: 90).sharpened(amount: 0.5).pixels, [Float](repeating: 90, count: 9))
    }
}
