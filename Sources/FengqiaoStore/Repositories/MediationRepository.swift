import Foundation
import SQLKit

/// The mediation registry (`mediation_organizations`, `mediators`).
public struct MediationRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ organization: MediationOrganizationRecord) async throws -> Int64 {
        let row = try await db.insert(into: "mediation_organizations")
            .model(organization, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw MediationRepositoryError.noID }
        return id
    }

    public func update(_ o: MediationOrganizationRecord) async throws {
        guard let id = o.id else { return }
        try await db.update("mediation_organizations")
            .set("area_code", to: o.areaCode).set("kind", to: o.kind).set("name", to: o.name)
            .set("address", to: o.address).set("phone_cipher", to: o.phoneCipher).set("phone_masked", to: o.phoneMasked)
            .set("active", to: o.active).set("updated_at", to: o.updatedAt)
            .where("id", .equal, id).run()
        // The mediators follow their organisation's area.
        try await db.update("mediators").set("area_code", to: o.areaCode).where("organization_id", .equal, id).run()
    }

    public func organization(id: Int64) async throws -> MediationOrganizationRecord? {
        try await db.select().column("*").from("mediation_organizations").where("id", .equal, id).first()?
            .decode(model: MediationOrganizationRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Organisations whose area lies in [`prefix`, `upperBound`), by area and id.
    public func organizations(areaFrom prefix: String, below upperBound: String, limit: Int) async throws
        -> [MediationOrganizationRecord]
    {
        try await db.select().column("*").from("mediation_organizations")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, upperBound)
            .orderBy("area_code").orderBy("id").limit(limit).all()
            .map { try $0.decode(model: MediationOrganizationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func insert(_ mediator: MediatorRecord) async throws -> Int64 {
        let row = try await db.insert(into: "mediators")
            .model(mediator, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw MediationRepositoryError.noID }
        return id
    }

    public func update(_ m: MediatorRecord) async throws {
        guard let id = m.id else { return }
        try await db.update("mediators")
            .set("organization_id", to: m.organizationId).set("area_code", to: m.areaCode).set("name", to: m.name)
            .set("phone_cipher", to: m.phoneCipher).set("phone_masked", to: m.phoneMasked)
            .set("specialties", to: m.specialties).set("languages", to: m.languages)
            .set("availability", to: m.availability).set("active", to: m.active).set("updated_at", to: m.updatedAt)
            .where("id", .equal, id).run()
    }

    public func mediator(id: Int64) async throws -> MediatorRecord? {
        try await db.select().column("*").from("mediators").where("id", .equal, id).first()?
            .decode(model: MediatorRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Mediators whose organisation lies in [`prefix`, `upperBound`), by area and id.
    public func mediators(areaFrom prefix: String, below upperBound: String, limit: Int) async throws -> [MediatorRecord] {
        try await db.select().column("*").from("mediators")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, upperBound)
            .orderBy("area_code").orderBy("id").limit(limit).all()
            .map { try $0.decode(model: MediatorRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}

/// The database answered an insert without the new row's id.
public enum MediationRepositoryError: Error { case noID }
