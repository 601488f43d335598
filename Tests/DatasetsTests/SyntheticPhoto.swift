import CSTB
import Foundation

/// A deterministic imitation of a phone photo of a handwritten digit, made from an MNIST digit:
/// upscaled, dark ink on light paper, uneven lighting, sensor noise, specks, a shadow along one
/// edge, off-centre; optionally redrawn as a thin pen stroke. Encoded as PNG or JPEG with stb.
struct SyntheticPhoto {
    var width = 300
    var height = 400
    /// Side, in photo pixels, of the square the 28×28 digit is stretched over.
    var digitSize = 250
    /// Top-left corner of that square.
    var originX = 30
    var originY = 100
    /// Paper brightness at the top-left and bottom-right corners (lighting gradient).
    var paperLight: Float = 235
    var paperDark: Float = 140
    /// Fraction of the paper's brightness the ink absorbs.
    var inkStrength: Float = 0.75
    /// Standard deviation of the Gaussian noise, in gray levels.
    var noise: Float = 6
    /// Number of small dark specks scattered over the paper.
    var specks = 12
    /// Width of a dark shadow band along the left edge (0 for none).
    var shadowWidth = 16
    /// When set, the digit is redrawn as its skeleton traced with a pen this many photo pixels wide.
    var penWidth: Int?
    var seed: UInt64 = 7

    /// The photo as gray pixels, row-major.
    func render(_ digit: [UInt8]) -> [UInt8] {
        var rng = SplitMix(state: seed)
        var ink = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                ink[y * width + x] = sample(digit, x: Float(x - originX) + 0.5, y: Float(y - originY) + 0.5)
            }
        }
        if let penWidth {
            let skeleton = SyntheticPhoto.thinned(ink.map { $0 > 0.5 }, width: width, height: height)
            ink = SyntheticPhoto.dilated(skeleton, width: width, height: height, radius: Float(penWidth) / 2)
                .map { $0 ? 1 : 0 }
        }
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let t = (Float(x) / Float(width) + Float(y) / Float(height)) / 2
                var paper = paperLight + (paperDark - paperLight) * t
                if x < shadowWidth { paper *= 0.35 }
                let value = paper * (1 - inkStrength * ink[y * width + x]) + noise * rng.gaussian()
                pixels[y * width + x] = UInt8(min(max(value.rounded(), 0), 255))
            }
        }
        for _ in 0..<specks {
            let x = Int(rng.next() % UInt64(width - 3)), y = Int(rng.next() % UInt64(height - 3))
            for dy in 0..<2 { for dx in 0..<2 { pixels[(y + dy) * width + x + dx] = 40 } }
        }
        return pixels
    }

    /// Bilinear sample of the 28×28 digit (0…1) at photo coordinates relative to the digit square.
    private func sample(_ digit: [UInt8], x: Float, y: Float) -> Float {
        let u = x / Float(digitSize) * 28 - 0.5, v = y / Float(digitSize) * 28 - 0.5
        let x0 = Int(u.rounded(.down)), y0 = Int(v.rounded(.down))
        let fx = u - Float(x0), fy = v - Float(y0)
        func at(_ px: Int, _ py: Int) -> Float {
            guard px >= 0, py >= 0, px < 28, py < 28 else { return 0 }
            return Float(digit[py * 28 + px]) / 255
        }
        let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
        let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
        return top * (1 - fy) + bottom * fy
    }

    /// Zhang–Suen thinning: the one-pixel skeleton of a binary image.
    static func thinned(_ mask: [Bool], width: Int, height: Int) -> [Bool] {
        var image = mask
        var changed = true
        while changed {
            changed = false
            for pass in 0..<2 {
                var remove: [Int] = []
                for y in 1..<(height - 1) {
                    for x in 1..<(width - 1) where image[y * width + x] {
                        let p = [(0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1)]
                            .map { image[(y + $0.1) * width + x + $0.0] }
                        let neighbours = p.filter { $0 }.count
                        let transitions = (0..<8).filter { !p[$0] && p[($0 + 1) % 8] }.count
                        guard (2...6).contains(neighbours), transitions == 1 else { continue }
                        let first = pass == 0 ? !(p[0] && p[2] && p[4]) : !(p[0] && p[2] && p[6])
                        let second = pass == 0 ? !(p[2] && p[4] && p[6]) : !(p[0] && p[4] && p[6])
                        if first && second { remove.append(y * width + x) }
                    }
                }
                for index in remove { image[index] = false }
                changed = changed || !remove.isEmpty
            }
        }
        return image
    }

    /// `mask` grown by a disk of `radius`.
    static func dilated(_ mask: [Bool], width: Int, height: Int, radius: Float) -> [Bool] {
        var result = mask
        let reach = Int(radius.rounded(.up))
        for index in mask.indices where mask[index] {
            let x = index % width, y = index / width
            for dy in -reach...reach {
                for dx in -reach...reach where Float(dx * dx + dy * dy) <= radius * radius {
                    let nx = x + dx, ny = y + dy
                    if nx >= 0, ny >= 0, nx < width, ny < height { result[ny * width + nx] = true }
                }
            }
        }
        return result
    }

    enum Format { case png, jpeg }

    /// `pixels` (gray, `width × height`) encoded with stb_image_write.
    static func encode(_ pixels: [UInt8], width: Int, height: Int, as format: Format) -> [UInt8] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("folio-photo-\(UUID().uuidString).\(format == .png ? "png" : "jpg")").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = pixels.withUnsafeBytes { buffer -> Int32 in
            switch format {
            case .png: return stbi_write_png(path, Int32(width), Int32(height), 1, buffer.baseAddress, Int32(width))
            case .jpeg: return stbi_write_jpg(path, Int32(width), Int32(height), 1, buffer.baseAddress, 90)
            }
        }
        guard written != 0, let data = FileManager.default.contents(atPath: path) else { return [] }
        return [UInt8](data)
    }
}

/// A small seeded random generator (SplitMix64), so every synthetic photo is reproducible.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Float { Float(next() >> 40) / Float(1 << 24) }

    /// Standard normal (Box–Muller).
    mutating func gaussian() -> Float {
        let u = max(uniform(), 1e-7), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
