import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension FieldWork {
    /// The phone's name for a patrol: 8 to 64 letters, digits, `-` or `_` (a UUID made on the device).
    static func checkedRef(_ ref: String?) throws(DomainError) -> String {
        guard let ref = ref?.trimmingCharacters(in: .whitespaces), !ref.isEmpty else {
            throw .validation([.required("ref", label: "巡查编号")])
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        guard (8...64).contains(ref.count), ref.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            throw .validation([FieldError(field: "ref", code: "invalid_format", message: "巡查编号应为手机生成的8到64位字母、数字或连字符")])
        }
        return ref
    }

    /// Starts patrol `start.ref` on one of the worker's grids. Starting the same `ref` again answers the patrol.
    public func startPatrol(_ start: PatrolStart, idempotencyKey: String?, caller: Caller) async throws
        -> PatrolView
    {
        try Self.requireFieldStaff(caller)
        let ref = try Self.checkedRef(start.ref)
        let nowMs = platform.clock.now().millisecondsSince1970
        let checked = try start.validate(now: nowMs)
        let grid = try await ownGrid(checked.position, caller: caller)
        let staff = caller.staff
        let kind = platform.database.kind
        return try await FieldReceipts(platform: platform).once(
            key: idempotencyKey, fingerprint: try FieldReceipts.fingerprint("patrol-start \(ref)", start), caller: caller
        ) { db in
            let rows = FieldWorkRepository(db)
            if let existing = try await rows.patrol(accountId: staff.accountID, clientRef: ref) {
                guard existing.gridCode == grid, existing.startedAt == checked.startedAt else {
                    throw DomainError.conflict(code: "patrol_exists", message: "该巡查编号已用于另一次巡查")
                }
                return PatrolView(existing)
            }
            var record = PatrolRecord(accountId: staff.accountID, clientRef: ref, gridCode: grid,
                                      startedAt: checked.startedAt, createdAt: nowMs)
            record.id = try await rows.insert(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: "patrol.start", objectType: "patrol", objectID: ref,
                           summary: AuditEntry.summary(["grid": grid, "startedAt": checked.startedAt])),
                at: nowMs, in: db, kind: kind)
            return PatrolView(record)
        }
    }

    /// Adds track points to the worker's own patrol `ref` while it runs.
    public func track(ref: String, points: [TrackPoint], idempotencyKey: String?, caller: Caller) async throws -> PatrolView {
        try Self.requireFieldStaff(caller)
        let ref = try Self.checkedRef(ref)
        let nowMs = platform.clock.now().millisecondsSince1970
        let checked = try TrackPoint.check(points, now: nowMs).map { (latitude: $0.0.latitude, longitude: $0.0.longitude, at: $0.1) }
        let staff = caller.staff
        return try await FieldReceipts(platform: platform).once(
            key: idempotencyKey, fingerprint: try FieldReceipts.fingerprint("patrol-track \(ref)", points), caller: caller
        ) { db in
            let rows = FieldWorkRepository(db)
            guard let patrol = try await rows.patrol(accountId: staff.accountID, clientRef: ref), let id = patrol.id else {
                throw DomainError.notFound(what: "该巡查")
            }
            guard patrol.endedAt == nil else {
                throw DomainError.conflict(code: "patrol_ended", message: "该巡查已结束,不能再添加轨迹")
            }
            try await rows.addPoints(patrolId: id, checked)
            var updated = patrol
            updated.pointCount += Int64(checked.count)
            return PatrolView(updated)
        }
    }

    /// Ends the worker's own patrol `ref` with the checklist as walked.
    public func stopPatrol(ref: String, _ stop: PatrolStop, idempotencyKey: String?, caller: Caller) async throws -> PatrolView {
        try Self.requireFieldStaff(caller)
        let ref = try Self.checkedRef(ref)
        let nowMs = platform.clock.now().millisecondsSince1970
        let staff = caller.staff
        let kind = platform.database.kind
        let patrol = try await platform.database.read {
            try await FieldWorkRepository($0).patrol(accountId: staff.accountID, clientRef: ref)
        }
        guard let patrol else { throw DomainError.notFound(what: "该巡查") }
        let checked = try stop.validate(startedAt: patrol.startedAt, now: nowMs)
        let checklist = String(decoding: try JSONEncoder().encode(checked.checklist), as: UTF8.self)
        return try await FieldReceipts(platform: platform).once(
            key: idempotencyKey, fingerprint: try FieldReceipts.fingerprint("patrol-stop \(ref)", stop), caller: caller
        ) { db in
            let rows = FieldWorkRepository(db)
            guard var current = try await rows.patrol(accountId: staff.accountID, clientRef: ref), let id = current.id else {
                throw DomainError.notFound(what: "该巡查")
            }
            guard current.endedAt == nil else {
                throw DomainError.conflict(code: "patrol_ended", message: "该巡查已结束")
            }
            try await rows.stop(patrolId: id, endedAt: checked.endedAt, checklist: checklist, note: checked.note)
            current.endedAt = checked.endedAt
            current.checklist = checklist
            current.note = checked.note
            try await AuditTrail.append(
                AuditEntry(caller, action: "patrol.stop", objectType: "patrol", objectID: ref,
                           summary: AuditEntry.summary([
                               "grid": current.gridCode, "points": current.pointCount,
                               "issues": checked.checklist.filter { $0.status == .issue }.count,
                           ])),
                at: nowMs, in: db, kind: kind)
            return PatrolView(current)
        }
    }

    /// The worker's latest patrols, newest first.
    public func patrols(caller: Caller) async throws -> [PatrolView] {
        try Self.requireFieldStaff(caller)
        let rows = try await platform.database.read {
            try await FieldWorkRepository($0).patrols(accountId: caller.staff.accountID, limit: Self.listLimit)
        }
        return rows.map(PatrolView.init)
    }
}
