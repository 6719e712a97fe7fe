import Foundation

/// One work order as read from a file or JSON, every field as text. `validate()` checks the order's
/// own cells and names each bad one by its field (`HotlineField.rawValue`), in Chinese.
public struct HotlineWorkOrderSubmission: Sendable, Equatable {
    public var values: [HotlineField: String]

    public init(values: [HotlineField: String]) { self.values = values }

    public static let numberLimit = 64
    public static let requestTypeLimit = 40

    public func validate() -> Result<HotlineWorkOrder, DomainError> {
        var errors: [FieldError] = []
        func text(_ field: HotlineField) -> String? {
            guard let t = values[field]?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        func add(_ field: HotlineField, _ code: String, _ message: String) {
            errors.append(FieldError(field: field.rawValue, code: code, message: message))
        }

        let number = text(.workOrderNumber)
        if let number {
            if number.count > Self.numberLimit {
                add(.workOrderNumber, "too_long", "工单编号不能超过\(Self.numberLimit)个字符")
            } else if number.unicodeScalars.contains(where: { $0.properties.isWhitespace || CharacterSet.controlCharacters.contains($0) }) {
                add(.workOrderNumber, "invalid_format", "工单编号不能含空格或控制字符")
            }
        } else {
            add(.workOrderNumber, "required", "缺少工单编号")
        }

        var calledAt: Date?
        if let raw = text(.calledAt) {
            calledAt = HotlineTime.parse(raw)
            if calledAt == nil { add(.calledAt, "invalid_format", "来电时间无法识别,应为“2026-03-01 08:30:00”这样的日期时间") }
        } else {
            add(.calledAt, "required", "缺少来电时间")
        }

        var phone: PhoneNumber?
        if let raw = text(.phone) {
            phone = PhoneNumber(Self.normalisedPhone(raw))
            if phone == nil { add(.phone, "invalid_format", "电话格式不正确,应为11位手机号或带区号的固定电话(如0472-5123456)") }
        }

        let content = text(.content)
        if content == nil { add(.content, "required", "诉求内容为空") }

        let requestType = text(.requestType)
        if let requestType, requestType.count > Self.requestTypeLimit {
            add(.requestType, "too_long", "诉求类型不能超过\(Self.requestTypeLimit)个字")
        }

        var deadline: Date?
        if let raw = text(.deadline) {
            deadline = HotlineTime.parse(raw, endOfDay: true)
            if deadline == nil {
                add(.deadline, "invalid_format", "办结时限无法识别,应为“2026-03-05 17:00”或“2026-03-05”这样的日期")
            } else if let deadline, let calledAt, deadline <= calledAt {
                add(.deadline, "before_call", "办结时限不能早于来电时间")
            }
        }

        guard errors.isEmpty, let number, let calledAt, let content else { return .failure(.validation(errors)) }
        return .success(HotlineWorkOrder(
            number: number, calledAt: calledAt, requester: text(.requester), phone: phone, content: content,
            address: text(.address), requestType: requestType, deadline: deadline))
    }

    /// Spaces and dashes inside a mobile number and a `+86`/`86` prefix are left out; a landline keeps its dash.
    public static func normalisedPhone(_ raw: String) -> String {
        var value = raw.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        if value.hasPrefix("+86") { value.removeFirst(3) } else if value.hasPrefix("86"), value.count == 13 { value.removeFirst(2) }
        let digits = value.replacingOccurrences(of: "-", with: "")
        if digits.count == 11, digits.hasPrefix("1") { return digits }
        return value
    }
}
