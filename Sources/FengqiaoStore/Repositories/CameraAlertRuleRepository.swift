import Foundation
import SQLKit

/// The rules administrators set per camera event type (`camera_alert_rules`).
public struct CameraAlertRuleRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [CameraAlertRuleRecord] {
        try await db.select().column("*").from("camera_alert_rules").orderBy("event_type").all()
            .map { try $0.decode(model: CameraAlertRuleRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func find(eventType: String) async throws -> CameraAlertRuleRecord? {
        try await db.select().column("*").from("camera_alert_rules").where("event_type", .equal, eventType).first()?
            .decode(model: CameraAlertRuleRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Inserts the rule, or replaces the one of its type.
    public func save(_ rule: CameraAlertRuleRecord) async throws {
        try await db.insert(into: "camera_alert_rules")
            .model(rule, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .onConflict(with: ["event_type"]) { update in
                update.set(excludedValueOf: "threshold").set(excludedValueOf: "urgency")
                    .set(excludedValueOf: "window_minutes").set(excludedValueOf: "updated_by")
                    .set(excludedValueOf: "updated_at")
            }
            .run()
    }
}
