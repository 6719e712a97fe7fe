import Foundation

/// A 六调联动 referral as sent or received, before validation: the partner's kind and name, their
/// document number, a note and the day it was sent or received (`yyyy-MM-dd`, today when left out).
public struct MediationReferralSubmission: Sendable, Codable, Equatable {
    public var kind: String?
    public var counterpart: String?
    public var reference: String?
    public var note: String?
    public var date: String?

    public init(kind: String? = nil, counterpart: String? = nil, reference: String? = nil, note: String? = nil,
                date: String? = nil) {
        self.kind = kind
        self.counterpart = counterpart
        self.reference = reference
        self.note = note
        self.date = date
    }

    public static let counterpartLimit = 60
    public static let referenceLimit = 60
    public static let noteLimit = 1000

    /// Whether nothing was filled in (the optional referral block of the opening form).
    public var isBlank: Bool { [kind, counterpart, reference, note, date].allSatisfy { InputRules.text($0) == nil } }

    /// Checks every field against `now` (the day may not lie in the future nor more than a year back);
    /// fields are named under `prefix` (e.g. `referral.`).
    public func validate(now: Date, prefix: String = "") throws(DomainError) -> ValidatedMediationReferral {
        var errors: [FieldError] = []
        var kind: MediationReferralKind?
        if let raw = InputRules.text(self.kind) {
            kind = MediationReferralKind(named: raw)
            if kind == nil {
                errors.append(FieldError(field: prefix + "kind", code: "unknown",
                                         message: "联动类型无效,可选:诉调、警调、检调、仲调、专调、访调"))
            }
        } else {
            errors.append(.required(prefix + "kind", label: "联动类型"))
        }
        let counterpart = InputRules.required(self.counterpart, field: prefix + "counterpart", label: "对方单位名称",
                                              max: Self.counterpartLimit, errors: &errors)
        let reference = InputRules.text(self.reference)
        if let reference, reference.count > Self.referenceLimit {
            errors.append(.tooLong(prefix + "reference", label: "文书编号", max: Self.referenceLimit))
        }
        let note = InputRules.text(self.note)
        if let note, note.count > Self.noteLimit { errors.append(.tooLong(prefix + "note", label: "情况说明", max: Self.noteLimit)) }
        let day = MediationDay.parse(date, field: prefix + "date", label: "转交日期", now: now, errors: &errors)
        guard errors.isEmpty, let kind, let counterpart else { throw .validation(errors) }
        return ValidatedMediationReferral(kind: kind, counterpart: counterpart, reference: reference, note: note,
                                          day: day ?? ChinaTime.dayString(now))
    }
}
