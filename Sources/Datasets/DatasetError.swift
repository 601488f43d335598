/// Everything that can go wrong while reading, finding, downloading or importing data.
///
/// Each case's `description` is one sentence saying what is wrong and how to fix it,
/// and names the file, URL or value concerned.
public enum DatasetError: Error, CustomStringConvertible, Equatable {
    // MARK: Files and folders
    /// A file could not be read at all.
    case fileUnreadable(path: String, reason: String)
    /// A dataset folder lacks some of the four standard files.
    case missingFiles(directory: String, missing: [String])

    // MARK: Compression
    /// The bytes are not a valid gzip/zlib stream.
    case gzipCorrupt(source: String, reason: String)
    /// The compressed stream ends before its end marker.
    case gzipTruncated(source: String)
    /// Non-gzip bytes follow the end of the compressed stream.
    case gzipTrailingData(source: String, count: Int)
    /// The decompressed data would exceed the allowed size.
    case gzipTooLarge(source: String, limit: Int)

    // MARK: IDX format
    /// The file is shorter than an IDX header.
    case idxTooShort(file: String, length: Int)
    /// The first two bytes are not zero, or the dimension count is outside 1…4.
    case idxBadMagic(file: String, magic: [UInt8])
    /// The element type is not unsigned byte (0x08).
    case idxUnsupportedType(file: String, code: UInt8)
    /// The product of the dimensions does not fit in memory.
    case idxSizeOverflow(file: String, dimensions: [Int])
    /// The payload is shorter than the dimensions say.
    case idxTruncated(file: String, expected: Int, found: Int)
    /// Bytes follow the payload the dimensions describe.
    case idxTrailingBytes(file: String, expected: Int, found: Int)
    /// An images file is not 3-D or a labels file is not 1-D.
    case idxWrongRank(file: String, expectedRank: Int, dimensions: [Int])
    /// The images and labels files of a split hold different numbers of items.
    case idxCountMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    /// The training and test images have different shapes.
    case splitShapesDiffer(train: [Int], test: [Int])
    /// An `IDXArray` was built with a byte count that does not match its dimensions.
    case idxShapeMismatch(dimensions: [Int], byteCount: Int)

    // MARK: Preprocessing
    /// `scale` is zero, negative or not finite.
    case invalidScale(Float)
    /// `oneHot` asks for fewer than one class.
    case invalidClassCount(Int)
    /// A label does not fit the requested number of classes.
    case labelOutOfRange(label: Int, index: Int, classes: Int)
    /// `reshape` asks for a shape holding a different number of values than one image.
    case reshapeMismatch(from: [Int], to: [Int])

    // MARK: Finding and downloading
    /// The dataset is in none of the places searched and downloading it failed.
    case datasetUnavailable(dataset: String, folioDataFolder: String?, cacheFolder: String,
                            incompleteFolders: [String], reason: String)
    /// An HTTP(S) transfer failed.
    case downloadFailed(url: String, reason: String)
    /// A downloaded file's decompressed payload has the wrong SHA-256.
    case checksumMismatch(file: String, expected: String, actual: String)
    /// The mirror base URL (e.g. from `FOLIO_DATASET_MIRROR`) is not an http(s) URL.
    case invalidMirror(String)
    /// The cache folder could not be created or written.
    case cacheNotWritable(path: String, reason: String)

    // MARK: Image import
    /// stb_image could not decode the bytes.
    case imageUndecodable(reason: String)
    /// The image header declares more pixels than Folio accepts.
    case imageTooLarge(width: Int, height: Int)
    /// An image file or download exceeds the size limit.
    case imageFileTooLarge(source: String, limit: Int)
    /// The prepared image would have a non-positive size.
    case invalidTargetSize(width: Int, height: Int)
    /// Nothing that looks like ink was found in the image.
    case noInk
    /// With `invert` forced (`true`/`false`) no ink was found, but the other way round there is:
    /// the picture's colours are the opposite of what `invert` says.
    case wrongPolarity(invert: String)
    /// Nothing in a garment picture stands out from the background (Fashion-MNIST's preparation).
    case noObject
}

// MARK: - Messages

extension DatasetError {
    public var description: String {
        switch self {
        case .fileUnreadable(let path, let reason):
            return "Cannot read \(path) (\(reason)); check that the file exists and is readable."
        case .missingFiles(let directory, let missing):
            return "The folder \(directory) lacks \(missing.joined(separator: ", ")); "
                + "put each file there, raw or gzip-compressed (.gz)."
        case .gzipCorrupt(let source, let reason):
            return "\(source) is not valid gzip data (\(reason)); download or copy the file again."
        case .gzipTruncated(let source):
            return "\(source) ends in the middle of its compressed data; the file is incomplete, download or copy it again."
        case .gzipTrailingData(let source, let count):
            return "\(source) has \(count) unexpected bytes after its compressed data; the file is damaged, download or copy it again."
        case .gzipTooLarge(let source, let limit):
            return "\(source) decompresses to more than \(limit) bytes, the allowed maximum; check that it is the right file."
        case .idxTooShort(let file, let length):
            return "\(file) is \(length) bytes long, too short for an IDX file; the file is incomplete, download or copy it again."
        case .idxBadMagic(let file, let magic):
            let hex = magic.map { String(format: "%02x", $0) }.joined(separator: " ")
            return "\(file) is not an IDX file: it starts with \(hex), expected 00 00, a type byte and 1 to 4 dimensions; check that this is the right file."
        case .idxUnsupportedType(let file, let code):
            return "\(file) holds elements of type 0x\(String(format: "%02X", code)) (\(IDXElementType.name(of: code))); "
                + "Folio loads only type 0x08 (unsigned byte), so convert the file to unsigned bytes."
        case .idxSizeOverflow(let file, let dimensions):
            return "\(file) declares dimensions \(dimensions), too large to hold in memory; the header is damaged, download or copy the file again."
        case .idxTruncated(let file, let expected, let found):
            return "\(file) is truncated: expected \(expected) bytes, found \(found); download or copy the file again."
        case .idxTrailingBytes(let file, let expected, let found):
            return "\(file) has trailing bytes: expected \(expected) bytes, found \(found); check that it is the right file and not two files joined."
        case .idxWrongRank(let file, let rank, let dimensions):
            let kind = rank == 3 ? "images (count × rows × columns)" : "labels (one dimension)"
            return "\(file) has dimensions \(dimensions) but should hold \(kind); check that the file names are not swapped."
        case .idxCountMismatch(let images, let imageCount, let labels, let labelCount):
            return "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels; use files from the same dataset and split."
        case .splitShapesDiffer(let train, let test):
            let shape = { (dims: [Int]) in dims.map(String.init).joined(separator: "×") }
            return "The training images are \(shape(train)) but the test images are \(shape(test)); use files from the same dataset."
        case .idxShapeMismatch(let dimensions, let byteCount):
            return "An IDX array with dimensions \(dimensions) needs \(dimensions.reduce(1, *)) bytes, not \(byteCount); pass matching dimensions and bytes."
        case .invalidScale(let scale):
            return "scale \(scale) is not allowed; use a positive number such as 255 (pixels are divided by it)."
        case .invalidClassCount(let classes):
            return "one_hot \(classes) is not allowed; use the number of classes, e.g. 10."
        case .reshapeMismatch(let from, let to):
            let shape = { (dims: [Int]) in dims.map(String.init).joined(separator: "x") }
            return "reshape: \(shape(to)) does not fit images of \(shape(from)) (\(from.reduce(1, *)) values each); use a shape whose sizes multiply to \(from.reduce(1, *)), e.g. \(shape(from + [1]))."
        case .labelOutOfRange(let label, let index, let classes):
            return "Label \(label) (item \(index)) does not fit one-hot encoding with \(classes) classes; set one_hot to at least \(label + 1)."
        case .datasetUnavailable(let dataset, let folioDataFolder, let cacheFolder, let incomplete, let reason):
            let files = DatasetFileName.allCases.map(\.rawValue)
            let list = files.dropLast().joined(separator: ", ") + " and " + (files.last ?? "")
            let dataPlace = folioDataFolder.map { "in \($0)/" }
                ?? "in FOLDER/\(dataset)/ with the environment variable FOLIO_DATA=FOLDER"
            var text = "Dataset \(dataset) was not found and could not be downloaded (\(reason)). "
                + "Put the four files \(list) (raw or .gz) \(dataPlace), or in \(cacheFolder)/."
            if !incomplete.isEmpty {
                text += " Incomplete folders were skipped: \(incomplete.joined(separator: "; "))."
            }
            return text
        case .downloadFailed(let url, let reason):
            return "Downloading \(url) failed (\(reason)); check the network connection or the URL."
        case .checksumMismatch(let file, let expected, let actual):
            return "\(file) failed its checksum: expected SHA-256 \(expected), got \(actual); the download is damaged or the mirror serves another file, so nothing was kept. Try again or use another mirror (FOLIO_DATASET_MIRROR)."
        case .invalidMirror(let mirror):
            return "The dataset mirror '\(mirror)' is not an http(s) URL; set FOLIO_DATASET_MIRROR to a URL such as https://example.org/mnist/."
        case .cacheNotWritable(let path, let reason):
            return "Cannot write to the dataset cache \(path) (\(reason)); make it writable or set XDG_CACHE_HOME to a writable folder."
        case .imageUndecodable(let reason):
            return "The image cannot be decoded (\(reason)); use a PNG, JPEG, BMP or GIF file."
        case .imageTooLarge(let width, let height):
            return "The image is \(width)×\(height) pixels, over the limit of \(ImageImport.maximumPixels / 1_000_000) megapixels; scale it down first."
        case .imageFileTooLarge(let source, let limit):
            return "\(source) is larger than \(limit / 1_000_000) MB, the limit for an image; use a smaller file."
        case .invalidTargetSize(let width, let height):
            return "Cannot prepare an image of \(width)×\(height) pixels; use a positive width and height such as 28×28."
        case .noInk:
            return "No ink found in the image: it is blank or has almost no contrast; photograph the digit with dark ink on light paper, filling most of the frame."
        case .wrongPolarity(let invert):
            let reading = invert == "true" ? "dark marks on a light ground" : "light marks on a dark ground"
            let other = invert == "true" ? "light marks on a dark ground" : "dark marks on a light ground"
            return "No ink found with `invert: \(invert)`, which reads the picture as \(reading), but it has \(other); write `invert: auto` (or `invert: \(invert == "true" ? "false" : "true")`)."
        case .noObject:
            return "Nothing stands out from the background: the picture is blank, or the object has the colour of its corners; photograph it on a plain background that contrasts with it, with the corners clear."
        }
    }
}
