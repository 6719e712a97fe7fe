import Foundation

/// Ending a patrol (结束巡查): when, the checklist as walked, and a closing note.
public struct PatrolStop: Sendable, Codable, Equatable {
    public var endedAt: Int64?
    public var checklist: [PatrolChecklist.Result]?
    public var note: String?

    public init(endedAt: Int64? = nil, checklist: [PatrolChecklist.Result]? = nil, note: String? = nil) {
        self.endedAt = endedAt
        self.checklist = checklist
        self.note = note
    }

    /// The checked stop of a patrol that began at `startedAt`.
    public func validate(startedAt: Int64, now: Int64) throws(DomainError)
        -> (endedAt: Int64, checklist: [PatrolChecklist.Checked], note: String?)
    {
        var errors: [FieldError] = []
        var ended = FieldInstant.check(endedAt, now: now, field: "endedAt", label: "结束时间", errors: &errors)
        if let time = ended, time < startedAt {
            errors.append(FieldError(field: "endedAt", code: "out_of_range", message: "结束时间不能早于开始时间"))
            ended = nil
        }
        let checked = PatrolChecklist.check(checklist ?? [], errors: &errors)
        let note = InputRules.text(note)
        if let note, note.count > 2000 { errors.append(.tooLong("note", label: "巡查小结", max: 2000)) }
        guard errors.isEmpty, let ended else { throw .validation(errors) }
        return (ended, checked, note)
    }
}
