import Foundation
import SQLKit

/// Camera alerts (`camera_alerts`) and the event ids received for them (`camera_alert_events`).
public struct CameraAlertRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ alert: CameraAlertRecord) async throws -> Int64 {
        guard let row = try await db.insert(into: "camera_alerts")
            .model(alert, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned("camera_alerts") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func find(id: Int64) async throws -> CameraAlertRecord? {
        try await db.select().column("*").from("camera_alerts").where("id", .equal, id).first()?
            .decode(model: CameraAlertRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The latest alert of camera `cameraId` and `eventType`, not dismissed, whose span of sightings
    /// reaches into [`from`, `to`]: the one a new sighting in that window folds into.
    public func latestUndismissed(cameraId: Int64, eventType: String, from: Int64, to: Int64) async throws
        -> CameraAlertRecord?
    {
        try await db.select().column("*").from("camera_alerts")
            .where("camera_id", .equal, cameraId).where("event_type", .equal, eventType)
            .where("last_seen_at", .greaterThanOrEqual, from).where("first_seen_at", .lessThanOrEqual, to)
            .where("state", .notEqual, "dismissed")
            .orderBy("id", .descending).limit(1).first()?
            .decode(model: CameraAlertRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Folds one more sighting into alert `id`: the count, the span of times and the highest confidence.
    public func addSighting(id: Int64, confidence: Double, at: Int64) async throws {
        try await db.raw("""
            UPDATE camera_alerts SET event_count = event_count + 1,
              confidence = CASE WHEN confidence < \(bind: confidence) THEN \(bind: confidence) ELSE confidence END,
              first_seen_at = CASE WHEN first_seen_at > \(bind: at) THEN \(bind: at) ELSE first_seen_at END,
              last_seen_at = CASE WHEN last_seen_at < \(bind: at) THEN \(bind: at) ELSE last_seen_at END
            WHERE id = \(bind: id)
            """).run()
    }

    /// Moves a queued alert `id` to `state` (opened or confirmed) with its case; false when it was no
    /// longer queued.
    public func attachCase(id: Int64, caseId: Int64, state: String, decidedBy: String?, at: Int64) async throws -> Bool {
        try await db.update("camera_alerts").set("state", to: state).set("case_id", to: caseId)
            .set("decided_by", to: decidedBy).set("decided_at", to: at)
            .where("id", .equal, id).where("state", .equal, "queued")
            .returning("id").all().isEmpty == false
    }

    /// Dismisses queued alert `id`; false when it was no longer queued.
    public func dismiss(id: Int64, reason: String, decidedBy: String, at: Int64) async throws -> Bool {
        try await db.update("camera_alerts").set("state", to: "dismissed").set("dismiss_reason", to: reason)
            .set("decided_by", to: decidedBy).set("decided_at", to: at)
            .where("id", .equal, id).where("state", .equal, "queued")
            .returning("id").all().isEmpty == false
    }

    /// Alerts in `states` whose grid lies in [`areaFrom`, `areaBelow`), newest first, below id `before`.
    public func page(states: [String], areaFrom: String, areaBelow: String, before: Int64?, limit: Int) async throws
        -> [CameraAlertRecord]
    {
        let query = db.select().column("*").from("camera_alerts")
            .where("state", .in, states)
            .where("grid_code", .greaterThanOrEqual, areaFrom).where("grid_code", .lessThan, areaBelow)
        if let before { query.where("id", .lessThan, before) }
        return try await query.orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: CameraAlertRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The event id as received before, if it was.
    public func event(id eventId: String) async throws -> CameraAlertEventRecord? {
        try await db.select().column("*").from("camera_alert_events").where("event_id", .equal, eventId).first()?
            .decode(model: CameraAlertEventRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Records an event id and its answer; false when the id was taken meanwhile.
    public func insertEvent(_ event: CameraAlertEventRecord) async throws -> Bool {
        try await db.insert(into: "camera_alert_events")
            .model(event, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .ignoringConflicts(with: "event_id")
            .returning("event_id").all().isEmpty == false
    }

    /// The event ids folded into alert `id`, oldest first.
    public func events(alertId: Int64) async throws -> [CameraAlertEventRecord] {
        try await db.select().column("*").from("camera_alert_events").where("alert_id", .equal, alertId)
            .orderBy("received_at").all()
            .map { try $0.decode(model: CameraAlertEventRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
