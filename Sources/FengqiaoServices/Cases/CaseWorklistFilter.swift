import FengqiaoDomain
import Foundation

/// The optional filters of a worklist (state, kind, channel, urgency, reported-day range), as sent.
/// They narrow any list; the counts ignore them.
public struct CaseWorklistFilter: Sendable, Equatable {
    public var state: String?
    public var kind: String?
    public var channel: String?
    public var urgency: String?
    /// Reported on or after this day, `yyyy-MM-dd`.
    public var reportedFrom: String?
    /// Reported on or before this day, `yyyy-MM-dd`.
    public var reportedTo: String?

    public init(
        state: String? = nil, kind: String? = nil, channel: String? = nil, urgency: String? = nil,
        reportedFrom: String? = nil, reportedTo: String? = nil
    ) {
        self.state = Self.blankIsNil(state)
        self.kind = Self.blankIsNil(kind)
        self.channel = Self.blankIsNil(channel)
        self.urgency = Self.blankIsNil(urgency)
        self.reportedFrom = Self.blankIsNil(reportedFrom)
        self.reportedTo = Self.blankIsNil(reportedTo)
    }

    /// One field error per value that is not a known choice or a valid day.
    func problems() -> [FieldError] {
        var problems: [FieldError] = []
        if let state, CaseState(rawValue: state) == nil {
            problems.append(FieldError(field: "state", code: "invalid_choice", message: "案件状态不在可选范围内"))
        }
        if let kind, CaseKind(rawValue: kind) == nil {
            problems.append(FieldError(field: "kind", code: "invalid_choice", message: "事件类型不在可选范围内"))
        }
        if let channel, Channel(rawValue: channel) == nil {
            problems.append(FieldError(field: "channel", code: "invalid_choice", message: "来源渠道不在可选范围内"))
        }
        if let urgency, Urgency(rawValue: urgency) == nil {
            problems.append(FieldError(field: "urgency", code: "invalid_choice", message: "紧急程度不在可选范围内"))
        }
        for (field, value, label) in [("reportedFrom", reportedFrom, "上报起始日期"), ("reportedTo", reportedTo, "上报截止日期")] {
            if let value, !Self.isDay(value) {
                problems.append(FieldError(field: field, code: "invalid_format", message: "\(label)应为 yyyy-MM-dd 格式的日期"))
            }
        }
        if problems.isEmpty, let from = reportedFrom, let to = reportedTo, from > to {
            problems.append(FieldError(field: "reportedTo", code: "out_of_range", message: "上报截止日期不能早于起始日期"))
        }
        return problems
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return false }
        return true
    }

    static func blankIsNil(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
