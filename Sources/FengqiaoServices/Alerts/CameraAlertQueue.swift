import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The operators' queue of camera alerts below their type's threshold (`/alerts`): people who register
/// cases (`acceptCases`, never a machine) see the alerts of cameras in their jurisdiction, and confirm
/// one — it becomes a case reported by them, its snapshot attached, and the grid is warned (三同步) —
/// or dismiss it with a reason. An alert outside the jurisdiction is "not found". Decisions are audited.
public struct CameraAlertQueue: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// What the queue lists: `queued` (waiting), `decided` (opened, confirmed or dismissed) or `all`.
    public static let views: [String: [CameraAlertState]] = [
        "queued": [.queued], "decided": [.opened, .confirmed, .dismissed], "all": CameraAlertState.allCases,
    ]
    static let pageSize = 50

    public func page(view: String?, cursor: String?, caller: Caller) async throws -> CameraAlertPage {
        let staff = try Self.operator(caller)
        let name = (view ?? "").isEmpty ? "queued" : view ?? "queued"
        guard let states = Self.views[name] else {
            throw DomainError.validation([FieldError(field: "state", code: "invalid_choice", message: "状态应为 queued、decided 或 all")])
        }
        var cursorID: Int64?
        if let cursor, !cursor.isEmpty {
            guard let id = Int64(cursor), id > 0 else {
                throw DomainError.validation([FieldError(field: "before", code: "invalid_format", message: "翻页位置无效")])
            }
            cursorID = id
        }
        let before = cursorID
        let jurisdiction = staff.jurisdiction
        let limit = Self.pageSize
        let atlas = try await platform.areaAtlas()
        return try await platform.database.read { db in
            let rows = try await CameraAlertRepository(db).page(
                states: states.map(\.rawValue), areaFrom: jurisdiction.prefix, areaBelow: jurisdiction.upperBound,
                before: before, limit: limit + 1)
            let shown = Array(rows.prefix(limit))
            return CameraAlertPage(items: try await Self.views(shown, atlas: atlas, in: db),
                                   next: rows.count > limit ? shown.last?.id.map { String($0) } : nil)
        }
    }

    /// Alert `id`.
    public func alert(id: Int64, caller: Caller) async throws -> CameraAlertView {
        let staff = try Self.operator(caller)
        let atlas = try await platform.areaAtlas()
        return try await platform.database.read { db in
            try await Self.view(try await Self.load(id, staff: staff, in: db), atlas: atlas, in: db)
        }
    }

    /// Confirms queued alert `id`: a case reported by the caller, with the alert's snapshot, and the
    /// grid warned.
    public func confirm(id: Int64, caller: Caller) async throws -> CameraAlertView {
        let staff = try Self.operator(caller)
        let (alert, camera, rule) = try await platform.database.read { db in
            let alert = try await Self.load(id, staff: staff, in: db)
            guard let camera = try await CameraRepository(db).find(id: alert.cameraId),
                  let type = CameraEventType(rawValue: alert.eventType)
            else { throw DomainError.notFound(what: "该预警") }
            return (alert, camera, try await CameraAlertRules.rule(type, in: db))
        }
        guard alert.state == CameraAlertState.queued.rawValue else { throw CameraAlertCases.decided }
        var watched = camera
        watched.gridCode = alert.gridCode  // filed where the camera watched when it alerted
        let place = watched
        let filing = try await CameraAlertCases.filing(
            camera: place, type: rule.eventType, urgency: rule.urgency, confidence: alert.confidence,
            seenAt: Date(millisecondsSince1970: alert.lastSeenAt), note: alert.description, actor: .staff(staff),
            engine: CaseEngine(platform: platform))
        let kind = platform.database.kind
        let atlas = try await platform.areaAtlas()
        return try await platform.database.write { db in
            let current = try await Self.load(id, staff: staff, in: db)
            let record = try await CameraAlertCases.open(current, as: .confirmed, filing: filing, camera: place,
                                                         caller: caller, in: db, kind: kind)
            try await AuditTrail.append(
                AuditEntry(caller, action: "camera_alert.confirm", objectType: "camera_alert", objectID: String(id),
                           summary: AuditEntry.summary(["case": record.number, "type": current.eventType,
                                                        "confidence": current.confidence])),
                at: record.reportedAt, in: db, kind: kind)
            return try await Self.view(try await Self.load(id, staff: staff, in: db), atlas: atlas, in: db)
        }
    }

    /// Dismisses queued alert `id` as a false alarm, with `reason` (required, at most 200 characters).
    public func dismiss(id: Int64, reason: String?, caller: Caller) async throws -> CameraAlertView {
        let staff = try Self.operator(caller)
        let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let problem: FieldError? = text.isEmpty ? .required("reason", label: "排除原因")
            : text.count > 200 ? .tooLong("reason", label: "排除原因", max: 200) : nil
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let atlas = try await platform.areaAtlas()
        return try await platform.database.write { db in
            let alert = try await Self.load(id, staff: staff, in: db)
            if let problem { throw DomainError.validation([problem]) }
            guard try await CameraAlertRepository(db).dismiss(id: id, reason: text, decidedBy: CameraAlertCases.actorName(staff),
                                                              at: now)
            else { throw CameraAlertCases.decided }
            try await AuditTrail.append(
                AuditEntry(caller, action: "camera_alert.dismiss", objectType: "camera_alert", objectID: String(id),
                           summary: AuditEntry.summary(["reason": text, "type": alert.eventType, "confidence": alert.confidence])),
                at: now, in: db, kind: kind)
            return try await Self.view(try await Self.load(id, staff: staff, in: db), atlas: atlas, in: db)
        }
    }

    /// The snapshot of alert `id`, for the operator to judge it.
    public func snapshot(id: Int64, caller: Caller) async throws -> CaseAttachmentDownload {
        let staff = try Self.operator(caller)
        let alert = try await platform.database.read { try await Self.load(id, staff: staff, in: $0) }
        guard let name = alert.snapshotName, let type = alert.snapshotType.flatMap(FileType.init(rawValue:)) else {
            throw DomainError.notFound(what: "抓拍图片")
        }
        return CaseAttachmentDownload(data: try platform.uploads.read(name), type: type,
                                      name: AttachmentName.named("预警\(id)抓拍", type: type))
    }

    /// The caller as an operator of the queue: a person who registers cases.
    static func `operator`(_ caller: Caller) throws(DomainError) -> Staff {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.acceptCases) else { throw .forbidden(permission: .acceptCases) }
        return staff
    }

    /// Alert `id` when its grid lies in `staff`'s jurisdiction.
    static func load(_ id: Int64, staff: Staff, in db: any SQLDatabase) async throws -> CameraAlertRecord {
        guard let alert = try await CameraAlertRepository(db).find(id: id), staff.jurisdiction.contains(alert.gridCode) else {
            throw DomainError.notFound(what: "该预警")
        }
        return alert
    }

    /// The view of one alert.
    static func view(_ record: CameraAlertRecord, atlas: AreaAtlas, in db: any SQLDatabase) async throws -> CameraAlertView {
        guard let view = try await views([record], atlas: atlas, in: db).first else { throw DomainError.notFound(what: "该预警") }
        return view
    }

    /// The views of `records`, with their cameras and case numbers.
    static func views(_ records: [CameraAlertRecord], atlas: AreaAtlas, in db: any SQLDatabase) async throws
        -> [CameraAlertView]
    {
        let cameras = CameraRepository(db)
        let engine = CaseEngineRepository(db)
        var byID: [Int64: CameraRecord] = [:]
        var views: [CameraAlertView] = []
        for record in records {
            if byID[record.cameraId] == nil { byID[record.cameraId] = try await cameras.find(id: record.cameraId) }
            var number: String?
            if let caseId = record.caseId { number = try await engine.find(id: caseId)?.number }
            views.append(CameraAlertView(record, camera: byID[record.cameraId], caseNumber: number, atlas: atlas))
        }
        return views
    }
}
