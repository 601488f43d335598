// swift-tools-version:6.0
import PackageDescription

/// The targets that the runner and the preview server share build in Swift 6 language mode (complete
/// strict concurrency). NeuralNet, Datasets and Charts stay in Swift 5 mode: the engine runs its own
/// helper thread (`SplitWorker`) and shares buffers with it by hand; each such promise is an
/// `@unchecked Sendable` with a comment saying why it holds.
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

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
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        // Thin module maps over Debian's C libraries.
        .systemLibrary(name: "CCMarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSTB", pkgConfig: "stb", providers: [.apt(["libstb-dev"])]),
        // glibc's <malloc.h> (mallopt), which Swift's Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),

        .target(name: "Files", swiftSettings: swift6),
        // What bounds a run: below the engine and the datasets: cancellation and the memory budget.
        .target(name: "Limits", dependencies: ["CMalloc"], swiftSettings: swift6),
        .target(name: "NeuralNet", dependencies: ["CBLAS", "Files", "Limits"]),
        .target(name: "Datasets", dependencies: [
            "CZlib", "CSTB", "Files", "Limits",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .target(name: "Charts", dependencies: ["CZlib"]),
        .target(name: "Notebook", dependencies: ["CCMarkGFM", .product(name: "Yams", package: "Yams")],
                swiftSettings: swift6),
        .target(name: "Runner", dependencies: ["Notebook", "NeuralNet", "Datasets", "Charts", "Limits", "Files",
                                              .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: swift6),
        .target(name: "Report", dependencies: [
            "Notebook", "Runner", "CCMarkGFM", "Files",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swift6),
        // `folio preview`: a loopback HTTP server that re-runs a notebook on save and reloads the page.
        .target(name: "Preview", dependencies: [
            "Notebook", "Runner", "Report", "Files", "Limits", "NeuralNet", "Datasets",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: swift6),
        .executableTarget(name: "folio", dependencies: [
            "Notebook", "Runner", "Report", "Datasets", "NeuralNet", "Files", "Limits", "Preview",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: swift6),
        .executableTarget(name: "folio-bench", dependencies: ["NeuralNet", "Datasets", "Runner"],
                          path: "Benchmarks/folio-bench"),

        .testTarget(name: "FilesTests", dependencies: ["Files"]),
        .testTarget(name: "LimitsTests", dependencies: ["Limits"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "Limits"], exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Limits"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "CSTB"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Limits"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"], exclude: ["Golden"]),
        .testTarget(name: "FolioCLITests", dependencies: ["folio"], exclude: ["Golden"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Notebook", "Report", "Runner", "Limits", "NeuralNet"]),
    ],
    swiftLanguageModes: [.v5]
)
