import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// What a command issued for a mediation did to its case.
    struct MediationStep: Sendable {
        var view: CaseView
        var events: [CaseEvent]
    }

    /// Issues `command` on case `number` for `caller` inside the caller's transaction `db`: the case must
    /// be visible to the caller (else "not found"), the workflow decides exactly as for a command through
    /// the API (state, permission, tier, attempt limits), and the events, projection, clocks and the
    /// `case.<command>` audit entry are committed in `db`. A refusal throws and writes nothing.
    static func performForMediation(
        _ command: CaseCommand, on number: String, caller: Caller, now: Date, calendar: BusinessCalendar,
        policy: CasePolicy, kind: DatabaseKind, in db: any SQLDatabase
    ) async throws -> MediationStep {
        let loaded = try await load(number, staff: caller.staff, in: db)
        guard let snapshot = loaded.snapshot else { throw CaseEventCodec.legacyHistory }
        let events = try CaseWorkflow.events(snapshot, command, by: .staff(caller.staff), at: now, policy: policy)
        let audit = AuditEntry(caller, action: "case.\(command.name.rawValue)", objectType: "case",
                               objectID: loaded.record.number)
        let view = try await commit(events, to: loaded, snapshot: snapshot, now: now, calendar: calendar, policy: policy,
                                    audit: audit, details: ["via": "mediation"], kind: kind, in: db)
        return MediationStep(view: view, events: events)
    }

    /// The replayed snapshot of case `number` as `staff` may see it (nil for a legacy history).
    static func snapshotForMediation(_ number: String, staff: Staff, in db: any SQLDatabase) async throws
        -> (record: CaseRecord, id: Int64, snapshot: CaseSnapshot?)
    {
        let loaded = try await load(number, staff: staff, in: db)
        return (loaded.record, loaded.id, loaded.snapshot)
    }
}
