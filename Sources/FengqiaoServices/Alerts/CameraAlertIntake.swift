import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Takes in alerts from AI cameras' algorithm platforms (API tokens with `alerts.write`), in one write
/// transaction per event:
/// - the same event id again gets the first answer and changes nothing;
/// - a repeat from the same camera and type within the type's window folds into the open alert (a count
///   and the span of times) — and, when that alert has a case still open, adds a progress note to it
///   rather than a new case;
/// - otherwise a new alert: at or above the type's threshold a case is opened at once (channel
///   `aiCamera`, reported by the system as `token:<name>`, the snapshot attached) and the grid's workers
///   are warned through the app, SMS and a phone-call task; below it, it waits in the operators' queue.
/// The camera must be registered, active and inside the token's area.
public struct CameraAlertIntake: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func receive(_ submission: CameraAlertSubmission, caller: Caller) async throws -> CameraAlertReceipt {
        let staff = caller.staff
        try staff.require(.reportCameraAlerts)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let alert = try submission.validate(now: now)
        let known = try await platform.database.read { db -> (CameraAlertReceipt?, CameraRecord?, CameraAlertRule) in
            if let event = try await CameraAlertRepository(db).event(id: alert.eventId) {
                return (try await Self.replay(event, staff: staff, in: db), nil, .standard(alert.eventType))
            }
            return (nil, try await CameraRepository(db).find(code: alert.cameraCode),
                    try await CameraAlertRules.rule(alert.eventType, in: db))
        }
        if let replayed = known.0 { return replayed }
        let camera = try Self.usable(known.1, staff: staff)
        let rule = known.2
        let filing = rule.opensCase(confidence: alert.confidence)
            ? try await CameraAlertCases.filing(
                camera: camera, type: alert.eventType, urgency: rule.urgency, confidence: alert.confidence,
                seenAt: alert.occurredAt, note: alert.description, actor: .system(job: staff.username),
                engine: CaseEngine(platform: platform))
            : nil
        let calendar = try await platform.businessCalendar()
        let policy = try await platform.casePolicy()
        let stored = try alert.snapshot.map { try platform.uploads.store($0, rule: CameraAlertSubmission.snapshotRule) }
        let kind = platform.database.kind
        do {
            let (receipt, keptSnapshot) = try await platform.database.write { db -> (CameraAlertReceipt, Bool) in
                try await Self.take(alert, camera: camera, rule: rule, filing: filing, snapshot: stored, calendar: calendar,
                                    policy: policy, now: now, caller: caller, in: db, kind: kind)
            }
            if !keptSnapshot, let stored { platform.uploads.remove(stored.name) }
            return receipt
        } catch {
            if let stored { platform.uploads.remove(stored.name) }
            throw error
        }
    }

    /// The transaction of one event; returns the answer and whether the snapshot file is now referenced.
    static func take(
        _ alert: ValidatedCameraAlert, camera known: CameraRecord, rule: CameraAlertRule, filing: PreparedOpening?,
        snapshot: StoredUpload?, calendar: BusinessCalendar, policy: CasePolicy, now: Date, caller: Caller, in db: any SQLDatabase,
        kind: DatabaseKind
    ) async throws -> (CameraAlertReceipt, Bool) {
        let staff = caller.staff
        let alerts = CameraAlertRepository(db)
        let cameras = CameraRepository(db)
        guard let cameraId = known.id else { throw unknownCamera }
        try await cameras.lock(id: cameraId, kind: kind)
        if let event = try await alerts.event(id: alert.eventId) {
            return (try await replay(event, staff: staff, in: db), false)
        }
        let camera = try usable(try await cameras.find(id: cameraId), staff: staff)
        let seen = alert.occurredAt.millisecondsSince1970
        let window = Int64(rule.window * 1000)
        let nowMs = now.millisecondsSince1970
        var outcome = CameraAlertReceipt.Outcome.folded
        var caseNumber: String?
        var keptSnapshot = false
        var alertId: Int64?

        let candidate = try await alerts.latestUndismissed(
            cameraId: cameraId, eventType: alert.eventType.rawValue, from: seen - window, to: seen + window)
        if let found = candidate, let id = found.id {
            if let caseId = found.caseId {
                // A case already answers for it: note the repeat there, unless the case is finished.
                let note = "同一摄像头再次识别到\(alert.eventType.chineseName)(第\(found.eventCount + 1)次,"
                    + "\(NotificationText.time(alert.occurredAt)),置信度\(CameraAlertCases.percent(alert.confidence)))。"
                if let record = try await CaseEngine.addSystemNote(note, job: staff.username, caseId: caseId, now: now,
                                                                   calendar: calendar, policy: policy, in: db) {
                    try await alerts.addSighting(id: id, confidence: alert.confidence, at: seen)
                    caseNumber = record.number
                    alertId = id
                }
            } else {
                try await alerts.addSighting(id: id, confidence: alert.confidence, at: seen)
                alertId = id
                if let filing, let updated = try await alerts.find(id: id) {
                    // This repeat reaches the threshold the earlier sightings did not.
                    caseNumber = try await CameraAlertCases.open(updated, as: .opened, filing: filing, camera: camera,
                                                                 caller: caller, in: db, kind: kind).number
                    outcome = .opened
                }
            }
        }
        if alertId == nil {
            var record = CameraAlertRecord(
                cameraId: cameraId, gridCode: camera.gridCode, eventType: alert.eventType.rawValue,
                state: CameraAlertState.queued.rawValue, confidence: alert.confidence, firstSeenAt: seen, lastSeenAt: seen,
                description: alert.description, bbox: try alert.bbox.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
                snapshotName: snapshot?.name, snapshotType: snapshot?.type, snapshotSize: snapshot.map { Int64($0.size) },
                snapshotSha256: snapshot?.sha256, createdAt: nowMs)
            let id = try await alerts.insert(record)
            record.id = id
            alertId = id
            keptSnapshot = snapshot != nil
            if let filing {
                caseNumber = try await CameraAlertCases.open(record, as: .opened, filing: filing, camera: camera,
                                                             caller: caller, in: db, kind: kind).number
                outcome = .opened
            } else {
                outcome = .queued
            }
        }
        guard let alertId, let final = try await alerts.find(id: alertId) else { throw StoreError.noRowReturned("camera_alerts") }
        let state = CameraAlertState(rawValue: final.state) ?? .queued
        let receipt = CameraAlertReceipt(
            eventId: alert.eventId, outcome: outcome, alertId: alertId, state: state.rawValue, stateName: state.chineseName,
            caseNumber: caseNumber, eventCount: final.eventCount, replayed: false)
        let response = String(decoding: try JSONEncoder().encode(receipt), as: UTF8.self)
        guard try await alerts.insertEvent(CameraAlertEventRecord(
            eventId: alert.eventId, alertId: alertId, confidence: alert.confidence, occurredAt: seen, receivedAt: nowMs,
            response: response))
        else { throw eventTaken }
        try await AuditTrail.append(
            AuditEntry(caller, action: "camera_alert.receive", objectType: "camera_alert", objectID: String(alertId),
                       summary: AuditEntry.summary([
                           "event": alert.eventId, "camera": camera.code, "type": alert.eventType.rawValue,
                           "confidence": alert.confidence, "outcome": outcome.rawValue, "case": caseNumber ?? "",
                       ])),
            at: nowMs, in: db, kind: kind)
        return (receipt, keptSnapshot)
    }

    /// The first answer to `event`, marked replayed; an event id another area's camera used is a conflict.
    static func replay(_ event: CameraAlertEventRecord, staff: Staff, in db: any SQLDatabase) async throws -> CameraAlertReceipt {
        guard let alert = try await CameraAlertRepository(db).find(id: event.alertId),
              staff.jurisdiction.contains(alert.gridCode),
              var receipt = try? JSONDecoder().decode(CameraAlertReceipt.self, from: Data(event.response.utf8))
        else { throw eventTaken }
        receipt.replayed = true
        return receipt
    }

    /// The camera if it is registered inside `staff`'s area and active; else a field error on `cameraId`.
    static func usable(_ camera: CameraRecord?, staff: Staff) throws(DomainError) -> CameraRecord {
        guard let camera, staff.jurisdiction.contains(camera.gridCode) else { throw unknownCamera }
        guard camera.active == 1 else {
            throw .validation([FieldError(field: "cameraId", code: "inactive", message: "该摄像头已停用,不再接收预警")])
        }
        return camera
    }

    static let unknownCamera = DomainError.validation([
        FieldError(field: "cameraId", code: "unknown", message: "没有该摄像头,请先在平台登记"),
    ])

    static let eventTaken = DomainError.conflict(code: "event_id_taken", message: "该事件编号已被使用")
}
