import FengqiaoDomain
import Foundation

/// The filters of the petition list, as the query gives them (text, so that checking names what is wrong).
public struct PetitionFilter: Sendable, Equatable {
    public var form: String?
    public var state: String?
    public var overdue: Bool
    public var collective: Bool
    public var repeated: Bool
    /// An area inside the jurisdiction; the whole jurisdiction when nil.
    public var area: String?
    public var cursor: String?
    public var limit: Int

    public init(
        form: String? = nil, state: String? = nil, overdue: Bool = false, collective: Bool = false,
        repeated: Bool = false, area: String? = nil, cursor: String? = nil, limit: Int = 50
    ) {
        self.form = form
        self.state = state
        self.overdue = overdue
        self.collective = collective
        self.repeated = repeated
        self.area = area
        self.cursor = cursor
        self.limit = limit
    }

    /// The form and state chosen (nil for all), or the field errors.
    func checked() throws(DomainError) -> (form: PetitionForm?, state: PetitionState?, after: (Int64, Int64)?) {
        var errors: [FieldError] = []
        var form: PetitionForm?
        if let raw = self.form?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            form = PetitionForm(codeOrChineseName: raw)
            if form == nil { errors.append(FieldError(field: "form", code: "invalid_choice", message: "信访形式不在可选范围内")) }
        }
        var state: PetitionState?
        if let raw = self.state?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            state = PetitionState(rawValue: raw) ?? PetitionState.allCases.first { $0.chineseName == raw }
            if state == nil { errors.append(FieldError(field: "state", code: "invalid_choice", message: "办理状态不在可选范围内")) }
        }
        var after: (Int64, Int64)?
        if let raw = cursor, !raw.isEmpty {
            let parts = raw.split(separator: ".")
            if parts.count == 2, let at = Int64(parts[0]), let id = Int64(parts[1]) {
                after = (at, id)
            } else {
                errors.append(FieldError(field: "cursor", code: "invalid_format", message: "翻页参数无效"))
            }
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return (form, state, after)
    }
}
