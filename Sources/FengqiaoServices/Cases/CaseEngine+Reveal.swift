import FengqiaoDomain
import FengqiaoStore
import Foundation

extension CaseEngine {
    /// The contact's and parties' phones of case `caseNumber` unmasked, for holders of `revealIdentifiers`
    /// inside the jurisdiction; recorded in the audit log (`case.reveal`) in the same transaction.
    public func reveal(caseNumber: String, caller: Caller) async throws -> RevealedCaseContacts {
        let staff = caller.staff
        try staff.require(.revealIdentifiers)
        let now = platform.clock.now()
        let cipher = platform.cipher
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let loaded = try await Self.load(caseNumber, staff: staff, in: db)
            let parties = try await CaseEngineRepository(db).partiesSealed(caseId: loaded.id).map {
                RevealedCaseContacts.Party(side: $0.side, name: $0.name, phone: try $0.phoneCipher.map { try cipher.open($0) })
            }
            let revealed = RevealedCaseContacts(
                contactName: loaded.record.contactName,
                contactPhone: try loaded.record.contactPhoneCipher.map { try cipher.open($0) }, parties: parties)
            var entry = AuditEntry(caller, action: "case.reveal", objectType: "case", objectID: loaded.record.number)
            entry.summary = AuditEntry.summary(["fields": ["contactPhone", "partyPhones"]])
            try await AuditTrail.append(entry, at: now.millisecondsSince1970, in: db, kind: kind)
            return revealed
        }
    }
}
