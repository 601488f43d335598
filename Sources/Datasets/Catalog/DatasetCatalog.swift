/// The datasets Folio knows by name: where to download them and how to verify them.
public enum DatasetCatalog: String, CaseIterable, Sendable {
    case mnist
    case fashionMNIST = "fashion-mnist"

    /// Human-readable class names, index = label.
    public var classNames: [String] {
        switch self {
        case .mnist:
            return (0...9).map(String.init)
        case .fashionMNIST:
            return ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        }
    }

    /// The canonical mirror; each file is `mirror + NAME.gz`.
    public var mirror: String {
        switch self {
        case .mnist: return "https://ossci-datasets.s3.amazonaws.com/mnist/"
        case .fashionMNIST: return "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
        }
    }

    /// SHA-256 of each file's decompressed payload, so any faithful copy verifies however it was compressed.
    public var checksums: [DatasetFileName: String] {
        switch self {
        case .mnist:
            return [
                .trainImages: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                .trainLabels: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                .testImages: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                .testLabels: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
            ]
        case .fashionMNIST:
            return [
                .trainImages: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                .trainLabels: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                .testImages: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                .testLabels: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
            ]
        }
    }

    /// Size in bytes of each file's decompressed IDX payload (the same for MNIST and Fashion-MNIST:
    /// 60,000 and 10,000 items of 28×28 images, after a 16-byte header, and of labels, after 8 bytes).
    public var sizes: [DatasetFileName: Int] {
        [.trainImages: 47_040_016, .trainLabels: 60_008, .testImages: 7_840_016, .testLabels: 10_008]
    }

    /// Everything the locator needs for this dataset.
    public var spec: DatasetSpec { DatasetSpec(name: rawValue, mirror: mirror, checksums: checksums, sizes: sizes) }
}

extension DatasetCatalog {
    /// The shape of the dataset's files, known without fetching them: 28×28 images, 60,000 for
    /// training and 10,000 for test, 10 classes (both MNIST and Fashion-MNIST).
    public var outline: DatasetOutline {
        DatasetOutline(imageShape: [28, 28], trainCount: 60_000, testCount: 10_000, classCount: classNames.count)
    }
}
