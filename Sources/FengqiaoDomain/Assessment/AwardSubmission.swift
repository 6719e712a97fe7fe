import Foundation

/// A request for highlight points (亮点工作加分) as typed: the unit (`AssessedUnit.formValue`, may be left out when
/// the requester has one unit), the month, the points, a title, what was done, and the evidence (text: 文件、
/// 报道、链接).
public struct AwardSubmission: Sendable, Hashable {
    public var unit: String?
    public var period: String?
    public var points: String?
    public var title: String?
    public var description: String?
    public var evidence: String?

    public init(unit: String? = nil, period: String?, points: String?, title: String?, description: String?,
                evidence: String?)
    {
        self.unit = unit
        self.period = period
        self.points = points
        self.title = title
        self.description = description
        self.evidence = evidence
    }

    public struct Valid: Sendable, Hashable {
        public var period: AssessmentPeriod
        public var points: Double
        public var title: String
        public var description: String
        public var evidence: String
    }

    /// The checked request, for a period that has begun by `now` and points within `cap`; every bad field listed.
    public func validate(cap: Double, now: Date) throws(DomainError) -> Valid {
        var errors: [FieldError] = []
        let period = ManualPointRules.period(period, now: now, errors: &errors)
        let points = ManualPointRules.points(points, max: cap, errors: &errors)
        let title = ManualPointRules.text(title, field: "title", label: "亮点工作名称", max: ManualPointRules.maxTitleLength,
                                          errors: &errors)
        let description = ManualPointRules.text(description, field: "description", label: "工作内容", min: 10,
                                                max: ManualPointRules.maxTextLength, errors: &errors)
        let evidence = ManualPointRules.text(evidence, field: "evidence", label: "佐证材料", max: ManualPointRules.maxTextLength,
                                             errors: &errors)
        guard errors.isEmpty, let period, let points, let title, let description, let evidence else {
            throw .validation(errors)
        }
        return Valid(period: period, points: points, title: title, description: description, evidence: evidence)
    }
}
