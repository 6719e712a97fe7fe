import Foundation

/// The baseline of 突发: the mean and standard deviation of the counts on the same weekday in earlier weeks.
/// σ is taken as at least one case, so a quiet history (all zeros) does not make every single case a surge.
public struct SurgeBaseline: Sendable, Hashable {
    public let mean: Double
    public let deviation: Double

    public init(history: [Int]) {
        let n = Double(max(history.count, 1))
        let mean = Double(history.reduce(0, +)) / n
        let variance = history.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
        self.mean = mean
        self.deviation = max(variance.squareRoot(), 1)
    }

    /// How many standard deviations `count` lies above the mean.
    public func sigmas(_ count: Int) -> Double { (Double(count) - mean) / deviation }

    /// mean + k·σ.
    public func threshold(k: Double) -> Double { mean + k * deviation }
}
