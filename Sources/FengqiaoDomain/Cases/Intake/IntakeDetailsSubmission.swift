import Foundation

/// What the reception desk (来信来电来访) records about how a matter came in, before validation:
/// the number of visitors of a walk-in, the caller's number and the time of a call, the date of a
/// letter. Every field is text as the form sends it, so that validation names what is wrong.
public struct IntakeDetailsSubmission: Sendable, Codable, Equatable {
    /// `walkIn` | `phone` | `letter`.
    public var channel: String?
    /// 来访人数 (walk-in).
    public var visitors: String?
    /// 来电号码 (phone).
    public var callerPhone: String?
    /// 来电时间 (phone): `yyyy-MM-ddTHH:mm` as a `datetime-local` field sends it (Beijing time), or ISO 8601
    /// with a zone.
    public var calledAt: String?
    /// 来信日期 (letter): `yyyy-MM-dd`, the date on the letter or its postmark.
    public var letterDate: String?

    public init(
        channel: String? = nil, visitors: String? = nil, callerPhone: String? = nil, calledAt: String? = nil,
        letterDate: String? = nil
    ) {
        self.channel = channel
        self.visitors = visitors
        self.callerPhone = callerPhone
        self.calledAt = calledAt
        self.letterDate = letterDate
    }

    /// The desk's channels.
    public static let channels: [Channel] = [.walkIn, .phone, .letter]
    public static let maximumVisitors = 9_999
    /// How far back a call or a letter may lie: 366 days, as for any staff registration.
    public static let oldest: TimeInterval = 366 * 86_400

    /// Checks the fields of the chosen channel (the others are ignored) against `now`.
    public func validate(now: Date) throws(DomainError) -> IntakeDetails {
        var errors: [FieldError] = []
        guard let raw = InputRules.text(channel) else { throw .validation([.required("channel", label: "受理渠道")]) }
        guard let channel = Channel(rawValue: raw), Self.channels.contains(channel) else {
            throw .validation([FieldError(field: "channel", code: "invalid_choice", message: "受理渠道应为来访、来电或来信")])
        }
        var details = IntakeDetails(channel: channel)
        switch channel {
        case .walkIn:
            if let text = InputRules.text(visitors) {
                if let n = Int(text), (1...Self.maximumVisitors).contains(n) {
                    details.visitors = n
                } else {
                    errors.append(FieldError(field: "visitors", code: "out_of_range",
                                             message: "来访人数应为1至\(Self.maximumVisitors)之间的整数"))
                }
            } else {
                errors.append(.required("visitors", label: "来访人数"))
            }
        case .phone:
            if let text = InputRules.text(callerPhone) {
                if let phone = PhoneNumber(text) { details.callerPhone = phone } else {
                    errors.append(FieldError(field: "callerPhone", code: "invalid_format",
                                             message: "来电号码格式不正确(手机11位,固话如0472-1234567)"))
                }
            } else {
                errors.append(.required("callerPhone", label: "来电号码"))
            }
            if let text = InputRules.text(calledAt) {
                if let time = Self.moment(text) {
                    if time > now {
                        errors.append(FieldError(field: "calledAt", code: "in_future", message: "来电时间不能晚于当前时间"))
                    } else if time < now.addingTimeInterval(-Self.oldest) {
                        errors.append(FieldError(field: "calledAt", code: "too_old", message: "来电时间不能早于一年前"))
                    } else {
                        details.calledAt = time
                    }
                } else {
                    errors.append(FieldError(field: "calledAt", code: "invalid_format",
                                             message: "来电时间格式不正确,应如 2026-03-01T09:30"))
                }
            } else {
                errors.append(.required("calledAt", label: "来电时间"))
            }
        case .letter:
            if let text = InputRules.text(letterDate) {
                if let day = ChinaTime.date(ofDay: text) {
                    if text > ChinaTime.dayString(now) {
                        errors.append(FieldError(field: "letterDate", code: "in_future", message: "来信日期不能晚于今天"))
                    } else if day < now.addingTimeInterval(-Self.oldest) {
                        errors.append(FieldError(field: "letterDate", code: "too_old", message: "来信日期不能早于一年前"))
                    } else {
                        details.letterDate = text
                    }
                } else {
                    errors.append(FieldError(field: "letterDate", code: "invalid_format",
                                             message: "来信日期格式不正确,应如 2026-03-01"))
                }
            } else {
                errors.append(.required("letterDate", label: "来信日期"))
            }
        default:
            break
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return details
    }

    /// `yyyy-MM-ddTHH:mm` (Beijing time, seconds optional), or ISO 8601 with a zone.
    static func moment(_ text: String) -> Date? {
        let withZone = ISO8601DateFormatter()
        if let date = withZone.date(from: text) { return date }
        let bytes = Array(text.utf8)
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), let day = ChinaTime.date(ofDay: String(text.prefix(10)))
        else { return nil }
        let clock = text.dropFirst(11)
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == (bytes.count == 16 ? 2 : 3),
              parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        guard second < 60 else { return nil }
        return day.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }
}
