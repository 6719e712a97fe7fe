import Foundation

/// A visit (走访) as the grid worker's phone sends it: to whom (a household, person or place, by name or
/// address, optionally a registered person's id), where (grid or coordinates), on which day, what was
/// said and what was found.
public struct VisitSubmission: Sendable, Codable, Equatable {
    public var subjectKind: String?
    public var subject: String?
    public var personId: Int64?
    public var gridCode: String?
    public var latitude: Double?
    public var longitude: Double?
    public var visitedOn: String?
    public var notes: String?
    public var findings: String?

    public init(
        subjectKind: String? = nil, subject: String? = nil, personId: Int64? = nil, gridCode: String? = nil,
        latitude: Double? = nil, longitude: Double? = nil, visitedOn: String? = nil, notes: String? = nil,
        findings: String? = nil
    ) {
        self.subjectKind = subjectKind
        self.subject = subject
        self.personId = personId
        self.gridCode = gridCode
        self.latitude = latitude
        self.longitude = longitude
        self.visitedOn = visitedOn
        self.notes = notes
        self.findings = findings
    }

    /// Checks every field against `today` (a visit cannot lie in the future) and lists every problem.
    public func validate(today: CivilDate) throws(DomainError) -> ValidatedVisit {
        var errors: [FieldError] = []
        var kind: VisitSubjectKind?
        if let raw = InputRules.text(subjectKind) {
            kind = VisitSubjectKind(rawValue: raw) ?? VisitSubjectKind.allCases.first { $0.chineseName == raw }
            if kind == nil {
                errors.append(FieldError(field: "subjectKind", code: "invalid_choice", message: "走访对象只能是 household(入户)、person(人员)或 place(场所)"))
            }
        } else {
            errors.append(.required("subjectKind", label: "走访对象类型"))
        }
        let subject = InputRules.required(subject, field: "subject", label: "走访对象", max: 100, errors: &errors)
        if let personId, personId <= 0 { errors.append(.invalid("personId", label: "人员编号")) }
        let position = FieldPosition.check(gridCode: gridCode, latitude: latitude, longitude: longitude, errors: &errors)
        var day = CivilDate.field(visitedOn, field: "visitedOn", label: "走访日期", errors: &errors)
        if let visited = day, visited > today {
            errors.append(FieldError(field: "visitedOn", code: "out_of_range", message: "走访日期不能晚于今天"))
            day = nil
        }
        let notes = InputRules.required(notes, field: "notes", label: "走访情况", max: 2000, errors: &errors)
        let findings = InputRules.text(findings)
        if let findings, findings.count > 2000 { errors.append(.tooLong("findings", label: "发现问题", max: 2000)) }
        guard errors.isEmpty, let kind, let subject, let position, let day, let notes else { throw .validation(errors) }
        return ValidatedVisit(kind: kind, subject: subject, personId: personId, position: position, visitedOn: day,
                              notes: notes, findings: findings)
    }
}
