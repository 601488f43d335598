/// Separating a digit's ink from specks, noise and shadows at the photo's edges.
enum InkComponents {
    /// Otsu's threshold over `values` (0…255): the level that best splits them into two classes.
    static func otsuThreshold(_ values: [Float]) -> Float {
        var histogram = [Double](repeating: 0, count: 256)
        for value in values { histogram[Int(min(max(value, 0), 255))] += 1 }
        let total = Double(values.count)
        let weightedTotal = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        var below = 0.0, weightedBelow = 0.0, best = 0.0, threshold = 0
        for level in 0..<256 {
            below += histogram[level]
            weightedBelow += Double(level) * histogram[level]
            let above = total - below
            guard below > 0, above > 0 else { continue }
            let meanBelow = weightedBelow / below, meanAbove = (weightedTotal - weightedBelow) / above
            let between = below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best { best = between; threshold = level }
        }
        return Float(threshold) + 0.5
    }

    /// One 8-connected region of the mask.
    struct Component {
        var pixels: [Int]
        var touchesBorder: Bool
        /// The largest fraction of one image edge this region covers (a shadow band: close to 1).
        var edgeCoverage: Float
    }

    /// The 8-connected regions of `mask` (width × height, row-major).
    static func components(of mask: [Bool], width: Int, height: Int) -> [Component] {
        var seen = [Bool](repeating: false, count: mask.count)
        var result: [Component] = []
        var stack: [Int] = []
        for start in 0..<mask.count where mask[start] && !seen[start] {
            var component = Component(pixels: [], touchesBorder: false, edgeCoverage: 0)
            var edgeCounts = [0, 0, 0, 0]   // top, bottom, left, right
            seen[start] = true
            stack.append(start)
            while let index = stack.popLast() {
                component.pixels.append(index)
                let x = index % width, y = index / width
                if y == 0 { edgeCounts[0] += 1 }
                if y == height - 1 { edgeCounts[1] += 1 }
                if x == 0 { edgeCounts[2] += 1 }
                if x == width - 1 { edgeCounts[3] += 1 }
                for dy in -1...1 {
                    let ny = y + dy
                    guard ny >= 0, ny < height else { continue }
                    for dx in -1...1 {
                        let nx = x + dx
                        guard nx >= 0, nx < width else { continue }
                        let neighbour = ny * width + nx
                        if mask[neighbour] && !seen[neighbour] {
                            seen[neighbour] = true
                            stack.append(neighbour)
                        }
                    }
                }
            }
            component.touchesBorder = edgeCounts.contains { $0 > 0 }
            component.edgeCoverage = max(Float(max(edgeCounts[0], edgeCounts[1])) / Float(width),
                                         Float(max(edgeCounts[2], edgeCounts[3])) / Float(height))
            result.append(component)
        }
        return result
    }

    /// The components that make up the digit (none when there are only specks). Dropped are
    /// specks (tiny, or small next to the largest), regions along most of an edge (shadows, the
    /// paper's edge), and all regions touching the edge whenever a sizeable one away from it exists.
    static func digit(_ components: [Component], width: Int, height: Int) -> [Component] {
        let imageArea = width * height
        let minimum = max(12, imageArea / 1500)
        // A region running along most of an edge is a shadow or the paper's edge, never a digit.
        let sizeable = components.filter { $0.pixels.count >= minimum && $0.edgeCoverage < 0.8 }
        let inside = sizeable.filter { !$0.touchesBorder }
        let largestInside = inside.map(\.pixels.count).max() ?? 0
        let largestSizeable = sizeable.map(\.pixels.count).max() ?? 0
        // Trust the inner regions unless they are mere specks next to a digit cut by the edge.
        let insideIsDigit = largestInside > 0 && (largestInside * 8 >= largestSizeable || largestInside * 150 >= imageArea)
        let pool = insideIsDigit ? inside : sizeable
        let largest = pool.map(\.pixels.count).max() ?? 0
        return pool.filter { $0.pixels.count * 10 >= largest }
    }
}
