import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Runs case commands: authorise, load and replay the events, decide (`CaseWorkflow`), then append the
/// events, move the case row, its assignments and daily counters, audit, and keep the answer for
/// retries with the same `Idempotency-Key` — all in one write transaction.
///
/// The rules (`CasePolicy`: attempt limits, tier deadlines, check-in times, the return window, reopens)
/// are the ones the system admin stored (`Platform.casePolicy()`), read afresh for every command.
public struct CaseEngine: Sendable {
    let platform: Platform

    public init(platform: Platform) {
        self.platform = platform
    }

    /// The business calendar deadlines are computed on (the one seam to the admin-edited calendar).
    func calendar() async throws -> BusinessCalendar { try await platform.businessCalendar() }

    /// Performs `request` on case `caseNumber`. `expectedVersion` (from `If-Match`) must be the case's
    /// current version when given; `idempotencyKey` makes a retry return the first answer.
    /// What only the petition reception decides for a petition's case (受理, 不予受理, the written reply), and
    /// what would leave the petition behind (merge, split, withdrawal): refused through the case API.
    static let petitionDecisions: Set<CaseCommand.Name> = [.accept, .reject, .merge, .split, .withdraw, .close]

    public func perform(
        _ request: CaseCommandRequest, caseNumber: String, expectedVersion: Int? = nil, idempotencyKey: String? = nil,
        caller: Caller
    ) async throws -> CaseView {
        let staff = caller.staff
        let permissions = request.permissions
        guard !staff.isMachine, permissions.contains(where: staff.may) else {
            throw DomainError.forbidden(permission: permissions.first ?? .viewCases)
        }
        let key = try Self.checked(idempotencyKey)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let calendar = try await calendar()
        let policy = try await platform.casePolicy()
        let kind = platform.database.kind
        let actorKey = "account:\(staff.accountID)"
        return try await platform.database.write { db in try await CaseRollupRepository.batching(in: db) {
            let engine = CaseEngineRepository(db)
            if let key, let receipt = try await engine.receipt(actor: actorKey, key: key) {
                guard receipt.command == request.fingerprint else { throw Self.keyReused }
                return try CaseEventCodec.decoder.decode(CaseView.self, from: Data(receipt.response.utf8))
            }
            let loaded = try await Self.load(caseNumber, staff: staff, in: db)
            guard let snapshot = loaded.snapshot else { throw CaseEventCodec.legacyHistory }
            if let expectedVersion, expectedVersion != snapshot.version { throw Self.versionConflict(snapshot) }
            if Self.petitionDecisions.contains(request.name), try await PetitionRepository(db).isPetitionCase(loaded.id) {
                throw DomainError.conflict(
                    code: "petition_case", message: "该案件是信访事项,\(request.name.chineseName)须在信访接待中办理,以免信访记录与案件不一致")
            }
            var mergeTarget: Int64?
            if request.name == .merge, let into = request.body.into {
                let target = try await CaseRepository(db).find(number: into)
                guard let target, let id = target.id, id != loaded.id,
                      staff.jurisdiction.contains(target.gridCode ?? target.areaCode)
                else { throw DomainError.validation([FieldError(field: "into", code: "unknown", message: "辖区内没有该案件编号,或与本案相同")]) }
                mergeTarget = id
            }
            let effective = try await HotlineDeadline.applied(to: request, record: loaded.record, caseId: loaded.id,
                                                              now: now, in: db)
            let command = try effective.command(
                snapshot: snapshot, category: loaded.record.category, mergeTarget: mergeTarget, now: now, calendar: calendar,
                policy: policy)
            let events = try CaseWorkflow.events(snapshot, command, by: .staff(staff), at: now, policy: policy)
            let audit = AuditEntry(caller, action: "case.\(request.name.rawValue)", objectType: "case",
                                   objectID: loaded.record.number)
            let view = try await Self.commit(events, to: loaded, snapshot: snapshot, now: now, calendar: calendar,
                                             policy: policy, audit: audit, kind: kind, in: db)
            if let key {
                let response = String(decoding: try CaseEventCodec.encoder.encode(view), as: UTF8.self)
                try await engine.insertReceipt(actor: actorKey, key: key, caseId: loaded.id, command: request.fingerprint,
                                               response: response, at: now.millisecondsSince1970)
            }
            return view
        } }
    }

    /// Appends `events` (decided on `snapshot`) to the loaded case and moves everything that follows
    /// from them, in the caller's transaction: the `cases` row (only if its version is still the one
    /// loaded), the events, daily counters, assignments, clocks, and the audit entry `audit` (when the
    /// caller does not audit itself) with the new state and version (plus `details`). Returns the case's view.
    static func commit(
        _ events: [CaseEvent], to loaded: Loaded, snapshot: CaseSnapshot, now: Date, calendar: BusinessCalendar,
        policy: CasePolicy, audit: AuditEntry?, details: [String: any Sendable] = [:], kind: DatabaseKind,
        in db: any SQLDatabase
    ) async throws -> CaseView {
        let engine = CaseEngineRepository(db)
        let after = snapshot.applying(events)
        let projection = Self.projection(after, record: loaded.record, now: now)
        guard try await engine.update(caseId: loaded.id, expectedVersion: loaded.rowVersion, to: projection) else {
            throw Self.versionConflict(snapshot)
        }
        try await engine.append(try CaseEventCodec.records(events, after: snapshot, caseId: loaded.id))
        try await HotlineStatusFeed.caseMoved(caseId: loaded.id, record: loaded.record, from: snapshot, to: after, at: now,
                                              in: db)
        try await Self.moveCounters(loaded.record, to: projection, in: db)
        try await Self.syncAssignments(caseId: loaded.id, before: snapshot, after: after, now: now, in: db)
        try await CaseClockBook.sync(.init(loaded.record, caseId: loaded.id), events: loaded.events + events, now: now,
                                     calendar: calendar, policy: policy, promote: false, in: db)

        var record = loaded.record
        record.state = projection.state
        record.kind = projection.kind
        record.category = projection.category
        record.urgency = projection.urgency
        record.updatedAt = projection.updatedAt
        let view = try await Self.view(record, caseId: loaded.id, events: loaded.events + events, now: now, in: db)
        if var entry = audit {
            entry.summary = AuditEntry.summary(details.merging(["state": after.state.rawValue, "version": after.version]) { $1 })
            try await AuditTrail.append(entry, at: now.millisecondsSince1970, in: db, kind: kind)
        }
        return view
    }

    /// The case as `caller` may see it: inside the jurisdiction and, for department staff, involving
    /// their department.
    public func view(caseNumber: String, caller: Caller) async throws -> CaseView {
        try caller.staff.require(.viewCases)
        let now = platform.clock.now()
        return try await platform.database.read { db in
            let loaded = try await Self.load(caseNumber, staff: caller.staff, in: db)
            return try await Self.view(loaded.record, caseId: loaded.id, events: loaded.events, legacy: loaded.legacy,
                                       now: now, in: db)
        }
    }

    static let keyReused = DomainError.validation([FieldError(
        field: "Idempotency-Key", code: "key_reused", message: "该幂等键已用于另一项操作,请换一个新的幂等键")])

    static func versionConflict(_ snapshot: CaseSnapshot) -> DomainError {
        .conflict(code: "version_conflict",
                  message: "案件已被他人更新,当前为“\(snapshot.state.chineseName)”(版本\(snapshot.version)),请刷新后重试")
    }

    static func checked(_ key: String?) throws(DomainError) -> String? {
        guard let key = key?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { return nil }
        guard key.count <= 100 else { throw .validation([.tooLong("Idempotency-Key", label: "幂等键", max: 100)]) }
        return key
    }
}
