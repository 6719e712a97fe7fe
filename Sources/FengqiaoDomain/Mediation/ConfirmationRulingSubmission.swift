import Foundation

/// The court's ruling as the mediator records it: 确认有效 or 驳回申请, the day, and a note (the
/// ruling's number, or why the court refused; required for a refusal).
public struct ConfirmationRulingSubmission: Sendable, Codable, Equatable {
    public var result: String?
    public var day: String?
    public var note: String?

    public init(result: String? = nil, day: String? = nil, note: String? = nil) {
        self.result = result
        self.day = day
        self.note = note
    }

    public static let noteLimit = 1000

    /// Checks the fields; the application must have been handed off (`handedOn`) and not ruled on.
    public func validate(state: JudicialConfirmationState, handedOn: CivilDate?, today: CivilDate) throws(DomainError)
        -> ConfirmationRuling
    {
        guard state == .handedOff, let handedOn else {
            throw state == .notRequested
                ? .conflict(code: "confirmation_not_requested", message: "尚未向法院移交司法确认申请,不能记录裁定结果")
                : .conflict(code: "confirmation_ruled", message: "法院已作出裁定(\(state.chineseName)),不能重复记录")
        }
        var errors: [FieldError] = []
        var result: JudicialConfirmationState?
        if let raw = InputRules.text(self.result) {
            result = Self.result(named: raw)
            if result == nil { errors.append(FieldError(field: "result", code: "unknown", message: "裁定结果应为确认有效或驳回申请")) }
        } else {
            errors.append(.required("result", label: "裁定结果"))
        }
        var note: String?
        if result == .refused {
            note = InputRules.required(self.note, field: "note", label: "驳回理由", max: Self.noteLimit, errors: &errors)
        } else if let raw = InputRules.text(self.note) {
            if raw.count > Self.noteLimit {
                errors.append(.tooLong("note", label: "说明", max: Self.noteLimit))
            } else {
                note = raw
            }
        }
        let day = AgreementDay.parse(self.day, field: "day", label: "裁定日期", today: today, earliest: handedOn,
                                     earliestName: "移交日期", defaultsToToday: false, errors: &errors)
        guard errors.isEmpty, let result, let day else { throw .validation(errors) }
        return ConfirmationRuling(result: result, day: day, note: note)
    }

    static func result(named text: String) -> JudicialConfirmationState? {
        switch text {
        case "confirmed", "确认有效", JudicialConfirmationState.confirmed.chineseName: .confirmed
        case "refused", "驳回申请", "驳回", JudicialConfirmationState.refused.chineseName: .refused
        default: nil
        }
    }
}
