import Foundation

/// A sequential scale of up to five classes from light to dark red, for non-negative values such as open
/// cases per km². The darkest class is the brand red. Zero (and anything that is not a finite positive
/// number) gets its own neutral grey-blue, so "nothing open" never looks like "a little open".
///
/// Classes are quantiles of the non-zero values, so each class holds about as many areas and a single
/// outlier cannot wash out the rest; with fewer than five distinct values quantiles are meaningless and
/// the range is cut into five equal intervals instead.
struct AreaMapColorScale: Sendable, Hashable {
    /// One row of the legend.
    struct Entry: Sendable, Hashable {
        /// Lowest value of the class (exclusive, except for the first class and the zero entry).
        var lower: Double
        /// Highest value of the class (inclusive).
        var upper: Double
        /// Fill colour, `#rrggbb`.
        var color: String
        /// The range for people, with at most one decimal: `"0"`, `"2.5–7"`.
        var label: String
    }

    /// Light to dark; the last is the brand colour.
    static let palette = ["#fde0dc", "#f4aca2", "#e4786a", "#ca4a3c", "#b3261e"]
    /// The colour of zero.
    static let zeroColor = "#e3e9ef"

    /// Upper bounds of the classes, strictly ascending; the last is the largest value.
    let upperBounds: [Double]
    /// The colour of each class.
    let colors: [String]
    /// The smallest non-zero value.
    let lowest: Double

    /// A scale for `values`; NaN, infinite and negative values count as zero.
    init(values: [Double]) {
        let positive = values.map(Self.sanitised).filter { $0 > 0 }.sorted()
        guard let first = positive.first, let last = positive.last else {
            upperBounds = []
            colors = []
            lowest = 0
            return
        }
        var bounds: [Double]
        if Set(positive).count >= 5 {
            // Nearest-rank quantiles at 20 %, 40 %, 60 %, 80 %.
            bounds = (1..<5).map { k in positive[min(positive.count - 1, (k * positive.count + 4) / 5 - 1)] }
        } else {
            bounds = (1..<5).map { k in first + (last - first) * Double(k) / 5 }
        }
        bounds.append(last)
        // Ties (and a single distinct value) make some bounds equal; keep each once.
        var unique: [Double] = []
        for bound in bounds where bound >= first && bound > (unique.last ?? -Double.infinity) {
            unique.append(bound)
        }
        upperBounds = unique
        colors = Self.colors(count: unique.count)
        lowest = first
    }

    /// The fill colour for `value`.
    func color(for value: Double) -> String {
        guard let index = classIndex(for: value), index < colors.count else { return Self.zeroColor }
        return colors[index]
    }

    /// The class of `value`, nil for zero and for values that are not finite and positive.
    func classIndex(for value: Double) -> Int? {
        let value = Self.sanitised(value)
        guard value > 0, !upperBounds.isEmpty else { return nil }
        return upperBounds.firstIndex { value <= $0 } ?? upperBounds.count - 1
    }

    /// Whether text on `color` should be white rather than dark.
    static func isDark(_ color: String) -> Bool {
        palette.suffix(2).contains(color)
    }

    /// The zero entry followed by one entry per class, lightest first.
    func legend() -> [Entry] {
        var entries = [Entry(lower: 0, upper: 0, color: Self.zeroColor, label: "0")]
        for (index, upper) in upperBounds.enumerated() where index < colors.count {
            let lower = index == 0 ? lowest : upperBounds[index - 1]
            let from = AreaMap.decimal(lower)
            let to = AreaMap.decimal(upper)
            entries.append(
                Entry(lower: lower, upper: upper, color: colors[index], label: from == to ? to : from + "–" + to))
        }
        return entries
    }

    /// Palette colours for `count` classes, spread from light to dark; a lone class takes the middle one.
    private static func colors(count: Int) -> [String] {
        let last = palette.count - 1
        guard count > 1 else { return count == 1 ? [palette[last / 2]] : [] }
        return (0..<count).map { palette[min(last, Int((Double($0 * last) / Double(count - 1)).rounded()))] }
    }

    private static func sanitised(_ value: Double) -> Double {
        value.isFinite && value > 0 ? value : 0
    }
}
