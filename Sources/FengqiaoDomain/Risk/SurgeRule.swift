import Foundation

/// 突发: a day's count for an area and category against the same weekday over the last `weeks` weeks. It warns
/// when the count is at least `minimumCount` and its distance from the mean, in standard deviations, reaches a
/// band (the blue mark is the k of mean + k·σ).
public struct SurgeRule: Sendable, Hashable, Codable {
    public var enabled: Bool
    public var weeks: Int
    public var minimumCount: Int
    /// Marks on (count − mean) / σ.
    public var bands: RiskLevelBands

    public static let weeksRange = 2...26

    public init(enabled: Bool = true, weeks: Int = 8, minimumCount: Int, bands: RiskLevelBands) {
        self.enabled = enabled
        self.weeks = weeks
        self.minimumCount = minimumCount
        self.bands = bands
    }

    public func problems(field: String) -> [FieldError] {
        var errors = bands.problems(field: field)
        if !Self.weeksRange.contains(weeks) {
            errors.append(FieldError(field: "\(field).weeks", code: "out_of_range", message: "基线周数须在 2 到 26 之间"))
        }
        if minimumCount < 1 {
            errors.append(FieldError(field: "\(field).minimumCount", code: "out_of_range", message: "最少件数须为正整数"))
        }
        return errors
    }
}
