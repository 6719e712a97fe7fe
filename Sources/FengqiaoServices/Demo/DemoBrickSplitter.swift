/// Splits a rectangle into `weights.count` rectangles that tile it exactly, like courses of bricks:
/// rows of roughly square pieces, each row's height and each piece's width in proportion to the
/// pieces' weights, jittered. Pieces come out in reading order (north→south, west→east), which is the
/// order local standards number grids in.
struct DemoBrickSplitter {
    /// Relative jitter of each piece's size (0.25 → ±25%).
    var jitter: Double = 0.25

    func split(_ rect: DemoRect, weights: [Double], _ random: inout DemoRandom) -> [DemoRect] {
        let n = weights.count
        guard n > 1 else { return n == 1 ? [rect] : [] }
        let total = weights.reduce(0, +)
        // Rows so that pieces come out near square: rows² ≈ n / aspect.
        let rows = min(n, max(1, Int((Double(n) / max(0.05, rect.aspect)).squareRoot().rounded())))
        var rowSlices: [Range<Int>] = []
        var start = 0
        for r in 0..<rows {
            let count = n / rows + (r < n % rows ? 1 : 0)
            rowSlices.append(start..<(start + count))
            start += count
        }
        let rowWeights = rowSlices.map { slice in
            slice.reduce(0.0) { $0 + weights[$1] } / total * jittered(&random)
        }
        // Rows run north→south, so cut from the north edge down.
        let rowCuts = cuts(from: rect.north, to: rect.south, weights: rowWeights)
        var pieces: [DemoRect] = []
        pieces.reserveCapacity(n)
        for (r, slice) in rowSlices.enumerated() {
            let north = rowCuts[r]
            let south = rowCuts[r + 1]
            let widths = slice.map { weights[$0] * jittered(&random) }
            let colCuts = cuts(from: rect.west, to: rect.east, weights: widths)
            for c in 0..<slice.count {
                pieces.append(DemoRect(west: colCuts[c], south: south, east: colCuts[c + 1], north: north))
            }
        }
        return pieces
    }

    private func jittered(_ random: inout DemoRandom) -> Double {
        random.double(1 - jitter, 1 + jitter)
    }

    /// `weights.count + 1` integer positions from `a` to `b` (either direction), each step in
    /// proportion to its weight and at least one unit long; the ends are exactly `a` and `b`.
    private func cuts(from a: Int, to b: Int, weights: [Double]) -> [Int] {
        let total = weights.reduce(0, +)
        let span = b - a
        let step = span >= 0 ? 1 : -1
        var positions = [a]
        var cumulative = 0.0
        for (i, w) in weights.enumerated() {
            cumulative += w
            if i == weights.count - 1 {
                positions.append(b)
            } else {
                var p = a + Int((Double(span) * cumulative / total).rounded())
                if let last = positions.last, (p - last) * step < 1 { p = last + step }
                positions.append(p)
            }
        }
        return positions
    }
}
