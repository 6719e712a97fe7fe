/// Splits a whole number into parts proportional to weights (largest remainder), so the parts sum
/// to exactly `total`.
enum DemoApportion {
    static func split(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0) }
        var left = total - parts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), $1) > (exact[$1] - Double(parts[$1]), $0) }
        for i in order where left > 0 {
            parts[i] += 1
            left -= 1
        }
        return parts
    }
}
