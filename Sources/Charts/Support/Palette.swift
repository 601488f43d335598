import Foundation

/// Colours shared by all charts.
///
/// Text, axes, grid, frames and the background are CSS variables with the light colour as fallback
/// (`var(--folio-chart-text, #333333)`): the report's CSS defines them for its light and dark themes,
/// and an SVG shown on its own renders in the fallbacks. Data colours (heat-map cells, pixels) are
/// plain hex and stay the same in both themes; the text drawn on them is chosen against them.
///
/// Series colours are the Okabe–Ito palette, designed to stay distinguishable under the common
/// forms of colour blindness, with its black replaced by a mid gray so every series reads on a light
/// and a dark page alike; yellow comes last because it is hard to see on white.
enum Palette {
    /// Okabe–Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, gray (for black), yellow.
    static let series = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C8C8C", "#F0E442"]

    /// The colour of series number `index` (wraps around; negative indices are folded in), as
    /// `var(--folio-chart-series-N, HEX)` so a dark page may lighten it (the report's CSS lightens the blue).
    static func seriesColor(_ index: Int) -> String {
        let count = series.count
        let folded = ((index % count) + count) % count
        return themed("series-\(folded + 1)", series[folded])
    }

    /// `var(--folio-chart-NAME, FALLBACK)`: a themed colour.
    static func themed(_ name: String, _ fallback: String) -> String { "var(--folio-chart-\(name), \(fallback))" }

    static let background = themed("background", "#ffffff")
    static let title = themed("title", "#1a1a1a")
    static let text = themed("text", "#333333")
    static let mutedText = themed("muted", "#5f6368")
    static let axis = themed("axis", "#9aa0a6")
    static let grid = themed("grid", "#e8eaed")
    static let imageFrame = themed("frame", "#dadce0")
    /// The box drawn for an image that cannot be shown.
    static let panel = themed("panel", "#f1f3f4")
    /// Count text on an empty heat-map cell (a data colour, the lightest blue, in either theme).
    static let faintOnData = "#8a9097"

    /// Bars that are not highlighted (reads on white and on a dark page).
    static let bar = "#9db4cc"
    /// The highlighted bar and its label (Okabe–Ito blue; a lighter blue on a dark page).
    static let accent = themed("accent", "#0072B2")

    /// ColorBrewer "Blues" (9 classes), light to dark: the sequential scale of heatmaps.
    static let blues: [RGB] = [
        RGB(0xf7, 0xfb, 0xff), RGB(0xde, 0xeb, 0xf7), RGB(0xc6, 0xdb, 0xef),
        RGB(0x9e, 0xca, 0xe1), RGB(0x6b, 0xae, 0xd6), RGB(0x42, 0x92, 0xc6),
        RGB(0x21, 0x71, 0xb5), RGB(0x08, 0x51, 0x9c), RGB(0x08, 0x30, 0x6b),
    ]

    /// The sequential colour for `fraction` in 0…1 (clamped; non-finite counts as 0).
    static func sequential(_ fraction: Double) -> RGB {
        interpolated(blues, at: fraction.isFinite ? min(max(fraction, 0), 1) : 0)
    }

    /// The colour at `t` in 0…1 along `scale`, mixed linearly between its two nearest stops.
    static func interpolated(_ scale: [RGB], at t: Double) -> RGB {
        let position = t * Double(scale.count - 1)
        let lower = min(Int(position), scale.count - 2)
        return scale[lower].mixed(with: scale[lower + 1], by: position - Double(lower))
    }
}

/// An sRGB colour with 8-bit channels.
struct RGB: Equatable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8

    init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`.
    var hex: String {
        "#" + [red, green, blue].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Linear interpolation towards `other` (`t` = 0 gives `self`, 1 gives `other`).
    func mixed(with other: RGB, by t: Double) -> RGB {
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            let value = Double(a) + (Double(b) - Double(a)) * min(max(t, 0), 1)
            return UInt8(min(max(value.rounded(), 0), 255))
        }
        return RGB(channel(red, other.red), channel(green, other.green), channel(blue, other.blue))
    }

    /// WCAG relative luminance, 0 (black) … 1 (white).
    var relativeLuminance: Double {
        func linear(_ c: UInt8) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black-ish or white text, whichever contrasts more with this colour as a background.
    var contrastingText: String {
        // Contrast against white text equals contrast against #1a1a1a (L ≈ 0.010) at L ≈ 0.20.
        relativeLuminance > 0.2 ? "#1a1a1a" : "#ffffff"
    }
}
