import FengqiaoDomain
import FengqiaoStore
import Foundation

extension PetitionReception {
    /// The petitioners of petition `id` with their 公民身份号码 and phones unmasked, for holders of
    /// `revealIdentifiers` inside the jurisdiction; recorded in the audit log before they are returned.
    public func reveal(id: Int64, caller: Caller) async throws -> [RevealedPetitioner] {
        let staff = caller.staff
        try staff.require(.revealIdentifiers)
        let now = platform.clock.now()
        let cipher = platform.cipher
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let record = try await Self.load(id, staff: staff, in: db)
            let petitioners = try await PetitionRepository(db).petitioners(of: id)
            let revealed = try petitioners.map {
                RevealedPetitioner(position: $0.position, name: $0.name,
                                   idNumber: try $0.idNumberCipher.map { try cipher.open($0) },
                                   phone: try $0.phoneCipher.map { try cipher.open($0) })
            }
            try await Self.audit(caller, action: "petition.reveal", record, ["fields": ["idNumber", "phone"]], now: now,
                                 kind: kind, in: db)
            return revealed
        }
    }
}
