import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Opening the case of a camera alert and warning its grid at once through three channels (三同步: the
/// app, SMS and a phone-call task), shared by the intake (at or above the threshold) and the operators'
/// queue (confirm).
enum CameraAlertCases {
    /// The case an alert becomes: channel `aiCamera`, its type's kind and category, the rule's urgency,
    /// the camera's grid and point, and a description of what the camera saw; reported by `actor`.
    static func filing(
        camera: CameraRecord, type: CameraEventType, urgency: Urgency, confidence: Double, seenAt: Date, note: String?,
        actor: CaseActor, engine: CaseEngine
    ) async throws -> PreparedOpening {
        let opening = CaseOpening(
            channel: Channel.aiCamera.rawValue, kind: type.caseKind.rawValue, urgency: urgency.rawValue,
            description: description(camera: camera, type: type, confidence: confidence, seenAt: seenAt, note: note),
            latitude: camera.lat, longitude: camera.lon, gridCode: camera.gridCode)
        let now = Date(millisecondsSince1970: engine.platform.clock.now().millisecondsSince1970)
        var checked = try CaseEngine.check(opening, now: now)
        checked.report.category = type.caseCategory
        return PreparedOpening(opening: checked, setting: try await engine.openingSetting(now: now), actor: actor)
    }

    static func description(camera: CameraRecord, type: CameraEventType, confidence: Double, seenAt: Date, note: String?)
        -> String
    {
        let sentence = "AI视频预警:摄像头“\(camera.name)”(\(camera.code))于\(NotificationText.time(seenAt))识别到\(type.chineseName),"
            + "置信度\(percent(confidence))。"
        guard let note, !note.isEmpty else { return sentence }
        return sentence + note
    }

    static func percent(_ confidence: Double) -> String { "\(Int((confidence * 100).rounded()))%" }

    /// How the uploader and decider are named: `account:<id>:<name>` for people, `token:<name>` for machines.
    static func actorName(_ staff: Staff) -> String {
        staff.isMachine ? staff.username : "account:\(staff.accountID):\(staff.displayName)"
    }

    /// Inside the caller's transaction: opens the case of queued alert `alert` (its row must still be
    /// queued, else 409), attaches the alert's snapshot, moves the alert to `state`, queues the three
    /// warnings to the grid and audits the opening. Returns the case row.
    static func open(
        _ alert: CameraAlertRecord, as state: CameraAlertState, filing: PreparedOpening, camera: CameraRecord, caller: Caller,
        in db: any SQLDatabase, kind: DatabaseKind
    ) async throws -> CaseRecord {
        guard let alertId = alert.id else { throw StoreError.noRowReturned("camera_alerts") }
        let (record, caseId, _) = try await CaseEngine.write(filing.opening, actor: filing.actor, staff: caller.staff,
                                                             setting: filing.setting, in: db)
        let nowMs = record.reportedAt
        let by = actorName(caller.staff)
        if let name = alert.snapshotName, let typeName = alert.snapshotType, let type = FileType(rawValue: typeName) {
            let eventName = CameraEventType(rawValue: alert.eventType)?.chineseName ?? alert.eventType
            try await CaseAttachmentRepository(db).insert(CaseAttachmentRecord(
                caseId: caseId, storedName: name, fileType: type.rawValue, size: alert.snapshotSize ?? 0,
                sha256: alert.snapshotSha256 ?? "", originalName: AttachmentName.named("抓拍-\(eventName)", type: type),
                uploadedBy: by, createdAt: nowMs))
        }
        guard try await CameraAlertRepository(db).attachCase(id: alertId, caseId: caseId, state: state.rawValue,
                                                              decidedBy: by, at: nowMs)
        else { throw decided }
        try await warnGrid(alert: alert, camera: camera, caseNumber: record.number, caseId: caseId, at: nowMs, in: db)
        try await AuditTrail.append(
            AuditEntry(caller, action: "case.open", objectType: "case", objectID: record.number,
                       summary: AuditEntry.summary(["channel": record.channel, "alert": alertId])),
            at: nowMs, in: db, kind: kind)
        return record
    }

    /// 三同步: one outbox row per channel (app, SMS, phone-call task) to the workers of the alert's grid,
    /// each at most once per alert.
    static func warnGrid(
        alert: CameraAlertRecord, camera: CameraRecord, caseNumber: String, caseId: Int64, at nowMs: Int64,
        in db: any SQLDatabase
    ) async throws {
        guard let alertId = alert.id else { return }
        let type = CameraEventType(rawValue: alert.eventType)
        let name = type?.chineseName ?? alert.eventType
        let warning = Warning(
            title: "AI视频预警:\(name)",
            body: "摄像头“\(camera.name)”(\(camera.code))于\(NotificationText.time(Date(millisecondsSince1970: alert.lastSeenAt)))"
                + "识别到\(name)(置信度\(percent(alert.confidence))),已生成案件\(caseNumber),请立即到现场核实处置。",
            alert: alertId, case: caseNumber)
        let payload = String(decoding: try JSONEncoder().encode(warning), as: UTF8.self)
        let outbox = NotificationOutboxRepository(db)
        for channel in warningChannels {
            try await outbox.enqueue(dedupeKey: "camera-alert:\(alertId):\(channel.rawValue)", channel: channel.rawValue,
                                     recipient: "grid:\(alert.gridCode)", caseId: caseId, payload: payload, at: nowMs)
        }
    }

    /// The channels of 三同步.
    static let warningChannels: [NotificationChannel] = [.app, .sms, .call]

    struct Warning: Encodable {
        var title: String
        var body: String
        var alert: Int64
        var `case`: String
    }

    static let decided = DomainError.conflict(code: "alert_decided", message: "该预警已被处理,请刷新后查看")
}
