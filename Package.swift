// swift-tools-version:6.0
import PackageDescription

/// Folio: run literate Markdown notebooks that train neural networks, render HTML reports.
let package = Package(
    name: "Folio",
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .executable(name: "folio-bench", targets: ["folio-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    ],
    targets: [
        // Thin module maps over Debian's C libraries.
        .systemLibrary(name: "CCMarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSTB", pkgConfig: "stb", providers: [.apt(["libstb-dev"])]),

        .target(name: "Files"),
        // What bounds a run: cancellation (and, below the engine and the datasets, the memory budget).
        .target(name: "Limits"),
        .target(name: "NeuralNet", dependencies: ["CBLAS", "Files", "Limits"]),
        .target(name: "Datasets", dependencies: [
            "CZlib", "CSTB", "NeuralNet", "Limits",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .target(name: "Charts", dependencies: ["CZlib"]),
        .target(name: "Notebook", dependencies: ["CCMarkGFM", .product(name: "Yams", package: "Yams")]),
        .target(name: "Runner", dependencies: ["Notebook", "NeuralNet", "Datasets", "Charts", "Limits", "Files",
                                              .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Report", dependencies: [
            "Notebook", "Runner", "CCMarkGFM", "Files",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "folio", dependencies: [
            "Notebook", "Runner", "Report", "Datasets", "NeuralNet", "Files", "Limits",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "folio-bench", dependencies: ["NeuralNet", "Datasets", "Runner"],
                          path: "Benchmarks/folio-bench"),

        .testTarget(name: "FilesTests", dependencies: ["Files"]),
        .testTarget(name: "LimitsTests", dependencies: ["Limits"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"], exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "CSTB"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"], exclude: ["Golden"]),
        .testTarget(name: "FolioCLITests", dependencies: ["folio"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v5]
)
