import Foundation

/// A rule that counts cases sharing a subject within the last `windowDays` days (群发, 多发, 重复反映).
public struct WindowCountRule: Sendable, Hashable, Codable {
    public var enabled: Bool
    public var windowDays: Int
    /// Marks on the number of cases.
    public var bands: RiskLevelBands

    public static let windowRange = 1...365

    public init(enabled: Bool = true, windowDays: Int, bands: RiskLevelBands) {
        self.enabled = enabled
        self.windowDays = windowDays
        self.bands = bands
    }

    public func problems(field: String) -> [FieldError] {
        var errors = bands.problems(field: field)
        if !Self.windowRange.contains(windowDays) {
            errors.append(FieldError(field: "\(field).windowDays", code: "out_of_range", message: "统计天数须在 1 到 365 之间"))
        }
        return errors
    }
}
