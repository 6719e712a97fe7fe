import Foundation
import SQLKit

extension CaseListRepository {
    /// The contact of each case in `ids`: the name as given and the phone only in its masked form (the
    /// cipher is never read here).
    public func maskedContacts(_ ids: [Int64]) async throws -> [Int64: (name: String?, phoneMasked: String?)] {
        guard !ids.isEmpty else { return [:] }
        var contacts: [Int64: (name: String?, phoneMasked: String?)] = [:]
        let rows = try await db.select().column("id").column("contact_name").column("contact_phone_masked")
            .from("cases").where("id", .in, ids).all()
        for row in rows {
            contacts[try row.decode(column: "id", as: Int64.self)] = (
                try row.decode(column: "contact_name", as: String?.self),
                try row.decode(column: "contact_phone_masked", as: String?.self))
        }
        return contacts
    }
}
