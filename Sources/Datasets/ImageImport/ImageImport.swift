import CSTB
import Foundation
import Limits

/// Turns a photo or scan of a handwritten digit (or, `.garment`, of a piece of clothing) into model
/// input shaped like MNIST (or Fashion-MNIST).
///
/// ```swift
/// let bytes = try ImageImport.readBytes("images/seven.png", relativeTo: notebookFolder)
/// let image = try ImageImport.prepare(bytes, invert: .auto, center: true)
/// image.pixels.count   // 784: light ink on black, centred like MNIST
/// ```
public enum ImageImport {
    /// Images whose header declares more pixels than this are refused before decoding.
    public static let maximumPixels = 100_000_000
    /// Image files or downloads larger than this are refused.
    public static let maximumFileBytes = 20_000_000
    /// Longest time an image download may take in all (connecting, redirects, every byte), in seconds.
    public static let downloadTimeout: TimeInterval = 20

    /// Bytes of a PNG/JPEG/BMP/GIF file (decoded with stb_image to 1 channel).
    public static func decodeGray(_ bytes: [UInt8]) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        guard !bytes.isEmpty else { throw DatasetError.imageUndecodable(reason: "the data is empty") }
        guard bytes.count <= Int(Int32.max) else { throw DatasetError.imageFileTooLarge(source: "The image", limit: maximumFileBytes) }
        return try bytes.withUnsafeBufferPointer { buffer in
            var width: Int32 = 0, height: Int32 = 0, channels: Int32 = 0
            guard stbi_info_from_memory(buffer.baseAddress, Int32(buffer.count), &width, &height, &channels) != 0 else {
                if let claimed = PNGHeader.dimensions(bytes), claimed.width * claimed.height > maximumPixels {
                    throw DatasetError.imageTooLarge(width: claimed.width, height: claimed.height)
                }
                throw DatasetError.imageUndecodable(reason: TextSniffing.kind(of: bytes).map { "it is \($0), not an image" } ?? failureReason())
            }
            guard width > 0, height > 0 else { throw DatasetError.imageUndecodable(reason: "it has no pixels") }
            guard Int(width) * Int(height) <= maximumPixels else {
                throw DatasetError.imageTooLarge(width: Int(width), height: Int(height))
            }
            // stb_image decodes all channels, then converts to one: both buffers live at once.
            try MemoryBudget.require("decoded image", bytes: Int(width) * Int(height) * (Int(max(channels, 1)) + 2))
            guard let data = stbi_load_from_memory(buffer.baseAddress, Int32(buffer.count), &width, &height, &channels, 1) else {
                throw DatasetError.imageUndecodable(reason: failureReason())
            }
            defer { stbi_image_free(data) }
            let pixels = Array(UnsafeBufferPointer(start: data, count: Int(width) * Int(height)))
            return (Int(width), Int(height), pixels)
        }
    }

    /// Reads a file path (absolute, `~/…`, `file://…`, or relative to `base`) or fetches an
    /// http(s) URL (20 s in all, at most 20 MB after undoing any compression, a non-2xx answer is an error).
    public static func readBytes(_ reference: String, relativeTo base: URL) throws -> [UInt8] {
        try readBytes(reference, relativeTo: base, deadline: downloadTimeout)
    }

    /// As `readBytes(_:relativeTo:)`, with the download's total `deadline` in seconds (tests shorten it).
    static func readBytes(_ reference: String, relativeTo base: URL, deadline: TimeInterval) throws -> [UInt8] {
        let lowered = reference.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard let url = URL(string: reference), url.host != nil else {
                throw DatasetError.downloadFailed(url: reference, reason: "it is not a valid URL")
            }
            return try HTTPFetcher(deadline: deadline, maxBytes: maximumFileBytes).fetch(url)
        }
        guard let url = localURL(for: reference, relativeTo: base) else {
            throw DatasetError.fileUnreadable(path: reference, reason: "it is not a file path")
        }
        return try FileReading.bytes(of: url, limit: maximumFileBytes)
    }

    /// The file an image reference names — a path relative to `base`, an absolute or `~/` path, or
    /// a `file://` URL — or nil for an `http(s)` URL.
    public static func localURL(for reference: String, relativeTo base: URL) -> URL? {
        let lowered = reference.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return nil }
        if lowered.hasPrefix("file://"), let fileURL = URL(string: reference) { return fileURL }
        if reference.hasPrefix("/") { return URL(fileURLWithPath: reference) }
        if reference.hasPrefix("~/") {
            return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(String(reference.dropFirst(2)))
        }
        return base.appendingPathComponent(reference)
    }

    /// The full MNIST-style preparation: → model input of `width`×`height` (28×28).
    ///
    /// With `center`, as `prepare(_:invert:preparation:)` with `.digit`; without, with `.resize`.
    public static func prepare(_ bytes: [UInt8], invert: InvertMode, center: Bool,
                               width: Int = 28, height: Int = 28) throws -> ImportedImage {
        try prepare(bytes, invert: invert, preparation: center ? .digit : .resize, width: width, height: height)
    }

    /// A picture → model input of `width`×`height` (28×28), prepared as `preparation` says.
    ///
    /// `invert` decides whether the picture is dark marks on a light ground. For digits (and a plain
    /// resize) `.auto` looks inside the border — the inner 80 % of each side, so shadows and paper
    /// edges do not count — fits the ground's smooth lighting, and inverts when the pixels furthest
    /// from it are darker than it. For garments `.auto` negates when the background (the corners'
    /// colour) is lighter than mid-gray, as Fashion-MNIST negated its white studio backgrounds.
    /// A digit picture without ink, or a garment picture where nothing stands out, is an error.
    public static func prepare(_ bytes: [UInt8], invert: InvertMode, preparation: ImagePreparation,
                               width: Int = 28, height: Int = 28) throws -> ImportedImage {
        try prepare(bytes, invert: invert, preparation: preparation, width: width, height: height, centering: DigitCentering())
    }

    static func prepare(_ bytes: [UInt8], invert: InvertMode, center: Bool, width: Int, height: Int,
                        centering: DigitCentering) throws -> ImportedImage {
        try prepare(bytes, invert: invert, preparation: center ? .digit : .resize, width: width, height: height,
                    centering: centering)
    }

    static func prepare(_ bytes: [UInt8], invert: InvertMode, preparation: ImagePreparation, width: Int, height: Int,
                        centering: DigitCentering) throws -> ImportedImage {
        guard width > 0, height > 0, width <= 4096, height <= 4096 else {
            throw DatasetError.invalidTargetSize(width: width, height: height)
        }
        let decoded = try decodeGray(bytes)
        let gray = GrayImage(width: decoded.width, height: decoded.height, pixels: decoded.pixels.map(Float.init))
        let preview = ImportedImage.Preview(workingCopy(gray, longestSide: ImportedImage.Preview.longestSide))
        // A picture with (almost) one gray level everywhere has nothing to read.
        guard (decoded.pixels.max() ?? 0) - (decoded.pixels.min() ?? 0) >= 16 else {
            throw preparation == .garment ? DatasetError.noObject : DatasetError.noInk
        }
        if preparation == .garment {
            let working = workingCopy(gray)
            let negate: Bool
            switch invert {
            case .always: negate = true
            case .never: negate = false
            case .auto: negate = CornerBackground(working).median > 127.5
            }
            let pixels = try GarmentConversion().prepare(working, negate: negate, width: width, height: height)
            return ImportedImage(width: width, height: height, pixels: pixels, inverted: negate, preview: preview)
        }
        var inverted: Bool
        switch invert {
        case .always: inverted = true
        case .never: inverted = false
        case .auto: inverted = InkPolarity.isDarkOnLight(workingCopy(gray, longestSide: 256))
        }
        guard preparation == .digit else {
            let resized = gray.resized(width: width, height: height)
            let pixels = resized.pixels.map { UInt8(min(max((inverted ? 255 - $0 : $0).rounded(), 0), 255)) }
            return ImportedImage(width: width, height: height, pixels: pixels, inverted: inverted, preview: preview)
        }
        let working = workingCopy(gray)
        let pixels: [UInt8]
        do {
            pixels = try centering.prepare(inverted ? working.map { 255 - $0 } : working, width: width, height: height)
        } catch DatasetError.noInk where invert == .auto {
            // A guess can fail on a digit so bold it covers most of the picture: try the other way.
            inverted.toggle()
            pixels = try centering.prepare(inverted ? working.map { 255 - $0 } : working, width: width, height: height)
        } catch DatasetError.noInk {
            // `invert` was forced: when the picture plainly has the other polarity and reads that way, say so.
            let darkOnLight = InkPolarity.isDarkOnLight(workingCopy(gray, longestSide: 256))
            guard darkOnLight != inverted,
                  (try? centering.prepare(inverted ? working : working.map { 255 - $0 }, width: width, height: height)) != nil else {
                throw DatasetError.noInk
            }
            throw DatasetError.wrongPolarity(invert: invert.rawValue)
        }
        return ImportedImage(width: width, height: height, pixels: pixels, inverted: inverted, preview: preview)
    }

    /// `gray` shrunk (area averaging, aspect kept) so its longest side is at most 512 pixels,
    /// which keeps a 12-megapixel photo fast and loses nothing a 28×28 result could show.
    static func workingCopy(_ gray: GrayImage, longestSide: Int = 512) -> GrayImage {
        let longest = max(gray.width, gray.height)
        guard longest > longestSide else { return gray }
        let factor = Double(longestSide) / Double(longest)
        return gray.resized(width: max(1, Int((Double(gray.width) * factor).rounded())),
                            height: max(1, Int((Double(gray.height) * factor).rounded())))
    }

    private static func failureReason() -> String {
        stbi_failure_reason().map { String(cString: $0) } ?? "unknown format"
    }
}
