// folio-bench: trains a benchmark model on MNIST through the same `Sequential.fit` a notebook uses
// and prints one JSON line of timings, accuracy and peak memory.
//
//   folio-bench --case seed-mlp|mlp-512|cnn [--data DIR]      (DIR defaults to $FOLIO_DATA/mnist)
import Foundation
import Datasets
import NeuralNet
import Runner

/// A benchmark model and how it is trained.
struct BenchCase {
    let name: String
    /// [784] for the MLPs (flattened images), [28, 28, 1] for the CNN.
    let inputShape: [Int]
    let layers: [LayerSpec]
    let epochs: Int
    let batchSize: Int

    static let all = [
        BenchCase(name: "seed-mlp", inputShape: [784], layers: [.dense(units: 10, activation: .relu), .dense(units: 10, activation: .relu),
                                            .dense(units: 10, activation: .relu), .dense(units: 10, activation: .softmax)],
                  epochs: 10, batchSize: 200),
        BenchCase(name: "mlp-512", inputShape: [784], layers: [.dense(units: 512, activation: .relu), .dense(units: 512, activation: .relu),
                                           .dense(units: 10, activation: .softmax)],
                  epochs: 3, batchSize: 128),
        BenchCase(name: "cnn", inputShape: [28, 28, 1],
                  layers: [.conv2d(filters: 32, kernelSize: 3, activation: .relu), .maxPool2D(poolSize: 2),
                           .conv2d(filters: 64, kernelSize: 3, activation: .relu), .maxPool2D(poolSize: 2),
                           .flatten, .dropout(rate: 0.5), .dense(units: 10, activation: .softmax)],
                  epochs: 2, batchSize: 128),
    ]
}

/// What went wrong on the command line, said so it can be fixed.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

func parseArguments(_ arguments: [String]) throws -> (BenchCase, URL) {
    var caseName: String?
    var directory: String?
    var index = 0
    while index < arguments.count {
        let flag = arguments[index]
        guard flag == "--case" || flag == "--data" else { throw UsageError(description: "unknown argument \(flag)") }
        guard index + 1 < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
        if flag == "--case" { caseName = arguments[index + 1] } else { directory = arguments[index + 1] }
        index += 2
    }
    let names = BenchCase.all.map(\.name).joined(separator: "|")
    guard let caseName else { throw UsageError(description: "give --case \(names)") }
    guard let bench = BenchCase.all.first(where: { $0.name == caseName }) else {
        throw UsageError(description: "unknown case \(caseName); use one of \(names)")
    }
    if directory == nil, let root = ProcessInfo.processInfo.environment["FOLIO_DATA"] {
        directory = URL(fileURLWithPath: root).appendingPathComponent("mnist").path
    }
    guard let directory else { throw UsageError(description: "give --data DIR or set FOLIO_DATA") }
    return (bench, URL(fileURLWithPath: directory))
}

/// Peak resident set size (VmHWM) in MB, or nil where /proc is absent.
func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let fields = line.split(separator: " ")
        if fields.count >= 2, let kilobytes = Double(fields[1]) { return kilobytes / 1024 }
    }
    return nil
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func run() throws {
    let (bench, directory) = try parseArguments(Array(CommandLine.arguments.dropFirst()))
    let files = try DatasetDirectory.load(directory)
    let preprocessing = Preprocessing(flatten: bench.inputShape.count == 1, scale: 255, oneHot: 10)
    var train = try files.train.examples(preprocessing)
    var test = try files.test.examples(preprocessing)
    // Channels-last images: [28, 28] → [28, 28, 1] (the same bytes).
    train.sampleShape = bench.inputShape
    test.sampleShape = bench.inputShape

    let model = try Sequential(inputShape: bench.inputShape, layers: bench.layers, seed: 42)
    let options = FitOptions(loss: .categoricalCrossentropy, optimizer: .defaultAdam, epochs: bench.epochs,
                             batchSize: bench.batchSize, validationSplit: 0.1)
    let start = Date()
    let history = try model.fit(train, options: options, seed: 42)
    let fitSeconds = Date().timeIntervalSince(start)
    let evaluation = try model.evaluate(test, loss: .categoricalCrossentropy)

    let trainingRows = Int((Double(train.count) * 0.9).rounded(.down))
    let later = Array(history.epochSeconds.dropFirst())
    let perEpoch = median(later.isEmpty ? history.epochSeconds : later)
    let fields = [
        "\"case\":\"\(bench.name)\"",
        "\"epochs\":\(bench.epochs)",
        "\"fit_seconds\":\(String(format: "%.4f", fitSeconds))",
        "\"seconds_per_epoch\":\(String(format: "%.4f", perEpoch))",
        "\"samples_per_second\":\(String(format: "%.0f", Double(trainingRows * bench.epochs) / fitSeconds))",
        "\"test_accuracy\":\(String(format: "%.4f", evaluation.accuracy))",
        "\"peak_rss_mb\":\(peakResidentMegabytes().map { String(format: "%.1f", $0) } ?? "null")",
    ]
    print("{" + fields.joined(separator: ",") + "}")
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("folio-bench: \(error)\n".utf8))
    exit(1)
}
