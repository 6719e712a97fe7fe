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

extension CaseListRepository {
    /// The departments of the area subtree `prefix` (the list's department choices), by name.
    public func departments(prefix: String) async throws -> [(id: Int64, name: String)] {
        let rows = try await db.select().column("id").column("name").from("departments")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
            .orderBy("name").orderBy("id").limit(500).all()
        return try rows.map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self)) }
    }
}
