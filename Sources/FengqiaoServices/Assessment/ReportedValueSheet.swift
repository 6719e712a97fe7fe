import FengqiaoDomain
import Foundation

/// The values of one reported indicator (人工填报) for one period, one row per unit of its kind inside the area the
/// assessor chose: what was entered, by whom and when (none for a unit not reported yet).
public struct ReportedValueSheet: Sendable {
    public struct Row: Sendable {
        public var unit: AssessedUnitProfile
        public var value: IndicatorValue?
        public var note: String?
        public var enteredBy: String?
        public var enteredAt: Date?
    }

    public var indicator: AssessmentIndicator
    public var period: AssessmentPeriod
    public var areaCode: String
    public var rows: [Row]
    /// More units than a sheet lists (`AssessmentUnits.choiceLimit`): choose a smaller area.
    public var truncated: Bool
}
