import Foundation

/// An area row: a node of the tree with its GeoJSON boundary and bounding box.
public struct AreaRecord: Sendable, Codable, Equatable {
    public var code: String
    public var parentCode: String?
    public var level: String
    public var gridKind: String?
    public var name: String
    /// GeoJSON geometry (Polygon or MultiPolygon), WGS84.
    public var boundary: String?
    public var minLat: Double?
    public var minLon: Double?
    public var maxLat: Double?
    public var maxLon: Double?
    public var createdAt: Int64

    public init(
        code: String, parentCode: String?, level: String, gridKind: String? = nil, name: String, boundary: String? = nil,
        minLat: Double? = nil, minLon: Double? = nil, maxLat: Double? = nil, maxLon: Double? = nil, createdAt: Int64
    ) {
        self.code = code
        self.parentCode = parentCode
        self.level = level
        self.gridKind = gridKind
        self.name = name
        self.boundary = boundary
        self.minLat = minLat
        self.minLon = minLon
        self.maxLat = maxLat
        self.maxLon = maxLon
        self.createdAt = createdAt
    }

    static let columns = [
        "code", "parent_code", "level", "grid_kind", "name", "boundary", "min_lat", "min_lon", "max_lat", "max_lon",
        "created_at",
    ]

    var values: [any Encodable & Sendable] {
        [code, parentCode, level, gridKind, name, boundary, minLat, minLon, maxLat, maxLon, createdAt]
    }
}
