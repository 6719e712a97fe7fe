import FengqiaoDomain
import FengqiaoStore
import Foundation

extension CaseEngine {
    /// The commands `staff` may issue on a loaded case now: what the workflow offers, narrowed to the
    /// role's permissions and, on a petition's case, without the decisions that belong to the petition.
    /// The case page and the 待办 queues ask the same question here.
    static func offeredCommands(
        _ snapshot: CaseSnapshot, staff: Staff, isPetition: Bool, now: Date, policy: CasePolicy
    ) -> [CaseCommand.Name] {
        guard !staff.isMachine else { return [] }
        return CaseWorkflow.offered(snapshot, by: .staff(staff), at: now, policy: policy).filter { name in
            CaseCommandRequest(name: name).permissions.contains(where: staff.may)
                && !(isPetition && petitionDecisions.contains(name))
        }
    }

    /// For each case of `numbers` (already listed for the caller, so inside the jurisdiction): what the
    /// caller may do on it now, whether it waits for a ruling on a return, and its open supervisions.
    /// A case that is no longer the caller's (moved meanwhile) is left out, never an error.
    public func offers(caseNumbers numbers: [String], caller: Caller) async throws -> [String: CaseOffer] {
        let staff = caller.staff
        try staff.require(.viewCases)
        let now = platform.clock.now()
        let policy = try await platform.casePolicy()
        return try await platform.database.read { db in
            var offers: [String: CaseOffer] = [:]
            for number in numbers {
                guard let loaded = try? await Self.load(number, staff: staff, in: db), let snapshot = loaded.snapshot
                else { continue }
                let isPetition = try await PetitionRepository(db).isPetitionCase(loaded.id)
                offers[number] = CaseOffer(
                    number: number, version: snapshot.version,
                    offered: Self.offeredCommands(snapshot, staff: staff, isPetition: isPetition, now: now, policy: policy),
                    returned: snapshot.returned, openSupervisions: snapshot.supervisions.filter(\.isOpen))
            }
            return offers
        }
    }
}
