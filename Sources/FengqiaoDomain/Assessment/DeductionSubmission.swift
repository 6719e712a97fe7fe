import Foundation

/// A deduction for a 通报批评 as the assessor types it: the unit (`AssessedUnit.formValue`), the month, the points,
/// why, and the 通报's document number (文号).
public struct DeductionSubmission: Sendable, Hashable {
    public var unit: String?
    public var period: String?
    public var points: String?
    public var reason: String?
    public var documentNumber: String?

    public init(unit: String?, period: String?, points: String?, reason: String?, documentNumber: String?) {
        self.unit = unit
        self.period = period
        self.points = points
        self.reason = reason
        self.documentNumber = documentNumber
    }

    public struct Valid: Sendable, Hashable {
        public var unit: AssessedUnit
        public var period: AssessmentPeriod
        public var points: Double
        public var reason: String
        public var documentNumber: String
    }

    public func validate(now: Date) throws(DomainError) -> Valid {
        var errors: [FieldError] = []
        var unit: AssessedUnit?
        if let raw = InputRules.text(self.unit) {
            unit = AssessedUnit(formValue: raw)
            if unit == nil { errors.append(.invalid("unit", label: "被考核单位")) }
        } else {
            errors.append(FieldError(field: "unit", code: "required", message: "请选择被考核单位"))
        }
        let period = ManualPointRules.period(period, now: now, errors: &errors)
        let points = ManualPointRules.points(points, max: ManualPointRules.maxDeduction, errors: &errors)
        let reason = ManualPointRules.text(reason, field: "reason", label: "扣分事由", max: ManualPointRules.maxTextLength,
                                           errors: &errors)
        let document = ManualPointRules.text(documentNumber, field: "documentNumber", label: "通报文号",
                                             max: ManualPointRules.maxDocumentNumberLength, errors: &errors)
        guard errors.isEmpty, let unit, let period, let points, let reason, let document else { throw .validation(errors) }
        return Valid(unit: unit, period: period, points: points, reason: reason, documentNumber: document)
    }
}
