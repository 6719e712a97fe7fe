import Foundation

/// A mediation session (调解会) as recorded or planned, before validation. With an `outcome` the
/// session was held (its time not in the future) and counts as one attempt on the case's ladder tier;
/// without one it is planned (its time in the future) and its outcome is recorded later.
public struct MediationSessionSubmission: Sendable, Codable, Equatable {
    /// `2026-03-01T09:30` (Beijing) or ISO 8601 with a zone.
    public var at: String?
    public var place: String?
    public var attendees: String?
    public var notes: String?
    /// An `AttemptOutcome` by machine or Chinese name.
    public var outcome: String?

    public init(at: String? = nil, place: String? = nil, attendees: String? = nil, notes: String? = nil,
                outcome: String? = nil) {
        self.at = at
        self.place = place
        self.attendees = attendees
        self.notes = notes
        self.outcome = outcome
    }

    public static let placeLimit = 100
    public static let attendeesLimit = 500
    /// The case engine's limit for an attempt's note.
    public static let notesLimit = 2000
    /// How far ahead a session may be planned: a year.
    static let furthest: TimeInterval = 366 * 86_400

    /// Checks every field against `now`.
    public func validate(now: Date) throws(DomainError) -> ValidatedMediationSession {
        var errors: [FieldError] = []
        let outcome = Self.outcome(self.outcome, errors: &errors)
        var time: Date?
        if let raw = InputRules.text(at) {
            if let parsed = IntakeDetailsSubmission.moment(raw) {
                if outcome != nil || InputRules.text(self.outcome) != nil {
                    if parsed > now {
                        errors.append(FieldError(field: "at", code: "in_future", message: "已召开的调解会时间不能晚于当前时间"))
                    } else if parsed < now.addingTimeInterval(-Self.furthest) {
                        errors.append(FieldError(field: "at", code: "too_old", message: "调解会时间不能早于一年前"))
                    } else {
                        time = parsed
                    }
                } else if parsed <= now {
                    errors.append(FieldError(field: "at", code: "not_future",
                                             message: "预约的调解会时间应晚于当前时间;已召开的请填写调解结果"))
                } else if parsed > now.addingTimeInterval(Self.furthest) {
                    errors.append(FieldError(field: "at", code: "too_far", message: "调解会最多预约一年以内"))
                } else {
                    time = parsed
                }
            } else {
                errors.append(FieldError(field: "at", code: "invalid_format", message: "调解会时间格式不正确,应如 2026-03-01T09:30"))
            }
        } else {
            errors.append(.required("at", label: "调解会时间"))
        }
        let place = InputRules.required(self.place, field: "place", label: "调解地点", max: Self.placeLimit, errors: &errors)
        let attendees = InputRules.required(self.attendees, field: "attendees", label: "参加人员",
                                            max: Self.attendeesLimit, errors: &errors)
        let notes = Self.notes(self.notes, required: outcome != nil, errors: &errors)
        guard errors.isEmpty, let time, let place, let attendees else { throw .validation(errors) }
        return ValidatedMediationSession(at: time, place: place, attendees: attendees, notes: notes, outcome: outcome)
    }

    /// The outcome of a planned session, recorded once it was held: outcome and notes required,
    /// attendees optional (they replace the planned ones).
    public func validateOutcome() throws(DomainError) -> (outcome: AttemptOutcome, notes: String, attendees: String?) {
        var errors: [FieldError] = []
        let outcome = Self.outcome(self.outcome, errors: &errors)
        if outcome == nil, InputRules.text(self.outcome) == nil { errors.append(.required("outcome", label: "调解结果")) }
        let notes = Self.notes(self.notes, required: true, errors: &errors)
        let attendees = InputRules.text(self.attendees)
        if let attendees, attendees.count > Self.attendeesLimit {
            errors.append(.tooLong("attendees", label: "参加人员", max: Self.attendeesLimit))
        }
        guard errors.isEmpty, let outcome, let notes else { throw .validation(errors) }
        return (outcome, notes, attendees)
    }

    static func outcome(_ text: String?, errors: inout [FieldError]) -> AttemptOutcome? {
        guard let raw = InputRules.text(text) else { return nil }
        guard let value = AttemptOutcome(rawValue: raw) ?? AttemptOutcome.allCases.first(where: { $0.chineseName == raw }) else {
            errors.append(FieldError(field: "outcome", code: "unknown", message: "调解结果无效,可选:调解成功、调解未果、当事人未到场"))
            return nil
        }
        return value
    }

    static func notes(_ text: String?, required: Bool, errors: inout [FieldError]) -> String? {
        guard let notes = InputRules.text(text) else {
            if required { errors.append(.required("notes", label: "调解情况")) }
            return nil
        }
        guard notes.count <= Self.notesLimit else {
            errors.append(.tooLong("notes", label: "调解情况", max: Self.notesLimit))
            return nil
        }
        return notes
    }
}
