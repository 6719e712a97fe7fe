import Foundation
import SQLKit

/// The rows of the grid worker app's field work: `patrols`, `patrol_points` and `visits`.
public struct FieldWorkRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts `record`; returns its id.
    public func insert(_ record: VisitRecord) async throws -> Int64 {
        let row = try await db.insert(into: "visits")
            .columns("account_id", "grid_code", "subject_kind", "subject", "person_id", "latitude", "longitude",
                     "visited_on", "notes", "findings", "created_at")
            .values(SQLBind(record.accountId), SQLBind(record.gridCode), SQLBind(record.subjectKind),
                    SQLBind(record.subject), SQLBind(record.personId), SQLBind(record.latitude), SQLBind(record.longitude),
                    SQLBind(record.visitedOn), SQLBind(record.notes), SQLBind(record.findings), SQLBind(record.createdAt))
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("visits") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// The account's latest visits, newest first.
    public func visits(accountId: Int64, limit: Int) async throws -> [VisitRecord] {
        try await db.select().column("*").from("visits").where("account_id", .equal, accountId)
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: VisitRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Inserts `record`; returns its id.
    public func insert(_ record: PatrolRecord) async throws -> Int64 {
        let row = try await db.insert(into: "patrols")
            .columns("account_id", "client_ref", "grid_code", "started_at", "ended_at", "checklist", "note",
                     "point_count", "created_at")
            .values(SQLBind(record.accountId), SQLBind(record.clientRef), SQLBind(record.gridCode),
                    SQLBind(record.startedAt), SQLBind(record.endedAt), SQLBind(record.checklist), SQLBind(record.note),
                    SQLBind(record.pointCount), SQLBind(record.createdAt))
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("patrols") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// The account's patrol named `clientRef` by its phone.
    public func patrol(accountId: Int64, clientRef: String) async throws -> PatrolRecord? {
        try await db.select().column("*").from("patrols").where("account_id", .equal, accountId)
            .where("client_ref", .equal, clientRef).first()?
            .decode(model: PatrolRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The account's latest patrols, newest first.
    public func patrols(accountId: Int64, limit: Int) async throws -> [PatrolRecord] {
        try await db.select().column("*").from("patrols").where("account_id", .equal, accountId)
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: PatrolRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Adds track points to patrol `patrolId` and counts them on the patrol.
    public func addPoints(patrolId: Int64, _ points: [(latitude: Double, longitude: Double, at: Int64)]) async throws {
        guard !points.isEmpty else { return }
        try await db.insertRows(
            into: "patrol_points", columns: ["patrol_id", "latitude", "longitude", "recorded_at"],
            rows: points.map { p -> [any Encodable & Sendable] in [patrolId, p.latitude, p.longitude, p.at] })
        try await db.update("patrols")
            .set(SQLIdentifier("point_count"), to: SQLBinaryExpression(SQLIdentifier("point_count"), .add, SQLBind(Int64(points.count))))
            .where("id", .equal, patrolId).run()
    }

    /// Ends patrol `patrolId`.
    public func stop(patrolId: Int64, endedAt: Int64, checklist: String, note: String?) async throws {
        try await db.update("patrols").set("ended_at", to: endedAt).set("checklist", to: checklist).set("note", to: note)
            .where("id", .equal, patrolId).run()
    }

    /// The track of patrol `patrolId`, in time order.
    public func points(patrolId: Int64) async throws -> [(latitude: Double, longitude: Double, at: Int64)] {
        try await db.select().column("latitude").column("longitude").column("recorded_at").from("patrol_points")
            .where("patrol_id", .equal, patrolId).orderBy("recorded_at").all()
            .map { (try $0.decode(column: "latitude", as: Double.self), try $0.decode(column: "longitude", as: Double.self),
                    try $0.decode(column: "recorded_at", as: Int64.self)) }
    }

    /// Names of the grids with these codes.
    public func gridNames(_ codes: [String]) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for row in try await db.select().column("code").column("name").from("areas").where("code", .in, codes).all() {
            names[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    /// The grids (not micro-grids) whose code starts with `prefix`, at most `limit`, by code.
    public func grids(prefix: String, limit: Int) async throws -> [(code: String, name: String)] {
        try await db.select().column("code").column("name").from("areas").where("level", .equal, "grid").where("status", .equal, "active")
            .where("code", .greaterThanOrEqual, prefix).where("code", .lessThan, prefix + ":")
            .orderBy("code").limit(limit).all()
            .map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self)) }
    }
}
