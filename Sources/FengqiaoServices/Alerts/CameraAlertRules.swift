import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The per-type rules of camera alerts, stored as data: administrators holding `configureCases` set the
/// threshold from which a case is opened at once, the case's urgency and the folding window. A type
/// nobody configured uses `CameraAlertRule.standard`. Rules are platform-wide, like the category tree.
/// Every change is audited with the rule before and after.
public struct CameraAlertRules: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Every type's rule in force.
    public func list(caller: Caller) async throws -> [CameraAlertRuleView] {
        try caller.staff.require(.configureCases)
        let stored = try await platform.database.read { try await CameraAlertRuleRepository($0).all() }
        let byType = Dictionary(stored.map { ($0.eventType, $0) }, uniquingKeysWith: { a, _ in a })
        return CameraEventType.allCases.map { type in
            let record = byType[type.rawValue]
            return CameraAlertRuleView(Self.rule(type, record), updatedBy: record?.updatedBy,
                                       updatedAt: record.map { Date(millisecondsSince1970: $0.updatedAt) })
        }
    }

    /// Sets the rule of `eventType` (a type code) from the administrator's fields.
    @discardableResult
    public func save(
        eventType: String, threshold: String?, urgency: String?, windowMinutes: String?, caller: Caller
    ) async throws -> CameraAlertRuleView {
        try caller.staff.require(.configureCases)
        guard let type = CameraEventType(rawValue: eventType) else { throw DomainError.notFound(what: "该事件类型") }
        let rule = try CameraAlertRule.validated(type, threshold: threshold, urgency: urgency, windowMinutes: windowMinutes)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let by = caller.staff.username
        return try await platform.database.write { db in
            let rules = CameraAlertRuleRepository(db)
            let before = try await Self.rule(type, in: db)
            try await rules.save(CameraAlertRuleRecord(
                eventType: type.rawValue, threshold: rule.threshold, urgency: rule.urgency.rawValue,
                windowMinutes: rule.windowMinutes, updatedBy: by, updatedAt: now))
            try await AuditTrail.append(
                AuditEntry(caller, action: "camera_alert_rule.update", objectType: "camera_alert_rule",
                           objectID: type.rawValue,
                           summary: AuditEntry.summary(["before": Self.auditFields(before), "after": Self.auditFields(rule)])),
                at: now, in: db, kind: kind)
            return CameraAlertRuleView(rule, updatedBy: by, updatedAt: Date(millisecondsSince1970: now))
        }
    }

    /// The rule in force for `type` on `db`.
    static func rule(_ type: CameraEventType, in db: any SQLDatabase) async throws -> CameraAlertRule {
        rule(type, try await CameraAlertRuleRepository(db).find(eventType: type.rawValue))
    }

    /// The stored rule, or the built-in one when there is none or it no longer reads.
    static func rule(_ type: CameraEventType, _ record: CameraAlertRuleRecord?) -> CameraAlertRule {
        guard let record, let urgency = Urgency(rawValue: record.urgency) else { return .standard(type) }
        return CameraAlertRule(eventType: type, threshold: record.threshold, urgency: urgency,
                               windowMinutes: record.windowMinutes)
    }

    static func auditFields(_ rule: CameraAlertRule) -> [String: any Sendable] {
        ["threshold": rule.threshold, "urgency": rule.urgency.rawValue, "windowMinutes": rule.windowMinutes]
    }
}
