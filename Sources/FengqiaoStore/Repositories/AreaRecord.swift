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
    /// `active`, or `retired` once split, merged, moved or abolished.
    public var status: String
    /// China-time day from which the area is in force, and the day it was retired.
    public var effectiveFrom: String?
    public var retiredOn: String?
    /// Other names people use for it, `|`-separated (昆区 for 昆都仑区).
    public var aliases: String
    /// Geodesic area of the boundary in m².
    public var areaM2: Double?

    public init(
        code: String, parentCode: String?, level: String, gridKind: String? = nil, name: String, boundary: String? = nil,
        minLat: Double? = nil, minLon: Double? = nil, maxLat: Double? = nil, maxLon: Double? = nil, createdAt: Int64,
        status: String = "active", effectiveFrom: String? = nil, retiredOn: String? = nil, aliases: String = "",
        areaM2: Double? = nil
    ) {
        self.status = status
        self.effectiveFrom = effectiveFrom
        self.retiredOn = retiredOn
        self.aliases = aliases
        self.areaM2 = areaM2
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
        "created_at", "status", "effective_from", "retired_on", "aliases", "area_m2",
    ]

    var values: [any Encodable & Sendable] {
        [code, parentCode, level, gridKind, name, boundary, minLat, minLon, maxLat, maxLon, createdAt, status,
         effectiveFrom, retiredOn, aliases, areaM2]
    }
}
