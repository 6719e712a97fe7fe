import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The registry of AI cameras: each watches one grid, where its alerts are filed. Administrators holding
/// `configureCases` register and change cameras in their jurisdiction (a camera is retired by making it
/// inactive, never deleted: its alerts and cases keep pointing at it); staff who see cases and the alert
/// platforms' tokens read the list. Every change is audited with the camera before and after.
public struct CameraRegistry: Sendable {
    let platform: Platform

    public static let listLimit = 5000

    public init(platform: Platform) { self.platform = platform }

    /// The cameras in the caller's jurisdiction, by grid and code.
    public func list(caller: Caller) async throws -> [CameraView] {
        let staff = caller.staff
        guard [.configureCases, .viewCases, .reportCameraAlerts].contains(where: staff.may) else {
            throw DomainError.forbidden(permission: .configureCases)
        }
        let jurisdiction = staff.jurisdiction
        let atlas = try await platform.areaAtlas()
        return try await platform.database.read { db in
            try await CameraRepository(db).list(areaFrom: jurisdiction.prefix, below: jurisdiction.upperBound,
                                                limit: Self.listLimit)
        }.map { CameraView($0, atlas: atlas) }
    }

    /// Registers a camera; its code must be new and its grid a grid inside the jurisdiction.
    @discardableResult
    public func register(_ submission: CameraSubmission, caller: Caller) async throws -> CameraView {
        try caller.staff.require(.configureCases)
        let camera = try submission.validate()
        let atlas = try await platform.areaAtlas()
        try Self.requireGrid(camera.gridCode, staff: caller.staff, atlas: atlas)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let record = CameraRecord(
            code: camera.code, name: camera.name, gridCode: camera.gridCode.rawValue, lat: camera.location?.latitude,
            lon: camera.location?.longitude, active: camera.active ? 1 : 0, createdAt: now, updatedAt: now)
        return try await platform.database.write { db in
            guard let id = try await CameraRepository(db).insert(record) else {
                throw DomainError.validation([FieldError(field: "code", code: "taken", message: "该摄像头编号已登记")])
            }
            var saved = record
            saved.id = id
            try await AuditTrail.append(
                AuditEntry(caller, action: "camera.create", objectType: "camera", objectID: camera.code,
                           summary: AuditEntry.summary(["after": Self.auditFields(saved)])),
                at: now, in: db, kind: kind)
            return CameraView(saved, atlas: atlas)
        }
    }

    /// Changes camera `id` (name, grid, point, active; the code is the platform's and stays). A camera
    /// outside the jurisdiction is "not found"; so is a grid outside it, as a field error.
    @discardableResult
    public func update(id: Int64, _ submission: CameraSubmission, caller: Caller) async throws -> CameraView {
        try caller.staff.require(.configureCases)
        let staff = caller.staff
        let existing = try await platform.database.read { try await CameraRepository($0).find(id: id) }
        guard let existing, staff.jurisdiction.contains(existing.gridCode) else { throw DomainError.notFound(what: "该摄像头") }
        var submission = submission
        submission.code = existing.code
        let camera = try submission.validate()
        let atlas = try await platform.areaAtlas()
        try Self.requireGrid(camera.gridCode, staff: staff, atlas: atlas)
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let cameras = CameraRepository(db)
            guard let before = try await cameras.find(id: id), staff.jurisdiction.contains(before.gridCode) else {
                throw DomainError.notFound(what: "该摄像头")
            }
            var after = before
            after.name = camera.name
            after.gridCode = camera.gridCode.rawValue
            after.lat = camera.location?.latitude
            after.lon = camera.location?.longitude
            after.active = camera.active ? 1 : 0
            after.updatedAt = now
            guard after != before else { return CameraView(before, atlas: atlas) }
            try await cameras.update(after)
            try await AuditTrail.append(
                AuditEntry(caller, action: "camera.update", objectType: "camera", objectID: before.code,
                           summary: AuditEntry.summary(["before": Self.auditFields(before), "after": Self.auditFields(after)])),
                at: now, in: db, kind: kind)
            return CameraView(after, atlas: atlas)
        }
    }

    /// `code` must name a grid or micro-grid of the map inside `staff`'s jurisdiction.
    static func requireGrid(_ code: AreaCode, staff: Staff, atlas: AreaAtlas) throws(DomainError) {
        guard let node = atlas.node(code.rawValue), [.grid, .microGrid].contains(node.level),
              staff.jurisdiction.contains(code)
        else { throw DomainError.validation([FieldError(field: "gridCode", code: "unknown", message: "辖区内没有该网格")]) }
    }

    static func auditFields(_ camera: CameraRecord) -> [String: any Sendable] {
        var fields: [String: any Sendable] = ["name": camera.name, "grid": camera.gridCode, "active": camera.active == 1]
        if let lat = camera.lat, let lon = camera.lon { fields["point"] = [lat, lon] }
        return fields
    }
}
