import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The auditor's filters: actor (username), action (a code, or a family such as
/// `export`), object type and id, and a range of Beijing days. Empty fields mean "any".
public struct AuditFilter: Sendable, Equatable {
    public var actor: String?
    public var action: String?
    public var objectType: String?
    public var objectID: String?
    /// `yyyy-MM-dd`, Beijing time, inclusive.
    public var fromDay: String?
    public var toDay: String?

    static let maximumLength = 100

    /// The fields as typed in the form; call `validated()` before use.
    public init(
        actor: String? = nil, action: String? = nil, objectType: String? = nil, objectID: String? = nil,
        fromDay: String? = nil, toDay: String? = nil
    ) {
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.fromDay = fromDay
        self.toDay = toDay
    }

    /// The filter trimmed, empty fields dropped; throws one field error per problem.
    public func validated() throws(DomainError) -> AuditFilter {
        var errors: [FieldError] = []
        func cleaned(_ value: String?, field: String, label: String) -> String? {
            guard let text = value?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            if text.count > Self.maximumLength {
                errors.append(FieldError(field: field, code: "too_long", message: "\(label)最长\(Self.maximumLength)个字符"))
            }
            return text
        }
        func day(_ value: String?, field: String, label: String) -> String? {
            guard let text = cleaned(value, field: field, label: label) else { return nil }
            if ChinaTime.date(ofDay: text) == nil {
                errors.append(FieldError(field: field, code: "invalid_date", message: "\(label)应为 年-月-日,如 2026-11-23"))
            }
            return text
        }
        let result = AuditFilter(
            actor: cleaned(actor, field: "actor", label: "操作人"), action: cleaned(action, field: "action", label: "操作"),
            objectType: cleaned(objectType, field: "objectType", label: "对象类型"),
            objectID: cleaned(objectID, field: "objectId", label: "对象编号"),
            fromDay: day(fromDay, field: "from", label: "开始日期"), toDay: day(toDay, field: "to", label: "结束日期"))
        if errors.isEmpty, let from = result.fromDay, let to = result.toDay, from > to {
            errors.append(FieldError(field: "to", code: "invalid_range", message: "结束日期不能早于开始日期"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return result
    }

    /// The repository's criteria: days become [Beijing midnight, next Beijing midnight).
    var criteria: AuditRepository.Criteria {
        let from = fromDay.flatMap(ChinaTime.date(ofDay:))
        let until = toDay.flatMap(ChinaTime.date(ofDay:)).map { $0.addingTimeInterval(86_400) }
        return AuditRepository.Criteria(
            actor: actor, action: action, objectType: objectType, objectId: objectID,
            fromAt: from?.millisecondsSince1970, untilAt: until?.millisecondsSince1970)
    }

    /// The filters (and what was shown or exported) as a JSON object for the audit record.
    func summaryJSON(before: Int64? = nil, shown: Int? = nil, rows: Int? = nil) -> String {
        let summary = Summary(actor: actor, action: action, objectType: objectType, objectId: objectID, from: fromDay,
                              to: toDay, before: before, shown: shown, rows: rows)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(summary)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Absent values are left out of the JSON.
    private struct Summary: Encodable {
        var actor, action, objectType, objectId, from, to: String?
        var before: Int64?
        var shown, rows: Int?
    }
}
