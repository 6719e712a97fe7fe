import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A minimal area tree for tests that need somewhere to file cases: 包头市 › 九原区 › 沙河街道 ›
/// 康乐社区 › one grid over [109.80, 109.81] × [40.60, 40.61].
public enum SampleAreas {
    public static let city = "150200000000"
    public static let county = "150207000000"
    public static let township = "150207001000"
    public static let village = "150207001001"
    public static let grid = "150207001001001"
    public static let pointInGrid = (latitude: 40.605, longitude: 109.805)

    public static func insert(into database: any Database) async throws {
        let now: Int64 = 0
        try await database.write { db in
            try await AreaRepository(db).insert([
                AreaRecord(code: city, parentCode: nil, level: "city", name: "包头市", createdAt: now),
                AreaRecord(code: county, parentCode: city, level: "county", name: "九原区", createdAt: now),
                AreaRecord(code: township, parentCode: county, level: "township", name: "沙河街道", createdAt: now),
                AreaRecord(code: village, parentCode: township, level: "village", name: "康乐社区",
                           boundary: rectangle(40.60, 109.80, 40.62, 109.82),
                           minLat: 40.60, minLon: 109.80, maxLat: 40.62, maxLon: 109.82, createdAt: now),
                AreaRecord(code: grid, parentCode: village, level: "grid", gridKind: "ordinary", name: "康乐社区第1网格",
                           boundary: rectangle(40.60, 109.80, 40.61, 109.81),
                           minLat: 40.60, minLon: 109.80, maxLat: 40.61, maxLon: 109.81, createdAt: now),
            ])
        }
    }

    /// A GeoJSON Polygon for the box [minLat, maxLat] × [minLon, maxLon].
    public static func rectangle(_ minLat: Double, _ minLon: Double, _ maxLat: Double, _ maxLon: Double) -> String {
        GeoPolygon(exterior: [
            Coordinate(latitude: minLat, longitude: minLon), Coordinate(latitude: minLat, longitude: maxLon),
            Coordinate(latitude: maxLat, longitude: maxLon), Coordinate(latitude: maxLat, longitude: minLon),
        ]).geoJSON()
    }
}
