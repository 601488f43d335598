/// SplitMix64: a tiny deterministic generator so that fuzz-style tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random edits of a notebook's text, biased toward the characters its grammar cares about.
struct NotebookMutator {
    private static let pieces = ["`", "```", "~~~", "\n", "\r\n", "\r", ":", "#", "=", ",", "'", "\"", " ", "\t", "-", "---",
                                 "0", "9", "1e", ".", "x", "fit", "load", "dense", "input=", "é", "🙂", "\u{0}", "[", "]",
                                 "> ", "- ", "|", "\u{FEFF}", "99999999999999999999", "\\", "*", "<div>", "conv2d", "maxpool", "dropout",
                                 "leaky_relu", "x28", "stride=", "padding=", "init=", "activation=", "reshape:", "model:",
                                 "summary", "save", "path:"]
    var generator: SeededGenerator

    mutating func mutate(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        let edits = Int.random(in: 1...4, using: &generator)
        for _ in 0..<edits {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                let piece = Self.pieces.randomElement(using: &generator) ?? "`"
                scalars.insert(contentsOf: piece.unicodeScalars, at: position)
            case 1 where !scalars.isEmpty:
                let end = min(scalars.count, position + Int.random(in: 1...12, using: &generator))
                scalars.removeSubrange(min(position, end)..<end)
            case 2 where !scalars.isEmpty:
                let start = Int.random(in: 0..<scalars.count, using: &generator)
                let end = min(scalars.count, start + Int.random(in: 1...40, using: &generator))
                scalars.insert(contentsOf: scalars[start..<end], at: position)
            case 3:
                scalars.removeSubrange(min(position, scalars.count)...)
            default:
                let random = Unicode.Scalar(UInt8.random(in: 0...127, using: &generator))
                scalars.insert(random, at: position)
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
