import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import Foundation

/// Cameras and alerts for tests: a second township (B) beside the sample one, a camera in each grid,
/// callers of each kind, and alerts timed from the reference date.
public enum CameraFixture {
    public static let townshipB = "150207002000"
    public static let villageB = "150207002001"
    public static let gridB = "150207002001001"
    /// A camera in the sample grid (township A) and one in township B's grid.
    public static let cameraA = "34020000001320000001"
    public static let cameraB = "34020000001320000002"

    /// The first bytes of a JPEG and of a PNG, and an executable pretending to be a picture.
    public static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF".utf8) + Data(repeating: 0x11, count: 64)
    public static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0x22, count: 64)
    public static let executable = Data("MZ".utf8) + Data(repeating: 0x90, count: 64)

    /// Township B with one village and one grid, north of the sample grid.
    public static func insertTownshipB(into database: any Database) async throws {
        try await database.write { db in
            try await AreaRepository(db).insert([
                AreaRecord(code: townshipB, parentCode: SampleAreas.county, level: "township", name: "麻池镇", createdAt: 0),
                AreaRecord(code: villageB, parentCode: townshipB, level: "village", name: "麻池村",
                           boundary: SampleAreas.rectangle(40.62, 109.80, 40.64, 109.82),
                           minLat: 40.62, minLon: 109.80, maxLat: 40.64, maxLon: 109.82, createdAt: 0),
                AreaRecord(code: gridB, parentCode: villageB, level: "grid", gridKind: "ordinary", name: "麻池村第1网格",
                           boundary: SampleAreas.rectangle(40.62, 109.80, 40.63, 109.81),
                           minLat: 40.62, minLon: 109.80, maxLat: 40.63, maxLon: 109.81, createdAt: 0),
            ])
        }
    }

    /// A member of staff in `role` answering for `area`.
    public static func person(_ role: Role, _ area: String, id: Int64 = 7, name: String = "张受理") -> Caller {
        Caller(staff: Staff(accountID: id, username: "u\(id)", displayName: name, role: role,
                            jurisdiction: Jurisdiction(root: AreaCode(area) ?? AreaCode(SampleAreas.county)!)),
               ip: "test")
    }

    /// An algorithm platform's token principal for `area`.
    public static func machine(_ area: String = SampleAreas.county, scopes: Set<ApiScope> = [.alertsWrite]) -> Caller {
        Caller(staff: Staff.machine(tokenID: 1, name: "视频平台", scopes: scopes,
                                    jurisdiction: Jurisdiction(root: AreaCode(area) ?? AreaCode(SampleAreas.county)!)),
               ip: "10.1.1.1")
    }

    /// Township B, both cameras (A with a point in the sample grid), as the county's system admin.
    public static func prepare(_ platform: Platform) async throws {
        try await SampleAreas.insert(into: platform.database)
        try await insertTownshipB(into: platform.database)
        let registry = CameraRegistry(platform: platform)
        let admin = person(.systemAdmin, SampleAreas.county, id: 1, name: "系统管理员")
        try await registry.register(CameraSubmission(code: cameraA, name: "康乐社区东门", gridCode: SampleAreas.grid,
                                                     latitude: "40.605", longitude: "109.805"), caller: admin)
        try await registry.register(CameraSubmission(code: cameraB, name: "麻池村路口", gridCode: gridB), caller: admin)
    }

    /// An alert seen `minutes` after the reference date.
    public static func alert(
        _ eventId: String, camera: String = cameraA, type: String = "illegalParking", confidence: Double = 0.5,
        minutes: Double = 0, snapshot: Data? = nil, description: String? = nil
    ) -> CameraAlertSubmission {
        CameraAlertSubmission(
            eventId: eventId, cameraId: camera, eventType: type,
            occurredAt: ISO8601DateFormatter().string(from: TestPlatform.referenceDate.addingTimeInterval(minutes * 60)),
            confidence: confidence, snapshot: snapshot?.base64EncodedString(), description: description)
    }
}
