import Foundation

/// One unit's value of a reported indicator (人工填报) for one period (`assessment_reported_values`): a count
/// (`denominator` nil) or a rate, who entered it and when.
public struct ReportedValueRecord: Sendable, Codable, Equatable {
    public var indicatorKey: String
    public var periodKey: String
    public var unitKind: String
    public var unitCode: String
    public var numerator: Int64
    public var denominator: Int64?
    public var note: String?
    public var enteredBy: String
    public var enteredAt: Int64

    public init(indicatorKey: String, periodKey: String, unitKind: String, unitCode: String, numerator: Int64,
                denominator: Int64?, note: String?, enteredBy: String, enteredAt: Int64) {
        (self.indicatorKey, self.periodKey, self.unitKind, self.unitCode) = (indicatorKey, periodKey, unitKind, unitCode)
        (self.numerator, self.denominator, self.note, self.enteredBy, self.enteredAt) = (numerator, denominator, note, enteredBy, enteredAt)
    }
}
