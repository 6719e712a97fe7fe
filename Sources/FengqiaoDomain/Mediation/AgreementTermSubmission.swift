import Foundation

/// A term of an agreement as typed into the form, before validation. The amount is in yuan
/// (`12000`, `12000.50`); the day is `yyyy-MM-dd`.
public struct AgreementTermSubmission: Sendable, Codable, Equatable {
    public var obligor: String?
    public var content: String?
    public var amount: String?
    public var dueOn: String?

    public init(obligor: String? = nil, content: String? = nil, amount: String? = nil, dueOn: String? = nil) {
        self.obligor = obligor
        self.content = content
        self.amount = amount
        self.dueOn = dueOn
    }

    /// Whether the form row was left empty (forms offer a few blank rows).
    public var isBlank: Bool {
        [content, amount, dueOn].allSatisfy { InputRules.text($0) == nil }
    }

    public static let contentLimit = 300

    /// The term, with problems reported under `terms[<index>].<field>`. Due days lie from the day of the
    /// agreement to five years after it.
    func validate(index: Int, concludedOn: CivilDate, errors: inout [FieldError]) -> AgreementTerm? {
        let prefix = "terms[\(index)]."
        let label = "第\(index + 1)项条款"
        var obligor: MediationPartySide?
        if let raw = InputRules.text(self.obligor) {
            obligor = MediationPartySide(named: raw)
            if obligor == nil { errors.append(FieldError(field: prefix + "obligor", code: "unknown", message: "\(label)的履行方不正确")) }
        } else {
            errors.append(FieldError(field: prefix + "obligor", code: "required", message: "请选择\(label)的履行方"))
        }
        let content = InputRules.required(self.content, field: prefix + "content", label: "\(label)的内容",
                                          max: Self.contentLimit, errors: &errors)
        var amountFen: Int64?
        if let raw = InputRules.text(amount) {
            amountFen = MoneyText.fen(raw)
            if amountFen == nil {
                errors.append(FieldError(field: prefix + "amount", code: "invalid",
                                         message: "\(label)的金额应为不超过一亿元的非负金额,最多两位小数"))
            }
        }
        var dueOn: CivilDate?
        if let raw = InputRules.text(self.dueOn) {
            if let day = CivilDate(raw) {
                if day < concludedOn {
                    errors.append(FieldError(field: prefix + "dueOn", code: "before_agreement", message: "\(label)的履行期限不能早于协议日期"))
                } else if day.dayNumber > concludedOn.dayNumber + 5 * 366 {
                    errors.append(FieldError(field: prefix + "dueOn", code: "too_far", message: "\(label)的履行期限不能超过五年"))
                } else {
                    dueOn = day
                }
            } else {
                errors.append(FieldError(field: prefix + "dueOn", code: "invalid_format", message: "\(label)的履行期限格式不正确,应如 2026-03-01"))
            }
        }
        guard let obligor, let content else { return nil }
        return AgreementTerm(obligor: obligor, content: content, amountFen: amountFen, dueOn: dueOn)
    }
}
