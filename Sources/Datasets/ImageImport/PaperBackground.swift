/// The paper's brightness across a photo, modelled as a smooth quadratic surface so uneven
/// lighting (a lamp on one side, a vignette) does not read as ink.
///
/// The surface is fitted by least squares to a grid of samples, then refitted without the
/// samples much darker than it (ink) or much brighter (glare), a few times over.
struct PaperBackground {
    /// Coefficients of 1, u, v, u², uv, v² with u, v the position scaled to -0.5…0.5.
    private var coefficients: [Double]
    private let width: Int
    private let height: Int
    /// Robust spread of the paper around the surface (noise), in gray levels.
    private(set) var noise: Float

    /// Fits the paper of `paper`. With `inkIsDark` (paper light, ink dark) the samples much darker
    /// than the surface are left out as ink; without, samples far from it on either side are.
    init(fitting paper: GrayImage, inkIsDark: Bool = true) {
        width = paper.width
        height = paper.height
        let step = max(1, Int((Double(paper.width * paper.height) / 8_000).squareRoot().rounded(.up)))
        var positions: [(x: Int, y: Int)] = []
        var values: [Double] = []
        for y in Swift.stride(from: step / 2, to: paper.height, by: step) {
            for x in Swift.stride(from: step / 2, to: paper.width, by: step) {
                positions.append((x, y))
                values.append(Double(paper[x, y]))
            }
        }
        coefficients = [Double(GrayImage.quantile(paper.sample(), 0.5)), 0, 0, 0, 0, 0]
        noise = 1
        if let start = PaperBackground.blockFit(paper, inkIsDark: inkIsDark) { coefficients = start }
        for iteration in 0..<5 {
            let residuals = zip(positions, values).map { Float($0.1) - level(x: $0.0.x, y: $0.0.y) }
            // Noise from the paper side only at first: ink would inflate it.
            let spread = iteration == 0 && inkIsDark ? residuals.filter { $0 >= 0 } : residuals.filter { abs($0) < 3 * noise + 3 }
            noise = max(1, 1.4826 * GrayImage.quantile(spread.map(abs), 0.5))
            // Ink is darker than paper; a generous upper bound only drops glare.
            let upper = inkIsDark ? 4 * noise + 4 : 2.5 * noise + 2
            let included = residuals.map { $0 > -2.5 * noise - 2 && $0 < upper }
            if let fitted = leastSquares(positions, values, included) { coefficients = fitted }
        }
    }

    /// A first surface from an 8×8 grid of blocks, each summarised by a quantile that is paper
    /// unless ink fills most of the block; blocks far below the fit are dropped and it is refitted.
    private static func blockFit(_ paper: GrayImage, inkIsDark: Bool) -> [Double]? {
        let grid = 8
        guard paper.width >= grid, paper.height >= grid else { return nil }
        var positions: [(x: Int, y: Int)] = []
        var values: [Double] = []
        for by in 0..<grid {
            for bx in 0..<grid {
                let x0 = bx * paper.width / grid, x1 = (bx + 1) * paper.width / grid
                let y0 = by * paper.height / grid, y1 = (by + 1) * paper.height / grid
                var block: [Float] = []
                for y in y0..<y1 { for x in x0..<x1 { block.append(paper[x, y]) } }
                positions.append(((x0 + x1) / 2, (y0 + y1) / 2))
                values.append(Double(GrayImage.quantile(block, inkIsDark ? 0.75 : 0.5)))
            }
        }
        var fit = PaperBackground(width: paper.width, height: paper.height)
        var included = [Bool](repeating: true, count: values.count)
        for _ in 0..<4 {
            guard let coefficients = fit.leastSquares(positions, values, included) else { return nil }
            fit.coefficients = coefficients
            let residuals = zip(positions, values).map { Float($0.1) - fit.level(x: $0.0.x, y: $0.0.y) }
            let spread = max(1, 1.4826 * GrayImage.quantile(residuals.map(abs), 0.5))
            included = residuals.map { inkIsDark ? $0 > -2.5 * spread : abs($0) < 2.5 * spread }
        }
        return fit.coefficients
    }

    private init(width: Int, height: Int) {
        self.width = width
        self.height = height
        coefficients = [0, 0, 0, 0, 0, 0]
        noise = 1
    }

    /// The fitted paper brightness at pixel (x, y).
    func level(x: Int, y: Int) -> Float {
        let u = (Double(x) + 0.5) / Double(width) - 0.5, v = (Double(y) + 0.5) / Double(height) - 0.5
        let c = coefficients
        return Float(c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v)
    }

    /// How much darker than the paper each pixel is: 0 on paper, large on ink.
    func ink(of paper: GrayImage) -> GrayImage {
        var result = GrayImage(width: paper.width, height: paper.height)
        for y in 0..<paper.height {
            for x in 0..<paper.width { result[x, y] = max(0, level(x: x, y: y) - paper[x, y]) }
        }
        return result
    }

    /// Solves the normal equations of the included samples; nil when they are singular.
    private func leastSquares(_ positions: [(x: Int, y: Int)], _ values: [Double], _ included: [Bool]) -> [Double]? {
        let n = 6
        var matrix = [Double](repeating: 0, count: n * (n + 1))
        var basis = [Double](repeating: 0, count: n)
        for index in values.indices where included[index] {
            let u = (Double(positions[index].x) + 0.5) / Double(width) - 0.5
            let v = (Double(positions[index].y) + 0.5) / Double(height) - 0.5
            basis[0] = 1; basis[1] = u; basis[2] = v; basis[3] = u * u; basis[4] = u * v; basis[5] = v * v
            for i in 0..<n {
                for j in 0..<n { matrix[i * (n + 1) + j] += basis[i] * basis[j] }
                matrix[i * (n + 1) + n] += basis[i] * values[index]
            }
        }
        // Gauss–Jordan elimination with partial pivoting.
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(matrix[row * (n + 1) + column]) > abs(matrix[pivot * (n + 1) + column]) { pivot = row }
            guard abs(matrix[pivot * (n + 1) + column]) > 1e-9 else { return nil }
            if pivot != column {
                for k in 0...n { matrix.swapAt(column * (n + 1) + k, pivot * (n + 1) + k) }
            }
            for row in 0..<n where row != column {
                let factor = matrix[row * (n + 1) + column] / matrix[column * (n + 1) + column]
                for k in column...n { matrix[row * (n + 1) + k] -= factor * matrix[column * (n + 1) + k] }
            }
        }
        return (0..<n).map { matrix[$0 * (n + 1) + n] / matrix[$0 * (n + 1) + $0] }
    }
}
