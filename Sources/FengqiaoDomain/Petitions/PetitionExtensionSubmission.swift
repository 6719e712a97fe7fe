import Foundation

/// A request to extend a petition's handling limit (延期): how many working days and why.
public struct PetitionExtensionSubmission: Sendable, Codable, Equatable {
    public var days: String?
    public var reason: String?

    public init(days: String? = nil, reason: String? = nil) {
        self.days = days
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case days, reason }

    /// `days` may come as a JSON number or as text.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? c.decodeIfPresent(Int.self, forKey: .days) {
            days = String(number)
        } else {
            days = try c.decodeIfPresent(String.self, forKey: .days)
        }
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
    }

    public static let reasonLimit = 500

    /// The working days (1 to the statutory maximum, 30) and the reason.
    public func validate() throws(DomainError) -> (days: Int, reason: String) {
        var errors: [FieldError] = []
        let maximum = PetitionLimits.maximumExtension.amount
        var days: Int?
        if let raw = InputRules.text(self.days) {
            if let n = Int(raw), n >= 1 {
                if n > maximum {
                    errors.append(FieldError(field: "days", code: "exceeds_maximum",
                                             message: "延期不能超过\(PetitionLimits.maximumExtension)"))
                } else {
                    days = n
                }
            } else {
                errors.append(FieldError(field: "days", code: "out_of_range", message: "延期天数应为1至\(maximum)之间的整数"))
            }
        } else {
            errors.append(.required("days", label: "延期工作日数"))
        }
        let reason = InputRules.required(self.reason, field: "reason", label: "延期理由", max: Self.reasonLimit, errors: &errors)
        guard errors.isEmpty, let days, let reason else { throw .validation(errors) }
        return (days, reason)
    }
}
