import Foundation
import SQLKit

/// The camera registry (`cameras`).
public struct CameraRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts the camera and returns its id; nil when its code is taken.
    public func insert(_ camera: CameraRecord) async throws -> Int64? {
        try await db.insert(into: "cameras")
            .model(camera, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .ignoringConflicts(with: "code")
            .returning("id").first()?.decode(column: "id", as: Int64.self)
    }

    /// Writes every column of camera `camera.id` but its creation time.
    public func update(_ camera: CameraRecord) async throws {
        guard let id = camera.id else { return }
        try await db.update("cameras")
            .set("name", to: camera.name).set("grid_code", to: camera.gridCode).set("lat", to: camera.lat)
            .set("lon", to: camera.lon).set("active", to: camera.active).set("updated_at", to: camera.updatedAt)
            .where("id", .equal, id).run()
    }

    public func find(id: Int64) async throws -> CameraRecord? {
        try await db.select().column("*").from("cameras").where("id", .equal, id).first()?
            .decode(model: CameraRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(code: String) async throws -> CameraRecord? {
        try await db.select().column("*").from("cameras").where("code", .equal, code).first()?
            .decode(model: CameraRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Cameras whose grid lies in [`prefix`, `upperBound`) (a jurisdiction's range), by grid and code.
    public func list(areaFrom prefix: String, below upperBound: String, limit: Int) async throws -> [CameraRecord] {
        try await db.select().column("*").from("cameras")
            .where("grid_code", .greaterThanOrEqual, prefix).where("grid_code", .lessThan, upperBound)
            .orderBy("grid_code").orderBy("code").limit(limit).all()
            .map { try $0.decode(model: CameraRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// On PostgreSQL, locks camera `id` until the transaction ends, so that alerts from one camera are
    /// taken in one at a time (SQLite's single writer does that already).
    public func lock(id: Int64, kind: DatabaseKind) async throws {
        guard kind == .postgres else { return }
        try await db.raw("SELECT id FROM cameras WHERE id = \(bind: id) FOR UPDATE").run()
    }
}
