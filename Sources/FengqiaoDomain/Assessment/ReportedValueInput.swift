import Foundation

/// One unit's value of a reported indicator (人工填报) as typed: for a count the number, for a rate the number that
/// met it (`numerator`) of how many (`denominator`), whole numbers. Both blank means not reported (an earlier value is
/// taken back).
public struct ReportedValueInput: Sendable, Hashable {
    public var numerator: String?
    public var denominator: String?
    public var note: String?

    public init(numerator: String?, denominator: String? = nil, note: String? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
    }

    /// The most any number may be (a count of things one unit did in a quarter).
    public static let maxNumber = 1_000_000
    public static let maxNoteLength = 200

    /// The value for `indicator`, nil when left blank; field errors name `<field>.numerator`, `.denominator`, `.note`
    /// and begin with `label` (the unit's name).
    public func value(for indicator: AssessmentIndicator, field: String, label: String, errors: inout [FieldError])
        -> (value: IndicatorValue, note: String?)?
    {
        let top = InputRules.text(numerator), bottom = indicator.isRate ? InputRules.text(denominator) : nil
        let note = InputRules.text(self.note)
        if let note, note.count > Self.maxNoteLength {
            errors.append(FieldError(field: "\(field).note", code: "too_long", message: "\(label)的备注不能超过 \(Self.maxNoteLength) 个字"))
        }
        guard top != nil || bottom != nil else { return nil }
        func number(_ text: String?, _ part: String, _ what: String) -> Int? {
            guard let text else {
                errors.append(FieldError(field: "\(field).\(part)", code: "required", message: "\(label)请填写\(what)"))
                return nil
            }
            guard let n = Int(text), (0...Self.maxNumber).contains(n) else {
                errors.append(FieldError(field: "\(field).\(part)", code: "invalid",
                                         message: "\(label)的\(what)应为 0 到 \(Self.maxNumber) 之间的整数"))
                return nil
            }
            return n
        }
        guard indicator.isRate else {
            return number(top, "numerator", "数量").map { (.count($0), note) }
        }
        let n = number(top, "numerator", "达标数"), d = number(bottom, "denominator", "总数")
        guard let n, let d else { return nil }
        guard d > 0 else {
            errors.append(FieldError(field: "\(field).denominator", code: "out_of_range", message: "\(label)的总数应大于 0"))
            return nil
        }
        guard n <= d else {
            errors.append(FieldError(field: "\(field).numerator", code: "out_of_range", message: "\(label)的达标数不能大于总数"))
            return nil
        }
        return (.rate(n, of: d), note)
    }
}
