import Foundation

/// An appeal (申诉) as typed: the unit (`AssessedUnit.formValue`, may be left out when the appellant has one), the
/// month or quarter, the indicator (its key), optionally a case (its id or number), and the
/// reasons (at least ten characters).
public struct AppealSubmission: Sendable, Hashable {
    public var unit: String?
    public var period: String?
    public var indicator: String?
    public var caseRef: String?
    public var reasons: String?

    public init(unit: String? = nil, period: String?, indicator: String?, caseRef: String? = nil, reasons: String?) {
        self.unit = unit
        self.period = period
        self.indicator = indicator
        self.caseRef = caseRef
        self.reasons = reasons
    }

    public struct Valid: Sendable, Hashable {
        public var period: AssessmentPeriod
        public var indicator: AssessmentIndicator
        /// The case as typed (an id or a number), for the service to look up.
        public var caseRef: String?
        public var reasons: String
    }

    /// The checked appeal for `unitKind` (the indicator, one of `indicators`, must be one that kind is scored on).
    public func validate(unitKind: AssessedUnitKind, now: Date, indicators: [AssessmentIndicator] = AssessmentIndicator.builtIn)
        throws(DomainError) -> Valid
    {
        var errors: [FieldError] = []
        let period = ManualPointRules.period(period, now: now, quarters: true, errors: &errors)
        var indicator: AssessmentIndicator?
        if let raw = InputRules.text(self.indicator) {
            indicator = indicators.first { $0.key == raw }
            if let found = indicator, !found.unitKinds.contains(unitKind) {
                errors.append(FieldError(field: "indicator", code: "not_applicable",
                                         message: "\(found.chineseName)不适用于\(unitKind.chineseName)"))
                indicator = nil
            } else if indicator == nil {
                errors.append(FieldError(field: "indicator", code: "unknown", message: "没有该考核指标"))
            }
        } else {
            errors.append(FieldError(field: "indicator", code: "required", message: "请选择申诉的考核指标"))
        }
        let caseRef = InputRules.text(self.caseRef)
        if let caseRef, caseRef.count > 40 { errors.append(.invalid("case", label: "案件编号")) }
        let reasons = ManualPointRules.text(reasons, field: "reasons", label: "申诉理由", min: ManualPointRules.minAppealReasonLength,
                                            max: ManualPointRules.maxTextLength, errors: &errors)
        guard errors.isEmpty, let period, let indicator, let reasons else { throw .validation(errors) }
        return Valid(period: period, indicator: indicator, caseRef: caseRef, reasons: reasons)
    }
}
